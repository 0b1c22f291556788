/** The upload path on PGlite and on a real PostgreSQL server: runs are stored pending in shared
 *  inserts, verified by replay in a worker thread, and a run a crashed process left pending is finished. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot, type RunRecord } from '../../../engine/index';
import { ApiError } from '../../../server/http/ApiError';
import { RunIngest } from '../../../server/runs/RunIngest';
import { verifyRun } from '../../../server/runs/verifyRun';
import { loadScenarioCatalogue } from '../../../server/scenarioCatalogue';
import type { PendingRun, StoredRun } from '../../../server/store/RunStore';
import type { SqlStore } from '../../../server/store/SqlStore';
import { contentHash } from '../../../engine/index';
import { playRecord } from '../fixtures';
import { BACKENDS } from '../storeBackends';

const catalogue = loadScenarioCatalogue();
const uploader = null;

function pendingRow(record: RunRecord): PendingRun {
  return { id: record.id, scenarioId: record.scenarioId, scenarioVersion: record.scenarioVersion, record, recordHash: contentHash(record), ownerId: null, unitId: null };
}

describe.each(BACKENDS)('RunIngest on %s', (_name, make) => {
  const backend = make();
  let store: SqlStore;
  let ingest: RunIngest;
  const verifiedRuns: StoredRun[] = [];

  beforeAll(async () => {
    store = await backend.open();
    await store.migrate();
    ingest = new RunIngest(store, catalogue, { workers: 1, onVerified: (run) => Promise.resolve(void verifiedRuns.push(run)) });
  });
  afterAll(async () => {
    await ingest?.close();
    await store?.close();
    await backend.cleanup();
  });

  it('acknowledges a run with 202 before its verdict when asked not to wait, then stores the replay score', async () => {
    const { record, score } = playRecord(expertBot, { clientScore: 12 });
    const { httpStatus, receipt } = await ingest.submit(record, uploader, { wait: false });
    expect(httpStatus).toBe(202);
    expect(receipt).toMatchObject({ id: record.id, status: 'pending', percent: null, stars: null, passed: null });
    await ingest.idle();
    expect(await store.getRun(record.id)).toMatchObject({ status: 'verified', percent: score.percent, passed: true, stars: 3, hashMatches: true });
    expect(verifiedRuns.filter((r) => r.id === record.id)).toHaveLength(1);
    // Sent again once verified: the stored verdict, and nothing new.
    expect(await ingest.submit(record, uploader)).toMatchObject({ httpStatus: 200, receipt: { status: 'verified', percent: score.percent } });
  });

  it('stores concurrent uploads in shared inserts, each once, and refuses a different record under a taken id', async () => {
    const records = Array.from({ length: 24 }, (_, i) => playRecord(i % 2 === 0 ? expertBot : noviceBot).record);
    const first = records[0];
    if (!first) throw new Error('no records');
    const impostor: RunRecord = { ...first, seed: first.seed + 1 };
    let inserts = 0;
    const insertPendingRuns = store.insertPendingRuns.bind(store);
    const counted = Object.assign(Object.create(store) as SqlStore, {
      insertPendingRuns: (rows: readonly PendingRun[]) => {
        inserts++;
        return insertPendingRuns(rows);
      },
    });
    const shared = new RunIngest(counted, catalogue, { workers: 2 });
    try {
      const answers = await Promise.allSettled([...records, first, impostor].map((r) => shared.submit(r, uploader)));
      const statuses = answers.map((a) => (a.status === 'fulfilled' ? a.value.httpStatus : a.reason instanceof ApiError ? a.reason.status : -1));
      expect(statuses.slice(0, records.length)).toEqual(records.map(() => 201));
      expect(statuses.slice(records.length)).toEqual([200, 409]);
      expect(inserts).toBeLessThan(records.length);
      for (const r of records) expect((await store.getRun(r.id))?.status).toBe('verified');
      expect((await store.getRun(first.id))?.recordHash).toBe(contentHash(first));
    } finally {
      await shared.close();
    }
  });

  it('keeps an intent log that does not replay, rejected with its reason', async () => {
    const { record } = playRecord(expertBot);
    const cut: RunRecord = { ...record, id: randomUUID(), intents: record.intents.slice(0, 1) };
    await expect(ingest.submit(cut, uploader)).rejects.toMatchObject({ status: 422, code: 'replayRejected' });
    expect(await store.getRun(cut.id)).toMatchObject({ status: 'rejected', percent: null, result: null, error: expect.stringMatching(/didNotEnd/) as unknown });
  });

  it('finishes the runs a crashed process had acknowledged but not verified', async () => {
    const left = [playRecord(expertBot).record, playRecord(noviceBot).record];
    await store.insertPendingRuns(left.map(pendingRow));
    const seen: string[] = [];
    const restarted = new RunIngest(store, catalogue, { workers: 1, onVerified: (run) => Promise.resolve(void seen.push(run.id)) });
    try {
      restarted.start();
      await expect.poll(async () => (await Promise.all(left.map((r) => store.getRun(r.id)))).map((r) => r?.status), { timeout: 30_000 }).toEqual(['verified', 'verified']);
      await restarted.idle();
      expect(seen.sort()).toEqual(left.map((r) => r.id).sort());
      // A second sweep finds nothing left to do.
      expect(await restarted.sweep(new Date(Date.now() + 3_600_000))).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('stores many verdicts in one statement; an id twice in a batch is decided once, and a decided run stays as it is', async () => {
    const a = playRecord(expertBot).record;
    const b = playRecord(noviceBot).record;
    await store.insertPendingRuns([a, b].map(pendingRow));
    const kitchen = catalogue.get(a.scenarioId);
    if (!kitchen) throw new Error('kitchen missing');
    const verdictOf = (r: RunRecord) => {
      const { status, error, percent, passed, stars, result, hashMatches } = verifyRun(kitchen, r);
      if (status === 'pending') throw new Error('pending verdict');
      return { status, error, percent, passed, stars, result, hashMatches };
    };
    const outcomes = await store.completeRuns([a, b, a].map((r) => ({ id: r.id, record: r, verdict: verdictOf(r) })));
    expect(outcomes.map((o) => o.applied)).toEqual([true, true, false]);
    expect(outcomes.map((o) => o.run?.status)).toEqual(['verified', 'verified', 'verified']);
    expect(outcomes[1]?.run?.passed).toBe(false);
    const rejected = { status: 'rejected' as const, error: 'late', percent: null, passed: null, stars: null, result: null, hashMatches: null };
    expect((await store.completeRuns([{ id: a.id, record: a, verdict: rejected }]))[0]?.applied).toBe(false);
    expect((await store.getRun(a.id))?.status).toBe('verified');
  });

  it('refuses a run of a scenario this server does not have, storing nothing', async () => {
    const { record } = playRecord(expertBot);
    const stranger: RunRecord = { ...record, id: randomUUID(), scenarioId: 'no-such-scenario' };
    await expect(ingest.submit(stranger, uploader)).rejects.toMatchObject({ status: 422, code: 'unknownScenario' });
    expect(await store.getRun(stranger.id)).toBeNull();
  });
});
