/** Smoke travels along a corridor in time: a front that moves at Hinkley's corridor velocity,
 *  v = 0.8 (g Q T / (rho0 cp T0^2 W))^(1/3) (P. L. Hinkley, "The flow of hot gases along an enclosed
 *  shopping mall: a tentative theory", Fire Research Note 807, Fire Research Station, 1970; as in Klote
 *  and Milke, Principles of Smoke Management), instead of the whole corridor filling at once. */
import { describe, expect, it } from 'vitest';
import { stepRun, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { deriveCompartments } from '../../../engine/world/compartments';
import { corridorFrontVelocity } from '../../../engine/world/smokeFront';
import { crew, customRun } from '../../support/customScenario';

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
/** Hinkley's velocity from the published formula, with T0 = 30 degC ambient. */
function hinkley(q: number, layerC: number, w: number): number {
  return 0.8 * Math.cbrt((9.81 * q * (layerC + 273.15)) / (1.2 * 1.0 * 303.15 * 303.15 * w));
}

// A 4 x 4 m room with a sofa at its 1 MW peak, its door open onto a 20 m corridor 1.5 m wide, shut at the far end.
const rows = Array.from({ length: 10 }, (_, y) => {
  if (y === 0 || y === 9) return '#'.repeat(51);
  if (y <= 3) return `#........${y === 2 ? 'd' : '#'}${'.'.repeat(40)}#`;
  return `#........#${'#'.repeat(40)}#`;
});
const sofa = { id: 'sofa', kind: 'sofa', name: L('sofa'), floor: 'c', x: 4, y: 5, fireClass: 'A', growth: 'medium', peakKW: 1000, fuelMJ: 5000, ignitedAtS: 0, preburnS: 400 };
const run = (): Run => customRun({ floors: [{ id: 'c', rows }], items: [sofa], crew: [crew('ff', 'c', 40, 8 - 6)] });

describe('smoke along a corridor', () => {
  it("the engine's front velocity is Hinkley's", () => {
    for (const [q, t, w] of [[100, 30, 2], [1000, 80, 1.5], [3000, 300, 2.4]] as const) expect(corridorFrontVelocity(q, t, w)).toBeCloseTo(hinkley(q, t, w), 9);
  });

  it('a 20 m by 1.5 m space is a corridor; the 4 x 4 m room is not', () => {
    const r = run();
    const rooms = r.world.compartments[0]?.rooms ?? [];
    expect(rooms.map((c) => c.corridor).sort()).toEqual([false, true]);
    const g = r.world.floors[0];
    if (!g) throw new Error('no floor');
    expect(deriveCompartments(g, 0, 2.7, 0.0134).rooms.find((c) => c.corridor)?.lengthM).toBe(20);
  });

  it("the far end stays clear until the front, moving at Hinkley's velocity, gets there", () => {
    const r = run();
    const g = r.world.floors[0];
    if (!g) throw new Error('no floor');
    const corridor = r.world.compartments[0]?.rooms.find((c) => c.corridor);
    if (!corridor) throw new Error('no corridor');
    const state = (): NonNullable<Run['world']['rooms'][number][number]> => r.world.rooms[0]?.[corridor.id] ?? (() => { throw new Error('no room'); })();
    const far = 2 * g.width + 48; // 19 m from the door
    let start = -1;
    let arrival = -1;
    let hottest = 30;
    for (let t = 0; t < 120 * TICKS_PER_SECOND && arrival < 0; t++) {
      stepRun(r);
      const s = state();
      if (start < 0 && s.frontOrigin >= 0) start = r.world.tick;
      if (s.gasC > hottest) hottest = s.gasC;
      const smoke = r.world.smoke[0]?.[far] ?? 0;
      if (start >= 0 && s.smoke >= 2 && smoke >= s.smoke / 2) arrival = r.world.tick;
      // Until the front arrives the far end is far clearer than the corridor's layer.
      if (arrival < 0 && start >= 0 && s.smoke > 4) expect(smoke).toBeLessThan(s.smoke / 2);
    }
    expect(start).toBeGreaterThanOrEqual(0);
    expect(arrival).toBeGreaterThan(start);
    const seconds = (arrival - start) / TICKS_PER_SECOND;
    const q = r.world.rooms[0]?.[corridor.id === 0 ? 1 : 0]?.hrrKW ?? 0;
    expect(q).toBeCloseTo(1000, 0);
    // 19 m at Hinkley's velocity for 1 MW between ambient and the hottest layer seen.
    expect(seconds).toBeGreaterThan((0.9 * 19) / hinkley(q, hottest, 1.5));
    expect(seconds).toBeLessThan((1.1 * 19) / hinkley(q, 30, 1.5));
  });
});
