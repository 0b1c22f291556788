/** Per-frame effects in one Graphics object: spray (and an extinguisher's cloud), light bars, the pump
 *  dial turning while it feeds a line, water running in from a hydrant, gas hissing from an open valve,
 *  sparks at live electrics and a flash when either is made safe. Reads the world, never changes it. */
import type Phaser from 'phaser';
import type { ItemState, WorldState } from '../../engine/index';
import { CELL_PX } from './constants';
import { flowDashes } from './drawActors';
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

/** An extinguisher's dry powder or CO2 billows into a cloud where it lands, unlike a water stream. */
function cloud(gfx: Phaser.GameObjects.Graphics, x: number, y: number, colour: number, now: number): void {
  for (let i = 0; i < 4; i++) {
    const u = (now / 700 + i / 4) % 1;
    const a = (i * Math.PI) / 2 + now / 900;
    gfx.fillStyle(colour, 0.45 * (1 - u)).fillCircle(x + Math.cos(a) * 9 * u, y + Math.sin(a) * 9 * u, 4 + 9 * u);
  }
}

/** How long a valve shut or power isolated keeps flashing, ms. */
const SAFE_FLASH_MS = 1500;

/** When each item's valve or electrics last changed, so the change can flash for a moment. */
export class StateChanges {
  private readonly last = new Map<string, string>();
  readonly at = new Map<string, number>();

  /** Per tick: notes which items changed state since the last call. */
  note(items: readonly ItemState[], now: number): void {
    for (const it of items) {
      if (it.valve === 'none' && it.electrics === 'none') continue;
      const key = `${it.valve}:${it.electrics}`;
      const was = this.last.get(it.id);
      if (was !== undefined && was !== key) this.at.set(it.id, now);
      this.last.set(it.id, key);
    }
  }
}

/** Open gas valves hiss, live electrics spark, and either flashes green for a moment once made safe. */
function itemStates(gfx: Phaser.GameObjects.Graphics, items: readonly ItemState[], floor: number, now: number, changes: StateChanges): void {
  for (const it of items) {
    if (it.floor !== floor || (it.valve === 'none' && it.electrics === 'none')) continue;
    const cx = (it.x + 0.5) * CELL_PX;
    const cy = (it.y + 0.5) * CELL_PX;
    if (it.valve === 'open') {
      for (let i = 0; i < 2; i++) {
        const u = (now / 900 + i / 2) % 1;
        gfx.lineStyle(1.5, 0xd8f0a0, 0.6 * (1 - u)).strokeCircle(cx, cy, 12 + 9 * u);
      }
    }
    // A spark now and then, not a steady glow: live electrics should catch the eye without a strobe.
    if (it.electrics === 'live' && Math.floor(now / 130) % 5 === 0) {
      const sx = cx + 8;
      const sy = cy - 10;
      gfx.lineStyle(2, 0xfff27a, 1).beginPath();
      gfx.moveTo(sx, sy);
      gfx.lineTo(sx + 4, sy + 4);
      gfx.lineTo(sx + 1, sy + 5);
      gfx.lineTo(sx + 5, sy + 10);
      gfx.strokePath();
    }
    const since = now - (changes.at.get(it.id) ?? -Infinity);
    if (since >= 0 && since < SAFE_FLASH_MS && (it.valve === 'closed' || it.electrics === 'isolated')) {
      const u = since / SAFE_FLASH_MS;
      gfx.lineStyle(3, 0x3fbf6a, 1 - u).strokeCircle(cx, cy, 12 + 14 * u);
    }
  }
}

/** Redraws the effects for `floor` at `now` (ms); `crewAt` gives each crew member's drawn cell position
 *  and `pts` is scratch space for line points. */
export function drawEffects(gfx: Phaser.GameObjects.Graphics, w: WorldState, floor: number, now: number, crewAt: (id: string) => Point | null, changes: StateChanges, pts: number[]): void {
  gfx.clear();
  for (const c of w.crew) {
    if (!c.dischargingAt || c.floor !== floor) continue;
    const item = w.items.find((i) => i.id === c.dischargingAt);
    const p = crewAt(c.id);
    if (!item || !p) continue;
    const agent = c.hose ? 'water' : (c.equipment[c.selected]?.agent ?? 'water');
    const colour = AGENT_COLOUR[agent] ?? 0xffffff;
    const tx = (item.x + 0.5) * CELL_PX;
    const ty = (item.y + 0.5) * CELL_PX;
    spray(gfx, (p.x + 0.5) * CELL_PX, (p.y + 0.5) * CELL_PX, tx, ty, colour, now);
    if (agent === 'powderABC' || agent === 'co2') cloud(gfx, tx, ty, colour, now);
  }
  itemStates(gfx, w.items, floor, now, changes);
  const flash = Math.floor(now / 260) % 2 === 0;
  for (const v of w.vehicles) {
    if (v.floor !== floor) continue;
    const px = v.x * CELL_PX;
    const py = v.y * CELL_PX - CELL_PX + 6;
    gfx.fillStyle(flash ? 0x1d6fff : 0x5a1010, 1).fillRect(px - 6, py, 12, 6);
    gfx.fillStyle(flash ? 0x5a1010 : 0xff2d2d, 1).fillRect(px + CELL_PX - 6, py, 12, 6);
    pump(gfx, w, v, now);
    // Water running in from the hydrant while the tank takes it.
    const h = v.hydrantId ? w.hydrants.find((x) => x.id === v.hydrantId) : undefined;
    if (h && h.floor === floor && h.working && v.waterL < v.tankL) {
      pts[0] = (h.x + 0.5) * CELL_PX;
      pts[1] = (h.y + 0.5) * CELL_PX;
      pts[2] = px + CELL_PX / 2;
      pts[3] = v.y * CELL_PX + CELL_PX / 2;
      flowDashes(gfx, pts, 2, now, 0x8fc3ff, 2);
    }
  }
}

/** The pump dial on the panel: its impeller turns while a line draws water, with a green lamp; a line
 *  laid from an empty tank blinks the lamp red. */
function pump(gfx: Phaser.GameObjects.Graphics, w: WorldState, v: WorldState['vehicles'][number], now: number): void {
  const cx = v.x * CELL_PX + CELL_PX / 2;
  const cy = v.y * CELL_PX + CELL_PX / 2 + 12;
  let held = false;
  let running = false;
  for (const c of w.crew) {
    if (c.hose?.vehicleId !== v.id) continue;
    held = true;
    if (c.dischargingAt !== null && !v.dry) running = true;
  }
  gfx.fillStyle(0xe5e5e5, 1).fillCircle(cx, cy, 7);
  gfx.lineStyle(1.5, 0x2b2d42, 1).strokeCircle(cx, cy, 7);
  const turn = running ? now / 70 : 0;
  gfx.lineStyle(2, 0x2b2d42, 1);
  for (let k = 0; k < 3; k++) {
    const a = turn + (k * 2 * Math.PI) / 3;
    gfx.lineBetween(cx, cy, cx + Math.cos(a) * 6, cy + Math.sin(a) * 6);
  }
  const lamp = running ? 0x3fdc6a : held && v.dry && Math.floor(now / 200) % 2 === 0 ? 0xff2d2d : 0x3a3f46;
  gfx.fillStyle(lamp, 1).fillCircle(cx + 11, cy, 3);
}
