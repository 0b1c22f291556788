/** The debrief's re-simulation of a stored record: a drill record with an instructor's inject gives the
 *  debrief page the score, criteria and final state the server computed from the same record. */
import { describe, expect, it } from 'vitest';
import { replayRecord, scoreRun, stateHash, type ScoreResult } from '../../../engine/index';
import { readStoredRecord, runSeries } from '../../../client/debrief/runSeries';
import { verifyDrill } from '../../../server/drills/verifyDrill';
import { verifyRun } from '../../../server/runs/verifyRun';
import { kitchenDrillWithInject } from '../../support/drillWithInject';

const verdict = (s: ScoreResult) => ({ percent: s.percent, stars: s.stars, passed: s.passed, criteria: s.criteria.map((c) => ({ id: c.id, passed: c.passed, evidence: c.evidence })) });

describe('debrief re-simulation', () => {
  it('scores a drill record with an inject as the server does', () => {
    const { scenario, record, extras } = kitchenDrillWithInject();
    const drill = verifyDrill(scenario, record, extras);
    const solo = verifyRun(scenario, record);
    expect(drill.status).toBe('verified');
    expect(drill.hashMatches).toBe(true);
    if (!drill.result || !solo.result) throw new Error('the server rejected the record');
    // The inject matters: the new fire is still burning when time is up.
    expect(drill.result.percent).toBeLessThan(100);
    expect(verdict(solo.result)).toEqual(verdict(drill.result));

    // What the debrief page computes: the series' re-simulation, scored with the scenario's rubric.
    const series = runSeries(scenario, record);
    expect(verdict(scoreRun(scenario, series.run.events))).toEqual(verdict(drill.result));
    expect(series.run.world.tick).toBe(record.endTick);
    expect(stateHash(series.run)).toBe(record.finalHash);
  });

  it('charts the injected fire: the item set alight shows in the series run', () => {
    const { scenario, record } = kitchenDrillWithInject();
    const series = runSeries(scenario, record);
    expect(series.run.events).toContainEqual(expect.objectContaining({ type: 'ITEM_IGNITED', itemId: 'lpg-cylinder' }));
    // Without its injects the same log ends otherwise: the agreement above is not an accident.
    const bare = replayRecord(scenario, { ...record, injects: [] });
    expect(bare.ok && stateHash(bare.run)).not.toBe(record.finalHash);
  });

  it('reads a stored record with the engine’s schema, injects included, and says where one is damaged', () => {
    const { record } = kitchenDrillWithInject();
    const read = readStoredRecord(JSON.parse(JSON.stringify(record)));
    expect(read.ok && read.record.injects).toEqual(record.injects);
    const damaged = readStoredRecord({ ...record, injects: [{ tick: 45, action: { type: 'igniteItem' } }] });
    expect(damaged).toMatchObject({ ok: false, where: '$.injects[0].action.params' });
  });
});
