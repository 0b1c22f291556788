/** A small, capped pool of flickering flame sprites placed each tick on the burning items and the
 *  hottest cells of the floor in view. Never one object per cell: the heat texture shows the rest. */
import type Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import { CELL_PX } from './constants';
import { ART_SCALE, ATLAS } from './art/atlasKey';
import { FLAME_FRAMES, flameKey } from './art/assetKeys';

/** Flame sprites at most, whatever the size of the fire. */
export const MAX_FLAMES = 28;
/** Gas at or above 600 °C (tenths of a degree) is flaming: rollover, a room going to flashover. */
const FLAMING_GAS = 6000;
/** Cells of gas flames are kept this far apart (Chebyshev) so a few sprites cover a room. */
const SPACING = 2;

interface Spot {
  x: number;
  y: number;
  scale: number;
  phase: number;
}

/** The cells that get a flame: burning items first (sized by heat release), then the hottest gas. */
export function flameSpots(w: WorldState, floor: number, heat: Int32Array, width: number, cap = MAX_FLAMES, scratch: number[] = []): Spot[] {
  const out: Spot[] = [];
  for (const it of w.items) {
    if (!it.burning || it.floor !== floor || out.length >= cap) continue;
    out.push({ x: it.x, y: it.y, scale: Math.min(1.6, 0.75 + it.hrrKW / 1500), phase: ((it.x * 7 + it.y * 13) % 17) / 17 });
  }
  scratch.length = 0;
  for (let i = 0; i < heat.length; i++) if ((heat[i] ?? 0) >= FLAMING_GAS) scratch.push(i);
  scratch.sort((a, b) => (heat[b] ?? 0) - (heat[a] ?? 0) || a - b);
  for (const i of scratch) {
    if (out.length >= cap) break;
    const x = i % width;
    const y = (i - x) / width;
    if (out.some((s) => Math.abs(s.x - x) < SPACING && Math.abs(s.y - y) < SPACING)) continue;
    const t = Math.min(1, ((heat[i] ?? 0) - FLAMING_GAS) / 4000);
    out.push({ x, y, scale: 0.55 + 0.45 * t, phase: ((x * 7 + y * 13) % 17) / 17 });
  }
  return out;
}

export class FlameSprites {
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private spots: Spot[] = [];
  private readonly scratch: number[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {}

  /** Per tick: where the flames stand now. */
  place(w: WorldState, floor: number, heat: Int32Array, width: number): void {
    this.spots = flameSpots(w, floor, heat, width, MAX_FLAMES, this.scratch);
    while (this.pool.length < this.spots.length) this.pool.push(this.scene.add.image(0, 0, ATLAS, flameKey(0)).setOrigin(0.5, 0.85).setDepth(this.depth));
    this.pool.forEach((im, k) => {
      const s = this.spots[k];
      im.setVisible(!!s);
      if (s) im.setPosition((s.x + 0.5) * CELL_PX, (s.y + 0.75) * CELL_PX);
    });
  }

  /** Per frame: frame, height and brightness flicker; a few multiplications per flame. */
  animate(now: number): void {
    this.spots.forEach((s, k) => {
      const im = this.pool[k];
      if (!im) return;
      const frame = flameKey(Math.floor(now / 110 + s.phase * FLAME_FRAMES));
      if (im.frame.name !== frame) im.setFrame(frame);
      im.setScale(ART_SCALE * s.scale * (1 + 0.05 * Math.sin(now / 80 + s.phase * 6)), ART_SCALE * s.scale * (1 + 0.12 * Math.sin(now / 65 + s.phase * 9)));
      im.setAlpha(0.82 + 0.18 * Math.sin(now / 47 + s.phase * 11));
    });
  }

  /** How many flames show now (the frame benchmark and tests read it). */
  get count(): number {
    return this.spots.length;
  }

  clear(): void {
    this.spots = [];
    for (const im of this.pool) im.setVisible(false);
  }
}
