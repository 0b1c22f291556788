/** Instructor injects: applied on the next tick ahead of intents, logged in the record, and replayed
 *  to the same hash; a held-back casualty appears only when injected. */
import { describe, expect, it } from 'vitest';
import { replayRecord, stepRun, submitInject, submitIntent, toRunRecord, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { crew, customRun, victim } from '../../support/customScenario';
import { makeRun } from '../../support/scenarios';

const ID = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const runFor = (run: Run, seconds: number): void => {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
};

describe('injects', () => {
  it('a new fire injected mid-run burns, is logged and replays to the same hash', () => {
    const run = makeRun();
    runFor(run, 5);
    submitInject(run, { type: 'igniteItem', params: { item: 'kitchen-cabinet' } });
    submitInject(run, { type: 'radio', params: { from: { vi: 'Chỉ huy', en: 'Commander' }, text: { vi: 'Tủ bếp bắt cháy!', en: 'The cabinet is alight!' } } });
    runFor(run, 10);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'ITEM_IGNITED', itemId: 'kitchen-cabinet' }));
    expect(run.events.filter((e) => e.type === 'INJECT')).toHaveLength(2);
    submitIntent(run, { type: 'endRun' });
    stepRun(run);
    const record = toRunRecord(run, ID);
    expect(record.injects).toHaveLength(2);
    const replay = replayRecord(run.scenario, record);
    expect(replay.ok && replay.hashMatches).toBe(true);
    // Without its injects the same log tells another story.
    const without = replayRecord(run.scenario, { ...record, injects: [] });
    expect(without.ok && without.hashMatches).toBe(false);
  });

  it('a hidden casualty takes no part until revealed', () => {
    const run = customRun({ floors: [{ id: 'g', rows: ['#####,,', '#...d,,', '#####,,'] }], victims: [victim('extra', 'g', 2, 1, { hidden: true })], crew: [crew('ff', 'g', 5, 1)] });
    runFor(run, 2);
    expect(run.events.some((e) => e.victimId === 'extra')).toBe(false);
    submitInject(run, { type: 'revealVictim', params: { victim: 'extra' } });
    stepRun(run);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'VICTIM_REPORTED', victimId: 'extra' }));
  });
});
