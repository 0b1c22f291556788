/** Moves drawn positions smoothly between the engine's tick positions: each new cell starts a straight
 *  segment from where the sprite is now, timed to last until the next step is due. Display only: the
 *  engine's position stays the truth and nothing here feeds back into the run. */

export interface Point {
  x: number;
  y: number;
}

interface Segment {
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  start: number;
  duration: number;
}

/** The slowest pace a glide follows (x1 on a struggling machine); a longer gap between ticks is a pause. */
export const MAX_MS_PER_TICK = 1000;

/** The wall time per tick glides are timed by, after a tick `measured` ms after the one before. A pause
 *  or a stalled tab is not a pace: counting it would slow every glide for several ticks after. */
export function smoothPace(msPerTick: number, measured: number): number {
  if (measured > MAX_MS_PER_TICK) return msPerTick;
  return Math.max(20, msPerTick * 0.7 + measured * 0.3);
}

/** A jump longer than this (cells) is a stair, a ladder or a replay scrub: it teleports instead. */
const TELEPORT_CELLS = 1.6;

export class Glide {
  private readonly segments = new Map<string, Segment>();

  /** Where `id` is drawn at `now` (cell units), or null when it has never been placed. */
  at(id: string, now: number, out: Point = { x: 0, y: 0 }): Point | null {
    const s = this.segments.get(id);
    if (!s) return null;
    const k = s.duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - s.start) / s.duration));
    out.x = s.fromX + (s.toX - s.fromX) * k;
    out.y = s.fromY + (s.toY - s.fromY) * k;
    return out;
  }

  /** Heading of the last segment in radians (0 faces east), or null when it never moved. */
  heading(id: string): number | null {
    const s = this.segments.get(id);
    if (!s || (s.toX === s.fromX && s.toY === s.fromY)) return null;
    return Math.atan2(s.toY - s.fromY, s.toX - s.fromX);
  }

  /** True while `id` is between two cells. */
  moving(id: string, now: number): boolean {
    const s = this.segments.get(id);
    return !!s && now < s.start + s.duration && (s.toX !== s.fromX || s.toY !== s.fromY);
  }

  /** The engine says `id` stands at (x, y) now; a new cell glides there over `durationMs`. */
  target(id: string, x: number, y: number, now: number, durationMs: number): void {
    const s = this.segments.get(id);
    if (s && s.toX === x && s.toY === y) return;
    const here = s ? this.at(id, now) : null;
    if (!s || !here || Math.hypot(x - here.x, y - here.y) > TELEPORT_CELLS) {
      this.segments.set(id, { fromX: x, fromY: y, toX: x, toY: y, start: now, duration: 0 });
      return;
    }
    this.segments.set(id, { fromX: here.x, fromY: here.y, toX: x, toY: y, start: now, duration: durationMs });
  }

  /** Places `id` at (x, y) at once (it appeared on this floor). */
  place(id: string, x: number, y: number, now: number): void {
    this.segments.set(id, { fromX: x, fromY: y, toX: x, toY: y, start: now, duration: 0 });
  }

  forget(id: string): void {
    this.segments.delete(id);
  }
}
