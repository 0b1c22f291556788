/** One RunStore suite, run on the embedded PGlite and on a real PostgreSQL server
 *  (postgres://postgres@127.0.0.1:5432/test, in a fresh schema dropped afterwards). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot } from '../../../engine/index';
import { verifyRun } from '../../../server/runs/verifyRun';
import type { NewRun, RunStore } from '../../../server/store/RunStore';
import { kitchenScenario, playRecord } from '../fixtures';
import { BACKENDS } from '../storeBackends';

function verified(bot = expertBot): NewRun {
  return verifyRun(kitchenScenario(), playRecord(bot).record);
}

describe.each(BACKENDS)('RunStore on %s', (_name, make) => {
  const backend = make();
  let store: RunStore;

  beforeAll(async () => {
    store = await backend.open();
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('applies migrations idempotently', async () => {
    await store.migrate();
    await store.migrate();
    expect(await store.listRuns(10)).toBeInstanceOf(Array);
  });

  it('round-trips a verified run with its record, result and types intact', async () => {
    const run = verified();
    const { inserted, run: stored } = await store.insertRun(run);
    expect(inserted).toBe(true);
    const read = await store.getRun(run.id);
    expect(read).toEqual(stored);
    expect(read).toMatchObject({ id: run.id, status: 'verified', stars: 3, passed: true, percent: run.percent, hashMatches: true, recordHash: run.recordHash });
    expect(read?.record).toEqual(run.record);
    expect(read?.result).toEqual(run.result);
    expect(Number.isNaN(Date.parse(read?.receivedAt ?? ''))).toBe(false);
  });

  it('keeps a fractional percent exact to one decimal despite real storage', async () => {
    const run = { ...verified(noviceBot), id: randomUUID(), percent: 66.7 };
    await store.insertRun(run);
    expect((await store.getRun(run.id))?.percent).toBe(66.7);
  });

  it('never overwrites: a second insert under the same id returns the first row', async () => {
    const first = verified();
    await store.insertRun(first);
    const second = { ...verified(noviceBot), id: first.id };
    const outcome = await store.insertRun(second);
    expect(outcome.inserted).toBe(false);
    expect(outcome.run.recordHash).toBe(first.recordHash);
    expect(outcome.run.passed).toBe(true);
  });

  it('stores rejected runs with their error and no score', async () => {
    const { record } = playRecord(expertBot);
    const rejected = verifyRun(kitchenScenario(), { ...record, endTick: record.endTick + 5 });
    expect(rejected.status).toBe('rejected');
    await store.insertRun(rejected);
    expect(await store.getRun(record.id)).toMatchObject({ status: 'rejected', percent: null, result: null, error: expect.stringMatching(/didNotEnd/) as unknown });
  });

  it('lists newest first, up to the limit, without records', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const run = verified();
      await store.insertRun(run);
      ids.push(run.id);
    }
    const listed = await store.listRuns(2);
    expect(listed.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(listed[0]).not.toHaveProperty('record');
  });

  it('answers null for an unknown id', async () => {
    expect(await store.getRun(randomUUID())).toBeNull();
  });

  it('shares rows and migrations with a second store on the same database', async () => {
    const run = verified();
    await store.insertRun(run);
    if (backend.name === 'PGlite') {
      // PGlite is single-process: a second handle may only open once the first is closed.
      await store.close();
      store = await backend.reopen();
    }
    const other = backend.name === 'PGlite' ? store : await backend.reopen();
    await other.migrate();
    expect((await other.getRun(run.id))?.id).toBe(run.id);
    if (other !== store) await other.close();
  });
});
