/** Runs: intents move the world, the same seed and log give the same hash, records replay to the
 *  same score, forks diverge independently, and refused intents say why. */
import { describe, expect, it } from 'vitest';
import { createRun, expertBot, forkRun, loadScenario, noviceBot, playWithBot, replayRecord, replayToTick, scoreRun, stateHash, stepRun, submitIntent, toRunRecord, TICKS_PER_SECOND } from '../../../engine/index';
import { KITCHEN, loadReferenceScenario, makeRun, readScenarioJson } from '../../support/scenarios';

const ID = '6f1c1d2a-8a4e-4b1f-9d55-2f7f8e0c1a11';

describe('run', () => {
  it('moves the crew member along a path one cell every two ticks', () => {
    const run = makeRun();
    submitIntent(run, { type: 'moveTo', crewId: 'ff-1', x: 18, y: 13 });
    for (let i = 0; i < 8; i++) stepRun(run);
    expect(run.world.crew[0]).toMatchObject({ x: 18, y: 13 });
  });

  it('refuses an intent for a crew member that does not exist, with a reason', () => {
    const run = makeRun();
    submitIntent(run, { type: 'step', crewId: 'nobody', dir: 'N' });
    const events = stepRun(run);
    expect(events).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'unknownCrew' }));
  });

  it('refuses an intent the crew member\'s role may not send', () => {
    const json = readScenarioJson(KITCHEN) as { roles: Record<string, unknown>[] };
    json.roles = json.roles.map((r) => ({ ...r, may: ['moveTo', 'step'] }));
    const run = createRun(loadScenario(json), 1);
    submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
    expect(stepRun(run)).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'notInRole' }));
  });

  it('refuses an intent the current phase does not allow', () => {
    const json = readScenarioJson(KITCHEN) as { statechart: { states: Record<string, Record<string, unknown>> } };
    // While the call comes in, the crew can only move up to the door.
    json.statechart.states.dispatch = { ...json.statechart.states.dispatch, meta: { intents: ['moveTo', 'step'] } };
    const run = createRun(loadScenario(json), 1);
    submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
    expect(stepRun(run)).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'notInPhase' }));
    for (let i = 0; i < 3 * TICKS_PER_SECOND; i++) stepRun(run);
    expect(run.phase).toBe('sizeUp');
    submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
    expect(stepRun(run)).toContainEqual(expect.objectContaining({ type: 'DOOR_OPENED' }));
  });

  it('refuses walking through a closed door', () => {
    const run = makeRun();
    submitIntent(run, { type: 'step', crewId: 'ff-1', dir: 'N' });
    expect(stepRun(run)).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'blocked' }));
    expect(run.world.crew[0]).toMatchObject({ x: 14, y: 13 });
  });

  it('the fire grows while nobody acts', () => {
    const run = makeRun();
    stepRun(run);
    const early = run.world.items[0]?.hrrKW ?? 0;
    for (let i = 0; i < 5 * TICKS_PER_SECOND; i++) stepRun(run);
    expect(run.world.items[0]?.hrrKW ?? 0).toBeGreaterThan(early);
  });

  it('gives the same state hash for the same seed and intent log', () => {
    const a = playWithBot(makeRun(), expertBot);
    const b = playWithBot(makeRun(), expertBot);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(a.events).toEqual(b.events);
  });

  it('replays a record to the same hash and score', () => {
    const run = playWithBot(makeRun(), noviceBot);
    const record = toRunRecord(run, ID);
    const replay = replayRecord(loadReferenceScenario(KITCHEN), record);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.hashMatches).toBe(true);
    expect(scoreRun(run.scenario, replay.run.events)).toEqual(scoreRun(run.scenario, run.events));
  });

  it('refuses a record whose log does not end the run where it says', () => {
    const run = playWithBot(makeRun(), expertBot);
    const record = { ...toRunRecord(run, ID), endTick: run.world.tick + 50 };
    const replay = replayRecord(run.scenario, record);
    expect(replay).toMatchObject({ ok: false, error: { code: 'didNotEnd' } });
  });

  it('an abandoned run ends one tick after the endRun intent and replays', () => {
    const run = makeRun();
    stepRun(run);
    submitIntent(run, { type: 'endRun' });
    stepRun(run);
    expect(run.endReason).toBe('abandoned');
    const replay = replayRecord(run.scenario, toRunRecord(run, ID));
    expect(replay.ok && replay.hashMatches).toBe(true);
  });

  it('re-simulates to any tick of a record', () => {
    const run = playWithBot(makeRun(), expertBot);
    const mid = replayToTick(run.scenario, toRunRecord(run, ID), 20);
    expect(mid.world.tick).toBe(20);
    expect(mid.endReason).toBeNull();
  });

  it('a fork can take another course without touching the original', () => {
    const run = makeRun();
    for (let i = 0; i < 10; i++) stepRun(run);
    const before = stateHash(run);
    const fork = forkRun(run);
    submitIntent(fork, { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
    stepRun(fork);
    expect(stateHash(run)).toBe(before);
    expect(stateHash(fork)).not.toBe(before);
  });
});
