/** Builds a synthetic 256 x 256 floor (rooms, doors, four burning items) for engine benchmarks, from
 *  the kitchen scenario's rubric and statechart so it passes every check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type Scenario } from '../engine/index';

export function largeFloorScenario(size = 256, timeLimitS = 900): Scenario {
  const base = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'scenarios', 'apartment-kitchen-oil.scenario.json'), 'utf8')) as Record<string, unknown> & { world: Record<string, unknown>; crew: Record<string, unknown>[] };
  const rows: string[] = [];
  for (let y = 0; y < size; y++) {
    let row = '';
    for (let x = 0; x < size; x++) {
      const border = x === 0 || y === 0 || x === size - 1 || y === size - 1;
      // Room walls every 16 cells with a doorway in the middle of each wall segment.
      const wall = x % 16 === 0 || y % 16 === 0;
      const doorway = (x % 16 === 8 && y % 16 === 0) || (y % 16 === 8 && x % 16 === 0);
      row += border ? '#' : doorway ? 'd' : wall ? '#' : '.';
    }
    rows.push(row);
  }
  // Positions as fractions of the floor, nudged off the room walls.
  const at = (f: number): number => Math.floor(f * size) | 3;
  const item = (id: string, x: number, y: number, extra: Record<string, unknown>): Record<string, unknown> => ({
    id, kind: 'sofa', name: { vi: id, en: id }, floor: 'floor-5', x, y, fireClass: 'A', growth: 'fast', peakKW: 2000, fuelMJ: 5000, ignitedAtS: 0, ...extra,
  });
  const json = {
    ...base,
    timeLimitS,
    world: {
      ...base.world,
      floors: [{ id: 'floor-5', name: { vi: 'Tầng', en: 'Floor' }, rows }],
      zones: [{ id: 'kitchen', name: { vi: 'Bếp', en: 'Kitchen' }, floor: 'floor-5', x: 1, y: 1, w: 15, h: 15 }],
      items: [
        item('pan-oil', at(0.15), at(0.15), { fireClass: 'F' }),
        item('sofa-2', at(0.78), at(0.23), {}),
        item('sofa-3', at(0.23), at(0.78), {}),
        item('sofa-4', at(0.7), at(0.7), {}),
        item('lpg-cylinder', at(0.15) + 2, at(0.15) + 2, { fireClass: 'C', valve: 'open', ignitedAtS: undefined }),
      ],
    },
    crew: base.crew.map((c) => ({ ...c, x: 8, y: 8 })),
  };
  return loadScenario(JSON.parse(JSON.stringify(json)));
}
