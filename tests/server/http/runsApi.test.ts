/** The runs API on a real server: uploads are replayed and scored by the server, idempotent by id,
 *  and never take the client's claimed score. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot, type RunRecord } from '../../../engine/index';
import { KITCHEN, playRecord, startTestServer, type TestServer } from '../fixtures';
import { scenarioFiles } from '../../support/scenarios';

interface Receipt {
  id: string;
  status: string;
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  hashMatches: boolean | null;
  result: { percent: number; criteria: unknown[] } | null;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
interface ListedRun {
  id: string;
  scenarioId: string;
  scenarioTitle: { vi: string; en: string };
  status: string;
  percent: number | null;
  receivedAt: string;
  error: string | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function countRows(id: string): Promise<number> {
  const listed = (await server.get('/api/runs?limit=500')).body as ListedRun[];
  return listed.filter((r) => r.id === id).length;
}

describe('POST /api/runs', () => {
  it('stores an expert run with the score of its replay: passed, three stars', async () => {
    const { record, score } = playRecord(expertBot, { clientScore: 100 });
    const res = await server.post('/api/runs', record);
    expect(res.status).toBe(201);
    const body = res.body as Receipt;
    expect(body).toMatchObject({ id: record.id, status: 'verified', passed: true, stars: 3, hashMatches: true, percent: score.percent });
    expect(body.result?.criteria.length).toBeGreaterThan(0);

    const stored = await server.get(`/api/runs/${record.id}`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id: record.id, scenarioId: KITCHEN, status: 'verified', stars: 3, passed: true, record: { id: record.id } });
  });

  it('fails a novice run', async () => {
    const { record } = playRecord(noviceBot);
    const res = await server.post('/api/runs', record);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'verified', passed: false });
  });

  it('answers the same record twice with the stored result and keeps one row', async () => {
    const { record } = playRecord(expertBot);
    const first = await server.post('/api/runs', record);
    const second = await server.post('/api/runs', record);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await countRows(record.id)).toBe(1);
  });

  it('refuses a different record under an id already used, and keeps the first', async () => {
    const { record } = playRecord(expertBot);
    expect((await server.post('/api/runs', record)).status).toBe(201);
    const altered: RunRecord = { ...record, seed: record.seed + 1 };
    const res = await server.post('/api/runs', altered);
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.code).toBe('idConflict');
    const stored = (await server.get(`/api/runs/${record.id}`)).body as { record: RunRecord };
    expect(stored.record.seed).toBe(record.seed);
  });

  it('ignores a claimed score of 100 on a novice run', async () => {
    const { record, score } = playRecord(noviceBot, { clientScore: 100 });
    const res = await server.post('/api/runs', record);
    expect(res.status).toBe(201);
    const body = res.body as Receipt;
    expect(body.percent).toBe(score.percent);
    expect(body.percent).toBeLessThan(100);
    expect(body.passed).toBe(false);
  });

  it('refuses an edited log that no longer ends the run where the record says, and stores it as rejected', async () => {
    const { record } = playRecord(expertBot, { clientScore: 100 });
    // Without closing the gas valve the kitchen is not safe, so the run does not end on its own at endTick.
    const edited: RunRecord = { ...record, id: randomUUID(), intents: record.intents.filter((i) => i.intent.type !== 'closeValve') };
    expect(edited.intents.length).toBe(record.intents.length - 1);
    const res = await server.post('/api/runs', edited);
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).error.code).toBe('replayRejected');
    const stored = await server.get(`/api/runs/${edited.id}`);
    expect(stored.body).toMatchObject({ status: 'rejected', percent: null, stars: null, passed: null });
    expect((stored.body as { error: string }).error).toMatch(/didNotEnd/);
    // The same rejected record again gets the same answer and no second row.
    expect((await server.post('/api/runs', edited)).status).toBe(422);
    expect(await countRows(edited.id)).toBe(1);
  });

  it('scores an edited log that still ends by what it does: its own lower score, a hash that differs, never the claim', async () => {
    const { record, score } = playRecord(expertBot, { clientScore: 100 });
    expect(score.percent).toBe(100);
    // The valve left open, and the run ended by hand on the tick the record says.
    const intents = [...record.intents.filter((i) => i.intent.type !== 'closeValve'), { tick: record.endTick - 1, intent: { type: 'endRun' as const } }];
    const edited: RunRecord = { ...record, id: randomUUID(), intents };
    const res = await server.post('/api/runs', edited);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'verified', hashMatches: false });
    expect((res.body as Receipt).percent).toBeLessThan(100);
    const gas = (res.body as Receipt).result?.criteria.find((c) => (c as { id: string }).id === 'gas-isolated');
    expect(gas).toMatchObject({ passed: false });
  });

  it('answers 202 at once under Prefer: respond-async, and the verdict follows', async () => {
    const { record, score } = playRecord(expertBot);
    const res = await fetch(`${server.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json', prefer: 'respond-async' }, body: JSON.stringify(record) });
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    expect(await res.json()).toMatchObject({ id: record.id, status: 'pending', percent: null });
    await expect.poll(async () => ((await server.get(`/api/runs/${record.id}`)).body as Receipt).status, { timeout: 30_000 }).toBe('verified');
    expect((await server.get(`/api/runs/${record.id}`)).body).toMatchObject({ percent: score.percent, stars: 3 });
  });

  it('answers a malformed body with 400 and JSON paths to the problems', async () => {
    const { record } = playRecord(expertBot);
    const broken = { ...record, intents: [{ tick: 0, intent: { type: 'teleport', crewId: 'ff-1' } }], seed: -1 };
    const res = await server.post('/api/runs', broken);
    expect(res.status).toBe(400);
    const paths = ((res.body as ErrorBody).error.issues ?? []).map((i) => i.path);
    expect(paths).toContain('$.seed');
    expect(paths.some((p) => p.startsWith('$.intents[0].intent'))).toBe(true);

    const notJson = await server.post('/api/runs', '{"id": ');
    expect(notJson.status).toBe(400);
    expect((notJson.body as ErrorBody).error.code).toBe('badJson');
  });

  it('answers 422 for a scenario the server does not have, and stores nothing', async () => {
    const { record } = playRecord(expertBot);
    const res = await server.post('/api/runs', { ...record, scenarioId: 'no-such-scenario' });
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).error.code).toBe('unknownScenario');
    expect((await server.get(`/api/runs/${record.id}`)).status).toBe(404);
  });

  it('answers 413 for a body over the size limit', async () => {
    const res = await server.post('/api/runs', { padding: 'x'.repeat(3 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe('reading runs and scenarios', () => {
  it('lists runs newest first with the scenario title', async () => {
    const ids: string[] = [];
    for (const bot of [expertBot, noviceBot, expertBot]) {
      const { record } = playRecord(bot);
      expect((await server.post('/api/runs', record)).status).toBe(201);
      ids.push(record.id);
    }
    const listed = (await server.get('/api/runs')).body as ListedRun[];
    expect(listed.slice(0, 3).map((r) => r.id)).toEqual(ids.slice().reverse());
    const times = listed.map((r) => Date.parse(r.receivedAt));
    expect(times).toEqual(times.slice().sort((a, b) => b - a));
    expect(listed[0]?.scenarioTitle.en).toMatch(/kitchen/i);
  });

  it('answers 404 for an unknown run and 400 for an id that is not a UUID', async () => {
    expect((await server.get(`/api/runs/${randomUUID()}`)).status).toBe(404);
    const bad = await server.get('/api/runs/not-a-uuid');
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.issues?.[0]?.path).toBe('$.id');
  });

  it('lists scenarios and serves one by id', async () => {
    const list = await server.get('/api/scenarios');
    expect(list.status).toBe(200);
    // Every scenario file is listed (easiest first), with its summary fields.
    const ids = (list.body as { id: string; difficulty: number }[]).map((s) => s.id);
    expect([...ids].sort()).toEqual(scenarioFiles().map((f) => f.replace('.scenario.json', '')));
    const levels = (list.body as { difficulty: number }[]).map((s) => s.difficulty);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(list.body).toContainEqual(expect.objectContaining({ id: KITCHEN, category: 'structureFire', difficulty: 1, estimatedMinutes: 3 }));
    const one = await server.get(`/api/scenarios/${KITCHEN}`);
    expect(one.body).toMatchObject({ id: KITCHEN, format: 'fireground-scenario' });
    expect((await server.get('/api/scenarios/nope')).status).toBe(404);
  });

  it('reports health and answers unknown API routes with JSON 404', async () => {
    expect(await server.get('/api/health')).toMatchObject({ status: 200, body: { ok: true } });
    const missing = await server.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect((missing.body as ErrorBody).error.code).toBe('notFound');
  });
});
