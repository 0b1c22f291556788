/** Per-frame effects drawn into one Graphics object: the agent's spray from each discharging crew
 *  member (a cone, droplets running down it, a splash at the target) and the engines' light bars.
 *  Display only; it reads the world and never changes it. */
import type Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import { CELL_PX } from './constants';
import type { Point } from './Glide';

export const AGENT_COLOUR: Record<string, number> = { water: 0x4fa3ff, foam: 0xf5f5dc, co2: 0xe0e8ff, powderABC: 0xf3e9c6, wetChemical: 0xd7b8ff };

const DROPLETS = 14;
/** Fixed lateral spread per droplet, so the spray looks random but costs no random numbers. */
const SPREAD = Array.from({ length: DROPLETS }, (_, i) => (((i * 7919) % 101) / 101) * 2 - 1);

function spray(gfx: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number, colour: number, now: number): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  const half = CELL_PX * 0.45;
  gfx.fillStyle(colour, 0.22).fillTriangle(x0, y0, x1 + nx * half, y1 + ny * half, x1 - nx * half, y1 - ny * half);
  for (let i = 0; i < DROPLETS; i++) {
    const u = (now / 380 + i / DROPLETS) % 1;
    const side = (SPREAD[i] ?? 0) * half * u;
    gfx.fillStyle(colour, 0.95 - 0.45 * u).fillCircle(x0 + dx * u + nx * side, y0 + dy * u + ny * side, 1.5 + 1.8 * u);
  }
  const s = (now % 520) / 520;
  gfx.lineStyle(2, colour, 0.8 * (1 - s)).strokeCircle(x1, y1, 5 + 10 * s);
}

/** Redraws the effects for `floor` at `now` (ms); `crewAt` gives each crew member's drawn cell position. */
export function drawEffects(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, now: number, crewAt: (id: string) => Point | null): void {
  gfx.clear();
  for (const c of w.crew) {
    if (!c.dischargingAt || c.floor !== floor) continue;
    const item = w.items.find((i) => i.id === c.dischargingAt);
    const p = crewAt(c.id);
    if (!item || !p) continue;
    const agent = c.hose ? 'water' : (c.equipment[c.selected]?.agent ?? 'water');
    spray(gfx, (p.x + 0.5) * CELL_PX, (p.y + 0.5) * CELL_PX, (item.x + 0.5) * CELL_PX, (item.y + 0.5) * CELL_PX, AGENT_COLOUR[agent] ?? 0xffffff, now);
  }
  const flash = Math.floor(now / 260) % 2 === 0;
  for (const v of w.vehicles) {
    if (v.floor !== floor) continue;
    const px = v.x * CELL_PX;
    const py = v.y * CELL_PX - CELL_PX + 6;
    gfx.fillStyle(flash ? 0x1d6fff : 0x5a1010, 1).fillRect(px - 6, py, 12, 6);
    gfx.fillStyle(flash ? 0x5a1010 : 0xff2d2d, 1).fillRect(px + CELL_PX - 6, py, 12, 6);
  }
}
