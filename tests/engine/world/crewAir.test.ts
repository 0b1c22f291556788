/** Breathing air in the running world: rest and work drain the set at their rates (DOMAIN.md: about
 *  40 L/min at rest, 100 L/min or more in heavy work such as carrying a casualty) and the alarm sounds
 *  where the scenario puts it. */
import { describe, expect, it } from 'vitest';
import { createRun, loadScenario, stepRun, submitIntent, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { KITCHEN, readScenarioJson, TEST_SEED } from '../../support/scenarios';
import { crew, customRun, victim } from '../../support/customScenario';

function kitchenWithSet(startBar: number, alarm: Record<string, unknown>): Run {
  const s = readScenarioJson(KITCHEN) as { crew: Record<string, unknown>[] };
  s.crew = s.crew.map((c) => ({ ...c, breathingSet: { cylinderL: 6.8, fullBar: 300, startBar, alarm } }));
  return createRun(loadScenario(s), TEST_SEED);
}

describe('breathing air in the world', () => {
  it('a minute at rest uses about 40 L (5.9 bar of a 6.8 L cylinder)', () => {
    const run = kitchenWithSet(300, { kind: 'pressure', bar: 55 });
    for (let i = 0; i < 60 * TICKS_PER_SECOND; i++) stepRun(run);
    expect(300 - (run.world.crew[0]?.air?.bar ?? 0)).toBeCloseTo(40 / 6.8, 1);
  });

  it('walking uses air faster than standing', () => {
    const walking = kitchenWithSet(300, { kind: 'pressure', bar: 55 });
    const standing = kitchenWithSet(300, { kind: 'pressure', bar: 55 });
    submitIntent(walking, { type: 'moveTo', crewId: 'ff-1', x: 0, y: 13 });
    for (let i = 0; i < 10 * TICKS_PER_SECOND; i++) {
      stepRun(walking);
      stepRun(standing);
    }
    expect(walking.world.crew[0]?.air?.bar ?? 0).toBeLessThan(standing.world.crew[0]?.air?.bar ?? 0);
  });

  it('the whistle sounds at the scenario pressure, once', () => {
    const run = kitchenWithSet(57, { kind: 'pressure', bar: 55 });
    for (let i = 0; i < 30 * TICKS_PER_SECOND; i++) stepRun(run);
    const alarms = run.events.filter((e) => e.type === 'AIR_ALARM');
    expect(alarms).toHaveLength(1);
    // 2 bar of 6.8 L is 13.6 L: about 20 s at rest.
    expect((alarms[0]?.tick ?? 0) / TICKS_PER_SECOND).toBeCloseTo(20.4, 0);
  });

  it('an NFPA set alarms at a third of its full pressure', () => {
    const run = kitchenWithSet(101, { kind: 'fraction', remaining: 0.33 });
    expect(run.world.crew[0]?.air?.alarmBar).toBeCloseTo(99, 6);
  });

  it('carrying a casualty is heavy work: 100 L/min (14.7 bar of a 6.8 L cylinder a minute), standing or walking', () => {
    const set = { cylinderL: 6.8, fullBar: 300, alarm: { kind: 'pressure', bar: 55 } };
    const street = [',,,,,,,,,,,,,,,,,,,,', ',,,,,,,,,,,,,,,,,,,,', ',,,,,,,,,,,,,,,,,,,,'];
    const run = customRun({ floors: [{ id: 'g', rows: street }], victims: [victim('v', 'g', 4, 1)], crew: [crew('ff', 'g', 3, 1, { breathingSet: set })] });
    submitIntent(run, { type: 'carry', crewId: 'ff', victimId: 'v' });
    stepRun(run);
    const before = run.world.crew[0]?.air?.bar ?? 0;
    for (let i = 0; i < 60 * TICKS_PER_SECOND; i++) stepRun(run);
    expect(before - (run.world.crew[0]?.air?.bar ?? 0)).toBeCloseTo(100 / 6.8, 1);
  });
});
