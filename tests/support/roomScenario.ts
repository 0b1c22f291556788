/** A 4 x 4 x 2.4 m gypsum room with one door onto the outside and a sofa alight: the DOMAIN.md
 *  worked example as a playable scenario, for compartment-fire tests. Built from the kitchen file. */
import { createRun, loadScenario, type Run } from '../../engine/index';
import { KITCHEN, readScenarioJson, TEST_SEED } from './scenarios';

export const ROOM_DOOR = { x: 9, y: 4 };

export function roomRun(door: 'open' | 'closed', extraItems: Record<string, unknown>[] = []): Run {
  const s = readScenarioJson(KITCHEN) as Record<string, unknown> & { world: Record<string, unknown>; crew: Record<string, unknown>[] };
  const rows = Array.from({ length: 10 }, (_, y) => {
    if (y === 0 || y === 9) return '##########,,';
    return `#........${y === ROOM_DOOR.y ? (door === 'open' ? 'd' : 'D') : '#'},,`;
  });
  const item = (id: string, x: number, y: number, extra: Record<string, unknown>): Record<string, unknown> => ({
    id, kind: 'sofa', name: { vi: id, en: id }, floor: 'floor-5', x, y, fireClass: 'A', growth: 'medium', peakKW: 3000, fuelMJ: 10000, ...extra,
  });
  return createRun(
    loadScenario({
      ...s,
      timeLimitS: 900,
      world: {
        ...s.world,
        floors: [{ id: 'floor-5', name: { vi: 'Phòng', en: 'Room' }, ceilingM: 2.4, rows }],
        zones: [{ id: 'kitchen', name: { vi: 'Phòng', en: 'Room' }, floor: 'floor-5', x: 1, y: 1, w: 8, h: 8 }],
        items: [item('sofa', 4, 4, { ignitedAtS: 0 }), item('lpg-cylinder', 1, 1, { fireClass: 'C', growth: 'ultraFast', peakKW: 600, fuelMJ: 550, valve: 'open' }), ...extraItems],
      },
      crew: s.crew.map((c) => ({ ...c, x: 10, y: ROOM_DOOR.y })),
    }),
    TEST_SEED,
  );
}
