/** What a drill seat sees: walls and shut doors stop the eye, smoke shortens sight and a thermal camera
 *  gives it back, hidden casualties stay out of every trainee's view, and the commander's overview holds
 *  every crew member but only what crews have found. */
import { describe, expect, it } from 'vitest';
import { stepRun, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { crewSight, FoundSoFar, seatSight } from '../../../server/drills/sight';
import { crew, customRun, victim } from '../../support/customScenario';

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
});
