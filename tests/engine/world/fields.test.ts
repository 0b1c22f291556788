/** Heat and smoke fields: the optimised typed-array step gives exactly the object-per-cell reference's
 *  numbers, smoke spreads through open doors and not through closed ones. */
import { describe, expect, it } from 'vitest';
import { createRun, forkRun, stateHash, stepRun, submitIntent, TICKS_PER_SECOND } from '../../../engine/index';
import { stepFields } from '../../../engine/world/stepFields';
import { largeFloorScenario } from '../../../bench/largeFloorScenario';
import { stepObjectFields, toObjectGrid } from '../../../bench/objectPerCellFields';
import { loadReferenceScenario, makeRun } from '../../support/scenarios';

describe('heat and smoke fields', () => {
  it('match the object-per-cell reference cell for cell', () => {
    const run = createRun(largeFloorScenario(64, 900), 5);
    for (let i = 0; i < 40; i++) stepRun(run);
    const grid = toObjectGrid(run.world);
    const g = run.world.floors[0];
    if (!g) throw new Error('no floor');
    const sources = run.world.items.filter((it) => it.burning).map((it) => ({ index: it.y * g.width + it.x, hrrKW: it.hrrKW }));
    for (let t = 0; t < 50; t++) {
      stepFields(run.world);
      stepObjectFields(grid, sources);
    }
    expect(Array.from(run.world.heat[0] ?? [])).toEqual(grid.cells.map((c) => c.heat));
    expect(Array.from(run.world.smoke[0] ?? [])).toEqual(grid.cells.map((c) => c.smoke));
  });

  // The bedroom cell just inside its door.
  const bedroom = (run: ReturnType<typeof makeRun>): number => {
    const smoke = run.world.smoke[0];
    const g = run.world.floors[0];
    return g && smoke ? (smoke[9 * g.width + 9] ?? 0) : 0;
  };

  it('smoke from the kitchen reaches the living room through the open kitchen door', () => {
    const run = makeRun();
    for (let i = 0; i < 60 * TICKS_PER_SECOND; i++) stepRun(run);
    const g = run.world.floors[0];
    const smoke = run.world.smoke[0];
    expect(g && smoke ? (smoke[4 * g.width + 13] ?? 0) : 0).toBeGreaterThan(0);
  });

  it('a closed bedroom door keeps the bedroom far clearer than an open one', () => {
    // The same course twice (apartment door opened, crew to the bedroom door), the bedroom door shut or opened.
    const play = (openBedroom: boolean): ReturnType<typeof makeRun> => {
      const run = makeRun();
      submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
      stepRun(run);
      submitIntent(run, { type: 'moveTo', crewId: 'ff-1', x: 11, y: 9 });
      for (let i = 0; i < 20 * TICKS_PER_SECOND; i++) stepRun(run);
      if (openBedroom) submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: 10, y: 9 });
      for (let i = 0; i < 150 * TICKS_PER_SECOND; i++) stepRun(run);
      return run;
    };
    const closed = play(false);
    const opened = play(true);
    expect(bedroom(opened)).toBeGreaterThan(0);
    expect(bedroom(closed)).toBeLessThan(bedroom(opened) / 3);
  });
});

describe('active box', () => {
  it('the remembered box gives the same run as a fresh scan every tick', () => {
    // A fork copies the world without the remembered box, so stepping forks forces a scan each tick.
    const tube = loadReferenceScenario('tube-house-motorbikes');
    const remembered = createRun(tube, 3);
    let scanned = createRun(tube, 3);
    for (let t = 0; t < 120 * TICKS_PER_SECOND; t++) {
      stepRun(remembered);
      scanned = forkRun(scanned);
      stepRun(scanned);
      if (t % 100 === 0) expect(stateHash(scanned)).toBe(stateHash(remembered));
    }
    expect(stateHash(scanned)).toBe(stateHash(remembered));
  });
});
