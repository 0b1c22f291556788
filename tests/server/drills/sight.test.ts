/** What a drill seat sees: walls and shut doors stop the eye, smoke shortens sight and a thermal camera
 *  gives it back, hidden casualties stay out of every trainee's view, and the commander's overview holds
 *  every crew member but only what crews have found. */
import { describe, expect, it } from 'vitest';
import { expertBot, isDoor, stepRun, submitIntent, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { crewSight, CrewSightCache, FoundSoFar, seatSight, type DoorPlace, type Sighted } from '../../../server/drills/sight';
import { crew, customRun, victim } from '../../support/customScenario';
import { makeRun } from '../../support/scenarios';

const flat = ['#############,,,', '#.....D.....d,,,', '#############,,,'];
const smoky = { id: 'bin', kind: 'cartons', name: { vi: 'thùng', en: 'bin' }, floor: 'g', x: 9, y: 1, fireClass: 'A', growth: 'fast', peakKW: 400, fuelMJ: 2000, ignitedAtS: 0, preburnS: 60, ignitionC: 900 };
const runFor = (run: Run, s: number): void => {
  for (let i = 0; i < s * TICKS_PER_SECOND; i++) stepRun(run);
};
const member = (run: Run, id: string) => {
  const c = run.world.crew.find((m) => m.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe('drill sight', () => {
  it('a shut door hides what is behind it and an open one shows it', () => {
    const run = customRun({ floors: [{ id: 'g', rows: flat }], items: [], crew: [crew('a', 'g', 10, 1)], victims: [victim('v', 'g', 2, 1), victim('held', 'g', 11, 1, { hidden: true })] });
    expect([...crewSight(run.world, member(run, 'a')).victims]).toEqual([]);
    const door = run.world.floors[0];
    if (!door) throw new Error('no floor');
    door.cells[1 * door.width + 6] = 4;
    // The held-back casualty, a cell away, is not part of the incident yet.
    expect([...crewSight(run.world, member(run, 'a')).victims]).toEqual(['v']);
  });

  it('smoke shortens sight and a thermal camera gives it back', () => {
    const run = customRun({ floors: [{ id: 'g', rows: flat }], items: [smoky], crew: [crew('eyes', 'g', 11, 1), crew('cam', 'g', 10, 1, { tools: ['thermalCamera'] })], victims: [victim('v', 'g', 7, 1)] });
    expect(crewSight(run.world, member(run, 'eyes')).victims.has('v')).toBe(true);
    runFor(run, 90);
    expect(crewSight(run.world, member(run, 'eyes')).victims.has('v')).toBe(false);
    expect(crewSight(run.world, member(run, 'cam')).victims.has('v')).toBe(true);
  });

  it('the commander sees every crew member and only what crews have found; the instructor everything', () => {
    const run = customRun({ floors: [{ id: 'g', rows: flat }], items: [], crew: [crew('a', 'g', 10, 1), crew('ic', 'g', 15, 1)], victims: [victim('v', 'g', 2, 1)] });
    const byCrew = new Map(run.world.crew.map((c) => [c.id, crewSight(run.world, c)]));
    const found = new FoundSoFar();
    for (const s of byCrew.values()) found.note(s);
    const overview = seatSight(run.world, { kind: 'commander', crewId: 'ic' }, byCrew, found);
    expect([...overview.crew].sort()).toEqual(['a', 'ic']);
    expect([...overview.victims]).toEqual([]);
    expect([...seatSight(run.world, { kind: 'instructor' }, byCrew, found).victims]).toEqual(['v']);
    expect([...seatSight(run.world, { kind: 'none' }, byCrew, found).crew]).toEqual([]);
  });

  it('the kept sight is renewed when a door opens in front of a crew member standing still', () => {
    const cold = { ...smoky, id: 'crate', x: 2, ignitedAtS: 100_000 };
    const run = customRun({ floors: [{ id: 'g', rows: flat }], items: [cold], crew: [crew('a', 'g', 10, 1), crew('b', 'g', 7, 1)], victims: [] });
    const cache = new CrewSightCache();
    expect(cache.sight(run.world, member(run, 'a')).items.has('crate')).toBe(false);
    submitIntent(run, { type: 'toggleDoor', crewId: 'b', x: 6, y: 1 });
    stepRun(run);
    expect(member(run, 'a')).toMatchObject({ x: 10, y: 1 });
    expect(cache.sight(run.world, member(run, 'a')).items.has('crate')).toBe(true);
  });

  it('the kept sight equals a fresh one on every tick of the expert playing the tube house', () => {
    const run = makeRun('tube-house-motorbikes');
    const doors: DoorPlace[] = [];
    run.world.floors.forEach((g, floor) => g.cells.forEach((kind, i) => isDoor(kind) && doors.push({ id: `${floor}:${i % g.width}:${Math.floor(i / g.width)}`, floor, x: i % g.width, y: Math.floor(i / g.width) })));
    const cache = new CrewSightCache(doors);
    const sorted = (s: Sighted) => Object.fromEntries(Object.entries(s).map(([k, v]: [string, Set<string | number>]) => [k, [...v].map(String).sort()]));
    let floorsChanged = 0;
    let versions = run.world.floors.map((g) => g.version).join();
    while (run.endReason === null && run.world.tick < 6000) {
      for (const i of expertBot(run)) submitIntent(run, i);
      stepRun(run);
      for (const c of run.world.crew) expect(sorted(cache.sight(run.world, c)), `${c.id} at tick ${run.world.tick}`).toEqual(sorted(crewSight(run.world, c, doors)));
      const now = run.world.floors.map((g) => g.version).join();
      if (now !== versions) floorsChanged += 1;
      versions = now;
    }
    expect(run.endReason).toBe('complete');
    expect(floorsChanged, 'doors and windows changed during the run, so the kept part had to be renewed').toBeGreaterThan(0);
  });
});
