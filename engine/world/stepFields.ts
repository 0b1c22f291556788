/** Heat and smoke fields: integer diffusion over open cells, fed by burning items. Walls and closed
 *  doors stop the flow; outdoor cells shed smoke and heat fast. Integer arithmetic only. */
import type { WorldState } from './WorldState';
import { AMBIENT_DECI_C } from './constants';
import { Cell, isOpenToGas } from './grid';

const MAX_HEAT = 12000;
const MAX_SMOKE = 1000;
let scratch = new Int32Array(0);

function diffuse(field: Int32Array, cells: Uint8Array, width: number, height: number, base: number, decayShift: number, outdoorShift: number, max: number): void {
  const n = width * height;
  if (scratch.length < n) scratch = new Int32Array(n);
  const out = scratch;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const kind = cells[i] ?? Cell.wall;
      const v = field[i] ?? base;
      if (!isOpenToGas(kind)) {
        out[i] = base;
        continue;
      }
      // A closed neighbour contributes our own value, so nothing flows into a wall.
      const up = y > 0 && isOpenToGas((cells[i - width] ?? 0)) ? (field[i - width] ?? v) : v;
      const down = y < height - 1 && isOpenToGas((cells[i + width] ?? 0)) ? (field[i + width] ?? v) : v;
      const left = x > 0 && isOpenToGas((cells[i - 1] ?? 0)) ? (field[i - 1] ?? v) : v;
      const right = x < width - 1 && isOpenToGas((cells[i + 1] ?? 0)) ? (field[i + 1] ?? v) : v;
      let next = v + ((up + down + left + right - 4 * v) >> 3);
      const shift = kind === Cell.outdoor ? outdoorShift : decayShift;
      next -= (next - base) >> shift;
      out[i] = next > max ? max : next < base ? base : next;
    }
  }
  field.set(out.subarray(0, n));
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
    if (heat) diffuse(heat, g.cells, g.width, g.height, AMBIENT_DECI_C, 7, 2, MAX_HEAT);
    if (smoke) diffuse(smoke, g.cells, g.width, g.height, 0, 9, 2, MAX_SMOKE);
  });
}
