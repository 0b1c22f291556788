/** Crew safety in smoke: sight falls with smoke and a thermal camera restores it; entering a hazardous
 *  atmosphere alone, or without two outside, is logged as a two-in/two-out breach. */
import { describe, expect, it } from 'vitest';
import { sightM, stepRun, submitIntent, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { crew, customRun } from '../../support/customScenario';

const room = ['########,,,', '#.......d,,', '########,,,'];
const smoky = { id: 'bin', kind: 'cartons', name: { vi: 'thùng', en: 'bin' }, floor: 'g', x: 2, y: 1, fireClass: 'A', growth: 'fast', peakKW: 400, fuelMJ: 2000, ignitedAtS: 0, preburnS: 60, ignitionC: 900 };
const runFor = (run: Run, s: number): void => {
  for (let i = 0; i < s * TICKS_PER_SECOND; i++) stepRun(run);
};

describe('crew safety', () => {
  it('smoke takes sight away and a thermal camera gives it back', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], items: [smoky], crew: [crew('eyes', 'g', 5, 1), crew('cam', 'g', 6, 1, { tools: ['thermalCamera'] })] });
    const clear = sightM(run.world, run.world.crew[0]!);
    runFor(run, 60);
    expect(sightM(run.world, run.world.crew[0]!)).toBeLessThan(clear / 3);
    expect(sightM(run.world, run.world.crew[1]!)).toBeGreaterThanOrEqual(15);
  });

  it('going into the smoke alone is a two-in/two-out breach; a pair with two outside is not', () => {
    const alone = customRun({ floors: [{ id: 'g', rows: room }], items: [smoky], crew: [crew('a', 'g', 9, 1), crew('b', 'g', 10, 1)] });
    runFor(alone, 60);
    submitIntent(alone, { type: 'moveTo', crewId: 'a', x: 5, y: 1 });
    runFor(alone, 5);
    expect(alone.events).toContainEqual(expect.objectContaining({ type: 'TWO_IN_TWO_OUT_BREACH', crewId: 'a' }));

    const four = customRun({ floors: [{ id: 'g', rows: room }], items: [smoky], crew: [crew('a', 'g', 9, 1), crew('b', 'g', 10, 1), crew('c', 'g', 9, 0), crew('d', 'g', 10, 0)] });
    runFor(four, 60);
    submitIntent(four, { type: 'moveTo', crewId: 'a', x: 5, y: 1 });
    submitIntent(four, { type: 'moveTo', crewId: 'b', x: 6, y: 1 });
    runFor(four, 5);
    expect(four.events.filter((e) => e.type === 'ENTERED_HAZARD').map((e) => e.crewId).sort()).toEqual(['a', 'b']);
    // The second goes in with a partner already inside and two outside: no breach for the second.
    expect(four.events.filter((e) => e.type === 'TWO_IN_TWO_OUT_BREACH' && e.crewId === 'b')).toEqual([]);
  });
});
