/** Draws victims (colour by state, triage tag, trapped mark), vehicles, hydrants, ladders and laid hose
 *  lines for one floor into Graphics objects. Pure drawing from the world; it never changes it. */
import type Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import { CELL_PX } from './constants';

/** Victim body colour by state: a glance tells who is in trouble. */
export const VICTIM_COLOUR = { ok: 0xf2c14e, incapacitated: 0xff6a00, dead: 0x6b6b6b, safe: 0x3fbf6a } as const;
export const TAG_COLOUR = { green: 0x2e9d4a, yellow: 0xf5d90a, red: 0xd62828, black: 0x111111 } as const;

/** The hose encoding the engine uses: floor * 2^20 + cell index. */
const HOSE_FLOOR = 1 << 20;

export function drawVictims(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, pulse: number): void {
  gfx.clear();
  for (const v of w.victims) {
    const carrier = v.carriedBy ? w.crew.find((c) => c.id === v.carriedBy) : undefined;
    const f = carrier ? carrier.floor : v.floor;
    if (f !== floor) continue;
    const x = carrier ? carrier.x + 0.35 : v.x;
    const y = carrier ? carrier.y - 0.3 : v.y;
    const cx = (x + 0.5) * CELL_PX;
    const cy = (y + 0.5) * CELL_PX;
    const state = v.safe ? 'safe' : v.status;
    const colour = VICTIM_COLOUR[state];
    // Someone getting worse pulses; the dead and the safe stay still.
    const r = state === 'incapacitated' || (state === 'ok' && v.dose > 0.5) ? 1 + 0.12 * pulse : 1;
    gfx.fillStyle(0x000000, 0.35).fillEllipse(cx + 1, cy + 3, 22 * r, 14 * r);
    gfx.fillStyle(colour, 1).fillEllipse(cx, cy + 2, (v.child ? 14 : 20) * r, (v.child ? 10 : 13) * r);
    gfx.fillStyle(0xe0b48a, 1).fillCircle(cx, cy - 6, v.child ? 4 : 5);
    gfx.lineStyle(2, 0x1a1a1a, 1).strokeEllipse(cx, cy + 2, (v.child ? 14 : 20) * r, (v.child ? 10 : 13) * r);
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
  for (const c of w.crew) {
    if (!c.hose) continue;
    const v = w.vehicles.find((x) => x.id === c.hose?.vehicleId);
    const g = w.floors[floor];
    if (!g) continue;
    const points = c.hose.laid.filter((h) => Math.floor(h / HOSE_FLOOR) === floor).map((h) => h % HOSE_FLOOR);
    gfx.lineStyle(4, 0xf4f1de, 0.95);
    gfx.beginPath();
    let first = true;
    if (v && v.floor === floor) {
      gfx.moveTo((v.x + 0.5) * CELL_PX, (v.y + 0.5) * CELL_PX);
      first = false;
    }
    for (const cell of points) {
      const x = ((cell % g.width) + 0.5) * CELL_PX;
      const y = (Math.floor(cell / g.width) + 0.5) * CELL_PX;
      if (first) gfx.moveTo(x, y);
      else gfx.lineTo(x, y);
      first = false;
    }
    if (c.floor === floor) gfx.lineTo((c.x + 0.5) * CELL_PX, (c.y + 0.5) * CELL_PX);
    gfx.strokePath();
  }
}
