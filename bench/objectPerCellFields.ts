/** Baseline for the field benchmark and reference for tests/engine/world/fields.test.ts: the same heat
 *  and smoke rules as engine/world/stepFields, written the straightforward way with one object per cell
 *  and neighbour references. Never used by the game, and borrows no code from stepFields. */
import { AMBIENT_DECI_C, Cell, isWalkable, type WorldState } from '../engine/index';

/** The share of the net flux a cell takes per tick: a fifth (stable with four neighbours), in the
 *  engine's fixed point, 51/256, rounded half up so small gradients still move gas. */
function transfer(flux: number): number {
  return Math.floor((flux * 51) / 256 + 0.5);
}

interface CellObject {
  open: boolean;
  outdoor: boolean;
  heat: number;
  smoke: number;
  nextHeat: number;
  nextSmoke: number;
  neighbours: CellObject[];
}

export interface ObjectGrid {
  cells: CellObject[];
  width: number;
}

export function toObjectGrid(w: WorldState): ObjectGrid {
  const g = w.floors[0];
  if (!g) throw new Error('no floor');
  const cells: CellObject[] = Array.from(g.cells, (kind, i) => ({
    open: isWalkable(kind),
    outdoor: kind === Cell.outdoor,
    heat: w.heat[0]?.[i] ?? AMBIENT_DECI_C,
    smoke: w.smoke[0]?.[i] ?? 0,
    nextHeat: 0,
    nextSmoke: 0,
    neighbours: [],
  }));
  cells.forEach((c, i) => {
    const x = i % g.width;
    const y = (i - x) / g.width;
    for (const [nx, ny] of [[x, y - 1], [x, y + 1], [x - 1, y], [x + 1, y]] as const) {
      if (nx >= 0 && ny >= 0 && nx < g.width && ny < g.height) {
        const n = cells[ny * g.width + nx];
        if (n) c.neighbours.push(n);
      }
    }
  });
  return { cells, width: g.width };
}

function relax(v: number, values: number[], base: number, shift: number, max: number): number {
  let sum = 0;
  for (const n of values) sum += n;
  // Missing or closed neighbours contribute the cell's own value, as in the typed-array version.
  sum += (4 - values.length) * v;
  let next = v + transfer(sum - 4 * v);
  next -= (next - base) >> shift;
  return Math.min(max, Math.max(base, next));
}

export function stepObjectFields(grid: ObjectGrid, sources: { index: number; hrrKW: number }[]): void {
  for (const s of sources) {
    const c = grid.cells[s.index];
    if (!c) continue;
    c.heat = Math.min(12000, c.heat + Math.floor(s.hrrKW * 4));
    c.smoke = Math.min(1000, c.smoke + Math.floor(s.hrrKW / 4));
  }
  for (const c of grid.cells) {
    if (!c.open) {
      c.nextHeat = AMBIENT_DECI_C;
      c.nextSmoke = 0;
      continue;
    }
    const open = c.neighbours.filter((n) => n.open);
    c.nextHeat = relax(c.heat, open.map((n) => n.heat), AMBIENT_DECI_C, c.outdoor ? 2 : 7, 12000);
    c.nextSmoke = relax(c.smoke, open.map((n) => n.smoke), 0, c.outdoor ? 2 : 9, 1000);
  }
  for (const c of grid.cells) {
    c.heat = c.nextHeat;
    c.smoke = c.nextSmoke;
  }
}
