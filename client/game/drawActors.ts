/** Draws what the sprites do not: the marks over casualties (trouble ring, trapped, START tag), the tank
 *  gauges and supply lines of the engines, and the laid hose lines (flow running along a charged one) for
 *  one floor into Graphics objects. Pure drawing from the world; it never changes it. */
import type Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import { CELL_PX } from './constants';
import type { Point } from './Glide';

export const TAG_COLOUR = { green: 0x2e9d4a, yellow: 0xf5d90a, red: 0xd62828, black: 0x111111 } as const;

/** The hose encoding the engine uses: floor * 2^20 + cell index. */
const HOSE_FLOOR = 1 << 20;

type VictimState = WorldState['victims'][number];

/** Someone who needs help now: getting worse, trapped or down, and not yet out. */
export function inTrouble(v: VictimState): boolean {
  return !v.safe && !v.hidden && v.status !== 'dead' && (v.status === 'incapacitated' || v.dose > 0.5 || v.trapped);
}

/** Per frame, over the casualties' sprites: a ring spreading out from whoever is in trouble (found at a
 *  glance, even zoomed out), the trapped mark, and the START tag given, as colour and letter (the letter
 *  reads without colour vision). `at` gives each one's drawn position in cells. */
export function drawVictims(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, now: number, at: (v: VictimState) => Point | null): void {
  gfx.clear();
  const beat = (now % 1200) / 1200;
  for (const v of w.victims) {
    if (v.hidden || v.carriedBy || v.floor !== floor) continue;
    const p = at(v);
    if (!p) continue;
    const cx = (p.x + 0.5) * CELL_PX;
    const cy = (p.y + 0.5) * CELL_PX;
    if (inTrouble(v)) gfx.lineStyle(3, v.status === 'incapacitated' ? 0xd62828 : 0xff6a00, 1 - beat).strokeCircle(cx, cy, 12 + 16 * beat);
    if (v.trapped) gfx.lineStyle(3, 0xd62828, 1).lineBetween(cx - 9, cy - 9, cx + 9, cy + 9).lineBetween(cx + 9, cy - 9, cx - 9, cy + 9);
    if (v.tag) {
      gfx.fillStyle(TAG_COLOUR[v.tag], 1).fillRect(cx + 6, cy - 15, 10, 10);
      gfx.lineStyle(1.5, 0xffffff, 1).strokeRect(cx + 6, cy - 15, 10, 10);
      // A mark inside the tag: one bar green, two yellow, a cross red, none black.
      gfx.lineStyle(1.5, v.tag === 'yellow' ? 0x000000 : 0xffffff, 1);
      if (v.tag === 'green') gfx.lineBetween(cx + 11, cy - 13, cx + 11, cy - 7);
      if (v.tag === 'yellow') gfx.lineBetween(cx + 9, cy - 13, cx + 9, cy - 7).lineBetween(cx + 13, cy - 13, cx + 13, cy - 7);
      if (v.tag === 'red') gfx.lineBetween(cx + 8, cy - 13, cx + 14, cy - 7).lineBetween(cx + 14, cy - 13, cx + 8, cy - 7);
    }
  }
}

/** Over the vehicles' sprites: the tank gauge along each engine's side (the water left at a glance) and
 *  the supply line from the hydrant it draws from. */
export function drawKit(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number): void {
  gfx.clear();
  for (const v of w.vehicles) {
    if (v.floor !== floor) continue;
    const px = v.x * CELL_PX;
    const py = v.y * CELL_PX;
    gfx.fillStyle(0x1b263b, 1).fillRect(px - 4, py + CELL_PX + 14, CELL_PX + 8, 5);
    gfx.fillStyle(0x4fa3ff, 1).fillRect(px - 4, py + CELL_PX + 14, (CELL_PX + 8) * (v.tankL > 0 ? v.waterL / v.tankL : 0), 5);
    if (v.hydrantId) {
      const h = w.hydrants.find((x) => x.id === v.hydrantId);
      if (h && h.floor === floor) gfx.lineStyle(4, 0x2f5d8a, 1).lineBetween((h.x + 0.5) * CELL_PX, (h.y + 0.5) * CELL_PX, px + CELL_PX / 2, py + CELL_PX / 2);
    }
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
