/** Heat and smoke fields: integer diffusion over open cells, fed by burning items. Walls and closed
 *  doors stop the flow; outdoor cells shed smoke and heat fast. Integer arithmetic only, and only over
 *  the box of cells that differ from ambient (plus a margin), since everything outside it stays ambient. */
import type { WorldState } from './WorldState';
import { AMBIENT_DECI_C } from './constants';
import { Cell, isOpenToGas, type FloorGrid } from './grid';

const MAX_HEAT = 12000;
const MAX_SMOKE = 1000;
let scratch = new Int32Array(0);

/** A fifth of the net flux (stable for four neighbours), rounded to nearest so that small gradients
 *  still move gas and truncation does not act as a hidden sink. */
export function transfer(flux: number): number {
  return (flux * 51 + 128) >> 8;
}

/** Per floor: 1 where gas can pass. Rebuilt when a door changes, so the hot loop reads one byte. */
function openMask(g: FloorGrid): Uint8Array {
  if (g.open && g.openVersion === g.version) return g.open;
  const open = new Uint8Array(g.cells.length);
  for (let i = 0; i < open.length; i++) open[i] = isOpenToGas(g.cells[i] ?? Cell.wall) ? 1 : 0;
  g.open = open;
  g.openVersion = g.version;
  return open;
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

function diffuse(field: Int32Array, g: FloorGrid, base: number, decayShift: number, outdoorShift: number, max: number): void {
  const { width, height, cells } = g;
  const box = activeBox(field, width, height, base);
  if (!box) return;
  const open = openMask(g);
  const n = width * height;
  if (scratch.length < n) scratch = new Int32Array(n);
  const out = scratch;
  for (let y = box.y0; y <= box.y1; y++) {
    const row = y * width;
    for (let x = box.x0; x <= box.x1; x++) {
      const i = row + x;
      if (open[i] === 0) {
        out[i] = base;
        continue;
      }
      const v = field[i] ?? base;
      // Sum of (neighbour - v) over open neighbours: a closed or missing neighbour adds nothing.
      let flux = 0;
      if (y > 0 && open[i - width] === 1) flux += (field[i - width] ?? v) - v;
      if (y < height - 1 && open[i + width] === 1) flux += (field[i + width] ?? v) - v;
      if (x > 0 && open[i - 1] === 1) flux += (field[i - 1] ?? v) - v;
      if (x < width - 1 && open[i + 1] === 1) flux += (field[i + 1] ?? v) - v;
      let next = v + transfer(flux);
      next -= (next - base) >> (cells[i] === Cell.outdoor ? outdoorShift : decayShift);
      out[i] = next > max ? max : next < base ? base : next;
    }
  }
  for (let y = box.y0; y <= box.y1; y++) {
    const from = y * width + box.x0;
    field.set(out.subarray(from, y * width + box.x1 + 1), from);
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
    if (heat) diffuse(heat, g, AMBIENT_DECI_C, 7, 2, MAX_HEAT);
    if (smoke) diffuse(smoke, g, 0, 9, 2, MAX_SMOKE);
  });
}
