/** Heat and smoke fields: integer diffusion over open cells, fed by burning items. Walls and closed
 *  doors stop the flow; outdoor cells shed smoke and heat fast. Integer arithmetic only, and only over
 *  the box of cells that differ from ambient (plus a margin), since everything outside it stays ambient. */
import type { WorldState } from './WorldState';
import { AMBIENT_DECI_C } from './constants';
import { Cell, isOpenToGas, type FloorGrid } from './grid';

const MAX_HEAT = 12000;
const MAX_SMOKE = 1000;
/** Decay towards ambient per tick as a right shift: walls take heat slowly, outdoors sheds it fast. */
const HEAT_DECAY_SHIFT = 7;
const SMOKE_DECAY_SHIFT = 9;
const HEAT_OUTDOOR_SHIFT = 2;
const SMOKE_OUTDOOR_SHIFT = 2;
let scratch = new Int32Array(0);

/** A fifth of the net flux (stable for four neighbours), rounded to nearest so that small gradients
 *  still move gas and truncation does not act as a hidden sink. */
export function transfer(flux: number): number {
  return (flux * 51 + 128) >> 8;
}

/** Per floor and cell: bit 4 set where gas can pass; bits 0-3 set for each open neighbour inside the
 *  map (up, down, left, right); bit 5 for outdoor cells. Rebuilt when a door changes, so the hot loop
 *  reads one byte per cell instead of four cell kinds and four bounds checks. */
function neighbourMask(g: FloorGrid): Uint8Array {
  if (g.open && g.openVersion === g.version) return g.open;
  const { width, height, cells } = g;
  const open = (i: number): boolean => isOpenToGas(cells[i] ?? Cell.wall);
  const mask = new Uint8Array(cells.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!open(i)) continue;
      let m = 16;
      if (y > 0 && open(i - width)) m |= 1;
      if (y < height - 1 && open(i + width)) m |= 2;
      if (x > 0 && open(i - 1)) m |= 4;
      if (x < width - 1 && open(i + 1)) m |= 8;
      if (cells[i] === Cell.outdoor) m |= 32;
      mask[i] = m;
    }
  }
  g.open = mask;
  g.openVersion = g.version;
  return mask;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest box holding every cell not at `base`, grown by one cell (diffusion's reach per tick). */
function activeBox(field: Int32Array, width: number, height: number, base: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (field[row + x] !== base) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  return { x0: Math.max(0, x0 - 1), y0: Math.max(0, y0 - 1), x1: Math.min(width - 1, x1 + 1), y1: Math.min(height - 1, y1 + 1) };
}

let scratchSmoke = new Int32Array(0);

function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** Heat and smoke in one pass over the active box: they share the neighbour mask and the loop. */
function diffuseBoth(heat: Int32Array, smoke: Int32Array, g: FloorGrid): void {
  const { width, height } = g;
  const box = union(activeBox(heat, width, height, AMBIENT_DECI_C), activeBox(smoke, width, height, 0));
  if (!box) return;
  const mask = neighbourMask(g);
  const n = width * height;
  if (scratch.length < n) scratch = new Int32Array(n);
  if (scratchSmoke.length < n) scratchSmoke = new Int32Array(n);
  const outH = scratch;
  const outS = scratchSmoke;
  const base = AMBIENT_DECI_C;
  // Reads below are inside the map: the mask only sets a neighbour bit where that neighbour exists.
  for (let y = box.y0; y <= box.y1; y++) {
    const row = y * width;
    for (let i = row + box.x0, end = row + box.x1; i <= end; i++) {
      const m = mask[i]!;
      if (m === 0) {
        outH[i] = base;
        outS[i] = 0;
        continue;
      }
      const h = heat[i]!;
      const s = smoke[i]!;
      // Sum of (neighbour - self) over open neighbours: a closed or missing neighbour adds nothing.
      let fh = 0;
      let fs = 0;
      if (m & 1) {
        fh += heat[i - width]! - h;
        fs += smoke[i - width]! - s;
      }
      if (m & 2) {
        fh += heat[i + width]! - h;
        fs += smoke[i + width]! - s;
      }
      if (m & 4) {
        fh += heat[i - 1]! - h;
        fs += smoke[i - 1]! - s;
      }
      if (m & 8) {
        fh += heat[i + 1]! - h;
        fs += smoke[i + 1]! - s;
      }
      let nh = h + transfer(fh);
      let ns = s + transfer(fs);
      if (m & 32) {
        nh -= (nh - base) >> HEAT_OUTDOOR_SHIFT;
        ns -= ns >> SMOKE_OUTDOOR_SHIFT;
      } else {
        nh -= (nh - base) >> HEAT_DECAY_SHIFT;
        ns -= ns >> SMOKE_DECAY_SHIFT;
      }
      outH[i] = nh > MAX_HEAT ? MAX_HEAT : nh < base ? base : nh;
      outS[i] = ns > MAX_SMOKE ? MAX_SMOKE : ns < 0 ? 0 : ns;
    }
  }
  for (let y = box.y0; y <= box.y1; y++) {
    const from = y * width + box.x0;
    const to = y * width + box.x1 + 1;
    heat.set(outH.subarray(from, to), from);
    smoke.set(outS.subarray(from, to), from);
  }
}

/** One tick of the fields: sources from burning items, then diffusion and decay. */
export function stepFields(w: WorldState): void {
  for (const item of w.items) {
    if (!item.burning) continue;
    const heat = w.heat[item.floor];
    const smoke = w.smoke[item.floor];
    const g = w.floors[item.floor];
    if (!heat || !smoke || !g) continue;
    const i = item.y * g.width + item.x;
    // Source strength in field units per tick, proportional to heat release.
    heat[i] = Math.min(MAX_HEAT, (heat[i] ?? AMBIENT_DECI_C) + Math.floor(item.hrrKW * 4));
    smoke[i] = Math.min(MAX_SMOKE, (smoke[i] ?? 0) + Math.floor(item.hrrKW / 4));
  }
  w.floors.forEach((g, f) => {
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    if (heat && smoke) diffuseBoth(heat, smoke, g);
  });
}
