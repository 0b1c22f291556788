/** Victims and rescue: dose from smoke and heat, incapacitation and death, carrying out to safety,
 *  triage against START, walking out, trapped casualties, forcible entry, ladders and stairs. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Intent, type Run } from '../../../engine/index';
import { crew, customRun, victim } from '../../support/customScenario';

function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}
function act(run: Run, intent: Intent): ReturnType<typeof stepRun> {
  submitIntent(run, intent);
  return stepRun(run);
}
const has = (run: Run, type: string, victimId?: string): boolean => run.events.some((e) => e.type === type && (victimId === undefined || e.victimId === victimId));

// A room with a sofa fire and a casualty by the far wall; the door opens on to the street.
const room = ['##########,,', '#........#,,', '#........#,,', '#........#,,', '#........d,,', '#........#,,', '##########,,'];
const sofa = { id: 'sofa', kind: 'sofa', name: { vi: 'sofa', en: 'sofa' }, floor: 'g', x: 4, y: 3, fireClass: 'A', growth: 'fast', peakKW: 2500, fuelMJ: 2000, ignitedAtS: 0 };

describe('victims', () => {
  it('a casualty left in a burning room is incapacitated, then dies', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], items: [sofa], victims: [victim('v1', 'g', 2, 5)], crew: [crew('ff', 'g', 11, 1)] });
    runFor(run, 600);
    const inc = run.events.find((e) => e.type === 'VICTIM_INCAPACITATED')?.tick ?? -1;
    const died = run.events.find((e) => e.type === 'VICTIM_DIED')?.tick ?? -1;
    expect(inc).toBeGreaterThan(0);
    expect(died).toBeGreaterThan(inc);
  });

  it('a casualty carried out and put down in the street is rescued and takes no more dose', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], items: [sofa], victims: [victim('v1', 'g', 8, 4)], crew: [crew('ff', 'g', 10, 4)] });
    act(run, { type: 'moveTo', crewId: 'ff', x: 9, y: 4 });
    runFor(run, 1);
    expect(act(run, { type: 'carry', crewId: 'ff', victimId: 'v1' })).toContainEqual(expect.objectContaining({ type: 'VICTIM_CARRIED' }));
    act(run, { type: 'moveTo', crewId: 'ff', x: 11, y: 4 });
    runFor(run, 3);
    const events = act(run, { type: 'putDown', crewId: 'ff' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'VICTIM_RESCUED', victimId: 'v1' }));
    const dose = run.world.victims[0]?.dose ?? 0;
    runFor(run, 120);
    expect(run.world.victims[0]?.dose).toBe(dose);
    expect(run.world.victims[0]?.status).toBe('ok');
  });

  it('a stretcher makes carrying a casualty out quicker than carrying by hand', () => {
    const timeToCarry = (tools: string[]): number => {
      const run = customRun({ floors: [{ id: 'g', rows: room }], victims: [victim('v1', 'g', 2, 4)], crew: [crew('ff', 'g', 3, 4, { tools })] });
      act(run, { type: 'carry', crewId: 'ff', victimId: 'v1' });
      act(run, { type: 'moveTo', crewId: 'ff', x: 11, y: 4 });
      const start = run.world.tick;
      while (run.world.crew[0]?.x !== 11 && run.world.tick < start + 500) stepRun(run);
      return run.world.tick - start;
    };
    expect(timeToCarry(['stretcher'])).toBeLessThan(timeToCarry([]) * 0.8);
  });

  it('triage is judged against START', () => {
    const apnoeic = victim('v2', 'g', 5, 5, { findings: { breathing: false, breathesAfterAirway: true, respiratoryRate: 0, poorPerfusion: false, obeysCommands: false } });
    const run = customRun({ floors: [{ id: 'g', rows: room }], victims: [victim('v1', 'g', 2, 5), apnoeic], crew: [crew('ff', 'g', 3, 5)] });
    act(run, { type: 'triage', crewId: 'ff', victimId: 'v1', tag: 'yellow' });
    // An assessment takes 15 s, during which the crew member does nothing else.
    expect(act(run, { type: 'moveTo', crewId: 'ff', x: 4, y: 5 })).toContainEqual(expect.objectContaining({ reason: 'busy' }));
    runFor(run, 15);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'VICTIM_TRIAGED', victimId: 'v1', correct: true }));
    act(run, { type: 'moveTo', crewId: 'ff', x: 4, y: 5 });
    runFor(run, 1);
    act(run, { type: 'triage', crewId: 'ff', victimId: 'v2', tag: 'black' });
    runFor(run, 15);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'VICTIM_TRIAGED', victimId: 'v2', correct: false }));
  });

  // START (DOMAIN.md, triage table, step 2): not breathing, and still not once the airway is opened: black.
  const dead = (id: string): Record<string, unknown> => victim(id, 'g', 4, 5, { findings: { breathing: false, breathesAfterAirway: false, respiratoryRate: 0, poorPerfusion: true, obeysCommands: false } });

  it('a black tag is credited only once the airway has been opened', () => {
    const guessed = customRun({ floors: [{ id: 'g', rows: room }], victims: [dead('v')], crew: [crew('ff', 'g', 3, 5)] });
    act(guessed, { type: 'triage', crewId: 'ff', victimId: 'v', tag: 'black' });
    runFor(guessed, 16);
    expect(guessed.events).toContainEqual(expect.objectContaining({ type: 'VICTIM_TRIAGED', victimId: 'v', tag: 'black', correct: false }));

    const checked = customRun({ floors: [{ id: 'g', rows: room }], victims: [dead('v')], crew: [crew('ff', 'g', 3, 5)] });
    act(checked, { type: 'openAirway', crewId: 'ff', victimId: 'v' });
    runFor(checked, 6);
    expect(checked.events).toContainEqual(expect.objectContaining({ type: 'AIRWAY_OPENED', victimId: 'v' }));
    act(checked, { type: 'triage', crewId: 'ff', victimId: 'v', tag: 'black' });
    runFor(checked, 16);
    expect(checked.events).toContainEqual(expect.objectContaining({ type: 'VICTIM_TRIAGED', victimId: 'v', tag: 'black', correct: true }));
  });

  it('every tag given is kept and the first is the one credited: guessing again until right earns nothing', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], victims: [victim('v1', 'g', 2, 5)], crew: [crew('ff', 'g', 3, 5)] });
    for (const tag of ['red', 'green', 'yellow'] as const) {
      act(run, { type: 'triage', crewId: 'ff', victimId: 'v1', tag });
      runFor(run, 16);
    }
    expect(run.events.filter((e) => e.type === 'VICTIM_TRIAGED')).toEqual([expect.objectContaining({ victimId: 'v1', tag: 'red', correct: false })]);
    expect(run.events.filter((e) => e.type === 'VICTIM_RETAGGED').map((e) => [e.tag, e.correct])).toEqual([['green', false], ['yellow', true]]);
    const v = run.world.victims[0];
    expect(v?.tags.map((t) => t.tag)).toEqual(['red', 'green', 'yellow']);
    // The casualty wears the last tag given; the record keeps all three.
    expect(v?.tag).toBe('yellow');
  });

  it('a casualty who can walk finds the way out in clear air', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], victims: [victim('v1', 'g', 2, 2, { mobility: 'walks' })], crew: [crew('ff', 'g', 11, 1)] });
    runFor(run, 30);
    expect(has(run, 'VICTIM_ESCAPED', 'v1')).toBe(true);
  });

  it('a trapped casualty cannot be carried until freed with a spreader, which takes about a minute', () => {
    const run = customRun({ floors: [{ id: 'g', rows: room }], victims: [victim('v1', 'g', 2, 2, { trapped: true })], crew: [crew('ff', 'g', 3, 2, { tools: ['hydraulicSpreader'] })] });
    expect(act(run, { type: 'carry', crewId: 'ff', victimId: 'v1' })).toContainEqual(expect.objectContaining({ reason: 'victimTrapped' }));
    act(run, { type: 'freeVictim', crewId: 'ff', victimId: 'v1' });
    runFor(run, 50);
    expect(has(run, 'VICTIM_FREED')).toBe(false);
    runFor(run, 15);
    expect(has(run, 'VICTIM_FREED')).toBe(true);
    expect(act(run, { type: 'carry', crewId: 'ff', victimId: 'v1' })).toContainEqual(expect.objectContaining({ type: 'VICTIM_CARRIED' }));
  });

  it('a locked door needs a halligan and opens after about 20 s', () => {
    const locked = room.map((r, y) => (y === 4 ? r.replace('d', 'L') : r));
    const bare = customRun({ floors: [{ id: 'g', rows: locked }], crew: [crew('ff', 'g', 10, 4)] });
    expect(act(bare, { type: 'force', crewId: 'ff', x: 9, y: 4 })).toContainEqual(expect.objectContaining({ reason: 'needsTool' }));
    const run = customRun({ floors: [{ id: 'g', rows: locked }], crew: [crew('ff', 'g', 10, 4, { tools: ['halligan'] })] });
    act(run, { type: 'force', crewId: 'ff', x: 9, y: 4 });
    runFor(run, 19);
    expect(has(run, 'FORCED_OPEN')).toBe(false);
    runFor(run, 2);
    expect(has(run, 'FORCED_OPEN')).toBe(true);
    expect(act(run, { type: 'step', crewId: 'ff', dir: 'W' })).not.toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED' }));
  });

  it('a ladder from the street reaches a window once its grille is cut', () => {
    const ground = ['######,,', '#....#,,', '######,,'];
    const upper = ['######..', '#....G..', '######..'];
    const run = customRun({
      floors: [{ id: 'g', level: 0, rows: ground }, { id: 'f2', level: 2, rows: upper }, { id: 'f1', level: 1, rows: ['######..', '#....#..', '######..'] }],
      victims: [victim('v1', 'f2', 4, 1)],
      crew: [crew('ff', 'g', 6, 1, { tools: ['ladder', 'cutter'] })],
    });
    act(run, { type: 'placeLadder', crewId: 'ff', x: 5, y: 1 });
    expect(act(run, { type: 'climb', crewId: 'ff', level: 2 })).toContainEqual(expect.objectContaining({ reason: 'windowClosed' }));
    // The grille is cut from the ladder.
    act(run, { type: 'force', crewId: 'ff', x: 5, y: 1, level: 2 });
    runFor(run, 41);
    expect(has(run, 'FORCED_OPEN')).toBe(true);
    expect(act(run, { type: 'climb', crewId: 'ff', level: 2 })).toContainEqual(expect.objectContaining({ type: 'FLOOR_CHANGED' }));
    runFor(run, 10);
    expect(act(run, { type: 'carry', crewId: 'ff', victimId: 'v1' })).toContainEqual(expect.objectContaining({ type: 'VICTIM_CARRIED' }));
    act(run, { type: 'climb', crewId: 'ff', level: 0 });
    runFor(run, 10);
    expect(act(run, { type: 'putDown', crewId: 'ff' })).toContainEqual(expect.objectContaining({ type: 'VICTIM_RESCUED' }));
  });
});

describe('stairs', () => {
  const ground = ['########,', '#S.....d,', '########,'];
  const upper = ['########', '#S.....#', '########'];
  const sofaG = { ...sofa, floor: 'g', x: 3, y: 1, peakKW: 800 };

  it('a crew member climbs the stairs to the floor above and back', () => {
    const run = customRun({ floors: [{ id: 'g', level: 0, rows: ground }, { id: 'u', level: 1, rows: upper }], crew: [crew('ff', 'g', 1, 1)] });
    expect(act(run, { type: 'useStairs', crewId: 'ff', dir: 'up' })).toContainEqual(expect.objectContaining({ type: 'FLOOR_CHANGED', floor: 1 }));
    expect(act(run, { type: 'useStairs', crewId: 'ff', dir: 'up' })).toContainEqual(expect.objectContaining({ reason: 'noFloorThere' }));
  });

  it('smoke rises up the stairwell to the floor above', () => {
    const run = customRun({ floors: [{ id: 'g', level: 0, rows: ground }, { id: 'u', level: 1, rows: upper }], items: [sofaG], crew: [crew('ff', 'g', 8, 1)] });
    runFor(run, 60);
    expect(run.world.smoke[1]?.[1 * 8 + 4] ?? 0).toBeGreaterThan(0);
  });
});
