/** Intents applied on arrival (applyIntentNow) instead of at the next step: the live run, its record and
 *  its replay must be exactly those of the same intents queued, and an inject that arrives after such an
 *  intent must wait a tick so a replay applies both in the order they were applied live. */
import { describe, expect, it } from 'vitest';
import { applyIntentNow, expertBot, replayRecord, stateHash, stepRun, submitInject, submitIntent, toRunRecord, type Run } from '../../../engine/index';
import { makeRun, scenarioFiles } from '../../support/scenarios';

const ID = '5f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const MAX_TICKS = 20_000;

/** Plays the expert to the end, handing each tick's intents to `give`. */
function playExpert(run: Run, give: (run: Run, intents: ReturnType<typeof expertBot>) => void): Run {
  while (run.endReason === null && run.world.tick < MAX_TICKS) {
    give(run, expertBot(run));
    stepRun(run);
  }
  return run;
}

describe('applyIntentNow', () => {
  for (const file of scenarioFiles()) {
    const id = file.replace('.scenario.json', '');
    it(`${id}: the expert's intents applied on arrival give the queued run's hash, record and replay`, () => {
      const queued = playExpert(makeRun(id), (run, intents) => intents.forEach((i) => submitIntent(run, i)));
      const now = playExpert(makeRun(id), (run, intents) => intents.forEach((i) => applyIntentNow(run, i)));
      expect(now.endReason).toBe(queued.endReason);
      expect(now.world.tick).toBe(queued.world.tick);
      expect(stateHash(now)).toBe(stateHash(queued));
      expect(now.events).toEqual(queued.events);
      const record = toRunRecord(now, ID);
      expect(record.intents).toEqual(toRunRecord(queued, ID).intents);
      const replay = replayRecord(now.scenario, record);
      expect(replay.ok && replay.hashMatches).toBe(true);
    });
  }

  it('shows the effect before the step: a route is set at once and logged on the coming tick', () => {
    const run = makeRun();
    stepRun(run);
    const crew = run.world.crew[0];
    if (!crew) throw new Error('the kitchen has a crew member');
    const tick = run.world.tick;
    const events = applyIntentNow(run, { type: 'moveTo', crewId: crew.id, x: crew.x + 1, y: crew.y });
    expect(events).toEqual([]);
    expect(crew.path.length).toBeGreaterThan(0);
    expect(run.intents.at(-1)).toEqual({ tick, intent: { type: 'moveTo', crewId: crew.id, x: crew.x + 1, y: crew.y } });
    expect(run.world.tick).toBe(tick);
  });

  it('queues behind an inject already waiting for the tick, and ending the run always waits for the step', () => {
    const run = makeRun();
    stepRun(run);
    const crew = run.world.crew[0];
    if (!crew) throw new Error('the kitchen has a crew member');
    expect(submitInject(run, { type: 'igniteItem', params: { item: 'kitchen-cabinet' } })).toBe(run.world.tick);
    applyIntentNow(run, { type: 'moveTo', crewId: crew.id, x: crew.x + 1, y: crew.y });
    expect(crew.path).toEqual([]);
    expect(run.pending).toHaveLength(1);
    stepRun(run);
    applyIntentNow(run, { type: 'endRun' });
    expect(run.endReason).toBeNull();
    stepRun(run);
    expect(run.endReason).toBe('abandoned');
  });

  it('an inject that arrives after an intent applied ahead waits one tick, and the record replays to the same hash', () => {
    const run = makeRun();
    for (let i = 0; i < 10; i++) stepRun(run);
    const crew = run.world.crew[0];
    if (!crew) throw new Error('the kitchen has a crew member');
    const tick = run.world.tick;
    applyIntentNow(run, { type: 'moveTo', crewId: crew.id, x: crew.x + 1, y: crew.y });
    expect(submitInject(run, { type: 'igniteItem', params: { item: 'kitchen-cabinet' } })).toBe(tick + 1);
    stepRun(run);
    expect(run.injects).toEqual([]);
    stepRun(run);
    expect(run.injects).toEqual([{ tick: tick + 1, action: { type: 'igniteItem', params: { item: 'kitchen-cabinet' } } }]);
    for (let i = 0; i < 50; i++) stepRun(run);
    submitIntent(run, { type: 'endRun' });
    stepRun(run);
    const replay = replayRecord(run.scenario, toRunRecord(run, ID));
    expect(replay.ok && replay.hashMatches).toBe(true);
  });
});
