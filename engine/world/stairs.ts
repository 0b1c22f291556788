/** Stairs between storeys: which stair cell leads to which, and the stairwell as a chimney that
 *  carries heat and smoke up to the floor above (in a tube house the stair is the flue). */
import { Cell, markFields, type FloorGrid } from './grid';
import type { WorldState } from './WorldState';

export interface StairLink {
  /** Floor index and cell index of the lower stair cell. */
  lower: number;
  lowerCell: number;
  upper: number;
  upperCell: number;
}

/** Links every stair cell to the stair cell at the same x, y one level up. */
export function linkStairs(floors: readonly FloorGrid[], levels: readonly number[]): StairLink[] {
  const links: StairLink[] = [];
  floors.forEach((g, f) => {
    const up = levels.indexOf((levels[f] ?? 0) + 1);
    const above = floors[up];
    if (up < 0 || !above) return;
    for (let i = 0; i < g.cells.length; i++) {
      if (g.cells[i] !== Cell.stairs) continue;
      const x = i % g.width;
      const y = (i - x) / g.width;
      if (x >= above.width || y >= above.height) continue;
      const j = y * above.width + x;
      if (above.cells[j] === Cell.stairs) links.push({ lower: f, lowerCell: i, upper: up, upperCell: j });
    }
  });
  return links;
}

/** Buoyant flow up each stair: about 30 % of the excess below moves up every tick, rounded to nearest. */
function rise(lower: Int32Array, i: number, upper: Int32Array, j: number): void {
  const excess = (lower[i] ?? 0) - (upper[j] ?? 0);
  if (excess <= 0) return;
  const moved = (excess * 77 + 128) >> 8;
  lower[i] = (lower[i] ?? 0) - moved;
  upper[j] = (upper[j] ?? 0) + moved;
}

export function stairsChimney(w: WorldState): void {
  for (const l of w.stairs) {
    const lo = w.floors[l.lower];
    const up = w.floors[l.upper];
    if (lo) markFields(lo, l.lowerCell % lo.width, Math.floor(l.lowerCell / lo.width), l.lowerCell % lo.width, Math.floor(l.lowerCell / lo.width));
    if (up) markFields(up, l.upperCell % up.width, Math.floor(l.upperCell / up.width), l.upperCell % up.width, Math.floor(l.upperCell / up.width));
    const [hl, hu, sl, su] = [w.heat[l.lower], w.heat[l.upper], w.smoke[l.lower], w.smoke[l.upper]];
    if (hl && hu) rise(hl, l.lowerCell, hu, l.upperCell);
    if (sl && su) rise(sl, l.lowerCell, su, l.upperCell);
  }
}
