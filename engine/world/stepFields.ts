/** Heat and smoke fields: integer diffusion over open cells, fed by burning items. Walls and closed
 *  doors stop the flow; outdoor cells shed smoke and heat fast. Integer arithmetic only, and only over
 *  the box of cells that differ from ambient (plus a margin), since everything outside it stays ambient. */
import type { WorldState } from './WorldState';
import { AMBIENT_DECI_C } from './constants';
import { Cell, isOpenToGas, markFields, type FloorGrid } from './grid';

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

/** The smallest box holding every cell where heat or smoke is off ambient, grown by one cell (diffusion's
 *  reach per tick); null when the whole floor is at ambient. One pass reads both fields. */
function activeBox(heat: Int32Array, smoke: Int32Array, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (heat[row + x] !== AMBIENT_DECI_C || smoke[row + x] !== 0) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y < y0) y0 = y;
    y1 = y;
  }
  if (x1 < 0) return null;
  return { x0: Math.max(0, x0 - 1), y0: Math.max(0, y0 - 1), x1: Math.min(width - 1, x1 + 1), y1: Math.min(height - 1, y1 + 1) };
}

let scratchSmoke = new Int32Array(0);

function grow(b: Box, width: number, height: number): Box {
  return { x0: Math.max(0, b.x0 - 1), y0: Math.max(0, b.y0 - 1), x1: Math.min(width - 1, b.x1 + 1), y1: Math.min(height - 1, b.y1 + 1) };
}

/** Heat and smoke in one pass over the active box: they share the neighbour mask and the loop. */
function diffuseBoth(heat: Int32Array, smoke: Int32Array, g: FloorGrid): void {
  const { width, height } = g;
  const known = g.fieldBox;
  const box = known === undefined ? activeBox(heat, smoke, width, height) : known === null ? null : grow(known, width, height);
  if (!box) {
    g.fieldBox = null;
    return;
  }
  const mask = neighbourMask(g);
  const n = width * height;
  if (scratch.length < n) scratch = new Int32Array(n);
  if (scratchSmoke.length < n) scratchSmoke = new Int32Array(n);
  const outH = scratch;
  const outS = scratchSmoke;
  const base = AMBIENT_DECI_C;
  // Reads below are inside the map: the mask only sets a neighbour bit where that neighbour exists.
  let nx0 = width;
  let ny0 = height;
  let nx1 = -1;
  let ny1 = -1;
  for (let y = box.y0; y <= box.y1; y++) {
    const row = y * width;
    let rowFirst = -1;
    let rowLast = -1;
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
      if ((m & 15) === 15) {
        // Most cells are open on all four sides: one straight sum, no per-neighbour branches.
        fh = heat[i - width]! + heat[i + width]! + heat[i - 1]! + heat[i + 1]! - 4 * h;
        fs = smoke[i - width]! + smoke[i + width]! + smoke[i - 1]! + smoke[i + 1]! - 4 * s;
      } else {
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
      const oh = nh > MAX_HEAT ? MAX_HEAT : nh < base ? base : nh;
      const os = ns > MAX_SMOKE ? MAX_SMOKE : ns < 0 ? 0 : ns;
      outH[i] = oh;
      outS[i] = os;
      if (oh !== base || os !== 0) {
        if (rowFirst < 0) rowFirst = i - row;
        rowLast = i - row;
      }
    }
    if (rowFirst >= 0) {
      if (rowFirst < nx0) nx0 = rowFirst;
      if (rowLast > nx1) nx1 = rowLast;
      if (y < ny0) ny0 = y;
      ny1 = y;
    }
  }
  // Remember where the fields are off ambient, so the next step needs no scan.
  g.fieldBox = nx1 < 0 ? null : { x0: nx0, y0: ny0, x1: nx1, y1: ny1 };
  if (box.x0 === 0 && box.x1 === width - 1) {
    // Full-width box: one contiguous copy instead of one per row.
    const from = box.y0 * width;
    const to = (box.y1 + 1) * width;
    heat.set(outH.subarray(from, to), from);
    smoke.set(outS.subarray(from, to), from);
    return;
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
    markFields(g, item.x, item.y, item.x, item.y);
    smoke[i] = Math.min(MAX_SMOKE, (smoke[i] ?? 0) + Math.floor(item.hrrKW / 4));
  }
  w.floors.forEach((g, f) => {
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    if (heat && smoke) diffuseBoth(heat, smoke, g);
  });
}
