/** Draws victims (colour by state, triage tag, trapped mark, a spreading ring and a waving arm when in
 *  trouble), vehicles, hydrants, ladders and laid hose lines (flow running along a charged one) for one
 *  floor into Graphics objects. Pure drawing from the world; it never changes it. */
import type Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import { CELL_PX } from './constants';
import type { Point } from './Glide';

/** Victim body colour by state: a glance tells who is in trouble. */
export const VICTIM_COLOUR = { ok: 0xf2c14e, incapacitated: 0xff6a00, dead: 0x6b6b6b, safe: 0x3fbf6a } as const;
export const TAG_COLOUR = { green: 0x2e9d4a, yellow: 0xf5d90a, red: 0xd62828, black: 0x111111 } as const;

/** The hose encoding the engine uses: floor * 2^20 + cell index. */
const HOSE_FLOOR = 1 << 20;

type VictimState = WorldState['victims'][number];

/** Someone who needs help now: getting worse, trapped or down, and not yet out. */
export function inTrouble(v: VictimState): boolean {
  return !v.safe && !v.hidden && v.status !== 'dead' && (v.status === 'incapacitated' || v.dose > 0.5 || v.trapped);
}

/** Redraws the victims on `floor` at `now` (ms); `at` gives each one's drawn position in cells. */
export function drawVictims(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, now: number, at: (v: VictimState) => Point | null): void {
  gfx.clear();
  const beat = (now % 1200) / 1200;
  for (const v of w.victims) {
    if (v.hidden) continue;
    const carrier = v.carriedBy ? w.crew.find((c) => c.id === v.carriedBy) : undefined;
    const f = carrier ? carrier.floor : v.floor;
    const p = f === floor ? at(v) : null;
    if (!p) continue;
    const cx = (p.x + 0.5) * CELL_PX;
    const cy = (p.y + 0.5) * CELL_PX;
    const state = v.safe ? 'safe' : v.status;
    const colour = VICTIM_COLOUR[state];
    const trouble = inTrouble(v) && !carrier;
    // A ring that keeps spreading out from whoever is in trouble: found at a glance, even zoomed out.
    if (trouble) {
      gfx.lineStyle(3, v.status === 'incapacitated' ? 0xd62828 : 0xff6a00, 1 - beat).strokeCircle(cx, cy, 12 + 16 * beat);
    }
    const pulse = trouble ? 1 + 0.1 * Math.sin(now / 160) : 1;
    const bw = (v.child ? 14 : 20) * pulse;
    const bh = (v.child ? 10 : 13) * pulse;
    gfx.fillStyle(0x000000, 0.35).fillEllipse(cx + 1, cy + 3, 22 * pulse, 14 * pulse);
    // Conscious and not yet reached: an arm waving for help above the head.
    if (state === 'ok' && !carrier && !v.reached) {
      const a = -Math.PI / 2 + 0.6 * Math.sin(now / 140);
      gfx.lineStyle(3, 0xe0b48a, 1).lineBetween(cx + 4, cy - 3, cx + 4 + 11 * Math.cos(a), cy - 3 + 11 * Math.sin(a));
    }
    gfx.fillStyle(colour, 1).fillEllipse(cx, cy + 2, bw, bh);
    gfx.fillStyle(0xe0b48a, 1).fillCircle(cx, cy - 6, v.child ? 4 : 5);
    gfx.lineStyle(2, 0x1a1a1a, 1).strokeEllipse(cx, cy + 2, bw, bh);
    if (v.trapped) {
      gfx.lineStyle(3, 0xd62828, 1).lineBetween(cx - 9, cy - 9, cx + 9, cy + 9).lineBetween(cx + 9, cy - 9, cx - 9, cy + 9);
    }
    if (v.tag) {
      gfx.fillStyle(TAG_COLOUR[v.tag], 1).fillRect(cx + 6, cy - 14, 9, 9);
      gfx.lineStyle(1.5, 0xffffff, 1).strokeRect(cx + 6, cy - 14, 9, 9);
    }
  }
}

export function drawKit(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number): void {
  gfx.clear();
  for (const h of w.hydrants) {
    if (h.floor !== floor) continue;
    const cx = (h.x + 0.5) * CELL_PX;
    const cy = (h.y + 0.5) * CELL_PX;
    gfx.fillStyle(h.working ? 0xd62828 : 0x6b6b6b, 1).fillCircle(cx, cy, 9);
    gfx.fillStyle(0xf5d90a, 1).fillCircle(cx, cy, 4);
  }
  for (const v of w.vehicles) {
    if (v.floor !== floor) continue;
    const px = v.x * CELL_PX;
    const py = v.y * CELL_PX;
    // Fire engine seen from above, three cells long from its pump panel cell.
    gfx.fillStyle(0x000000, 0.3).fillRect(px - 10, py - CELL_PX + 4, CELL_PX + 20, CELL_PX * 3);
    gfx.fillStyle(0xc1121f, 1).fillRect(px - 12, py - CELL_PX, CELL_PX + 24, CELL_PX * 3 - 4);
    gfx.fillStyle(0xe5e5e5, 1).fillRect(px - 8, py - CELL_PX + 4, CELL_PX + 16, 10);
    gfx.fillStyle(0x2b2d42, 1).fillRect(px - 8, py + CELL_PX + 6, CELL_PX + 16, 12);
    // Tank gauge along the side: the water left at a glance.
    gfx.fillStyle(0x1b263b, 1).fillRect(px - 6, py - 2, CELL_PX + 12, 6);
    gfx.fillStyle(0x4fa3ff, 1).fillRect(px - 6, py - 2, (CELL_PX + 12) * (v.tankL > 0 ? v.waterL / v.tankL : 0), 6);
    if (v.hydrantId) {
      const h = w.hydrants.find((x) => x.id === v.hydrantId);
      if (h && h.floor === floor) gfx.lineStyle(4, 0x2f5d8a, 1).lineBetween((h.x + 0.5) * CELL_PX, (h.y + 0.5) * CELL_PX, px + CELL_PX / 2, py + CELL_PX / 2);
    }
  }
  for (const l of w.ladders) {
    if ((w.levels[floor] ?? 0) !== 0) continue;
    const x0 = (l.footX + 0.5) * CELL_PX;
    const y0 = (l.footY + 0.5) * CELL_PX;
    const x1 = (l.x + 0.5) * CELL_PX;
    const y1 = (l.y + 0.5) * CELL_PX;
    gfx.lineStyle(3, 0xc0c0c0, 1).lineBetween(x0 - 4, y0, x1 - 4, y1).lineBetween(x0 + 4, y0, x1 + 4, y1);
  }
}

/** Pixels along a charged line between two dashes of flow, and how fast the dashes run. */
const FLOW_PERIOD = 18;
const FLOW_PX_PER_MS = 0.09;

/** A charged hose line: water flows, so dashes run along `pts` (x, y pairs) from the engine to the
 *  nozzle. One path for all the dashes, so a long line costs one stroke, not one per dash. */
export function flowDashes(gfx: Phaser.GameObjects.Graphics, pts: readonly number[], n: number, now: number, colour: number, width: number): void {
  let phase = (now * FLOW_PX_PER_MS) % FLOW_PERIOD;
  const dash = FLOW_PERIOD / 3;
  gfx.lineStyle(width, colour, 0.9);
  gfx.beginPath();
  for (let i = 0; i + 1 < n; i++) {
    const x0 = pts[2 * i] ?? 0;
    const y0 = pts[2 * i + 1] ?? 0;
    const dx = (pts[2 * i + 2] ?? 0) - x0;
    const dy = (pts[2 * i + 3] ?? 0) - y0;
    const len = Math.hypot(dx, dy);
    if (len === 0) continue;
    // `phase` carries over from segment to segment, so the dashes run on round corners unbroken.
    let u = phase;
    for (; u < len; u += FLOW_PERIOD) {
      const e = Math.min(len, u + dash);
      gfx.moveTo(x0 + (dx * u) / len, y0 + (dy * u) / len);
      gfx.lineTo(x0 + (dx * e) / len, y0 + (dy * e) / len);
    }
    phase = u - len;
  }
  gfx.strokePath();
}

/** The laid hose lines on `floor`, ending at each holder's drawn position (per frame, so the line
 *  follows the gliding sprite rather than the tick position). A charged line (the nozzle open and
 *  water in the tank) is fatter and shows the flow running along it; a dry one lies flat and pale. */
export function drawHoses(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, crewAt: (id: string) => Point | null, now: number, pts: number[]): void {
  gfx.clear();
  const g = w.floors[floor];
  if (!g) return;
  for (const c of w.crew) {
    if (!c.hose) continue;
    const v = w.vehicles.find((x) => x.id === c.hose?.vehicleId);
    let n = 0;
    const add = (x: number, y: number): void => {
      pts[2 * n] = x;
      pts[2 * n + 1] = y;
      n++;
    };
    if (v && v.floor === floor) add((v.x + 0.5) * CELL_PX, (v.y + 0.5) * CELL_PX);
    for (const h of c.hose.laid) {
      if (Math.floor(h / HOSE_FLOOR) !== floor) continue;
      const cell = h % HOSE_FLOOR;
      add(((cell % g.width) + 0.5) * CELL_PX, (Math.floor(cell / g.width) + 0.5) * CELL_PX);
    }
    const p = c.floor === floor ? crewAt(c.id) : null;
    if (p) add((p.x + 0.5) * CELL_PX, (p.y + 0.5) * CELL_PX);
    if (n < 2) continue;
    const charged = c.dischargingAt !== null && !!v && !v.dry;
    gfx.lineStyle(charged ? 6 : 4, charged ? 0xdbe9f4 : 0xf4f1de, 0.95);
    gfx.beginPath();
    gfx.moveTo(pts[0] ?? 0, pts[1] ?? 0);
    for (let i = 1; i < n; i++) gfx.lineTo(pts[2 * i] ?? 0, pts[2 * i + 1] ?? 0);
    gfx.strokePath();
    if (charged) flowDashes(gfx, pts, n, now, 0x2f7fd8, 3);
  }
}
