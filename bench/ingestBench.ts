/** Run ingest through the upload path (RunIngest: group-committed pending inserts, replay in worker
 *  threads) against raw PGlite multi-row inserts of the same rows, measured in the same run. Writes only
 *  to in-memory databases; never asserts. */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { contentHash, createRun, expertBot, noviceBot, playWithBot, toRunRecord, type RunRecord } from '../engine/index';
import { RunIngest } from '../server/runs/RunIngest';
import { verifyRun } from '../server/runs/verifyRun';
import type { ScenarioCatalogue } from '../server/scenarioCatalogue';
import { loadMigrations } from '../server/store/migrations';
import { openPgliteRunStore } from '../server/store/PgliteRunStore';
import { compared, round, type Figure } from './measure';

const KITCHEN = 'apartment-kitchen-oil';
const INSERT_BATCH = 50;
const ROUNDS = 3;
const ORG_UNIT = { id: 'bench-station', kind: 'station', name: 'Bench station' };
/** The columns an accepted upload writes; the verdict columns are filled by the later replay. */
const PENDING_COLUMNS = ['id', 'scenario_id', 'scenario_version', 'record', 'record_hash', 'status', 'owner_id', 'unit_id'] as const;

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function withOrg<T>(fn: (store: Awaited<ReturnType<typeof openPgliteRunStore>>, uploader: { userId: string; unitId: string }) => Promise<T>): Promise<T> {
  const store = await openPgliteRunStore();
  try {
    await store.migrate();
    await store.accounts.createUnit({ id: ORG_UNIT.id, parentId: null, kind: 'station', name: ORG_UNIT.name });
    const user = await store.accounts.createUser({ username: 'bench.trainee', displayName: 'Bench trainee', role: 'trainee', unitId: ORG_UNIT.id, passwordHash: 'not-a-hash' });
    return await fn(store, { userId: user.id, unitId: user.unitId });
  } finally {
    await store.close();
  }
}

interface IngestRound {
  /** Runs acknowledged per second (stored pending, 202), all uploads at once. */
  accepted: number;
  /** Runs verified per second, from the first upload until the last verdict is stored. */
  verified: number;
}

/** Every record uploaded at once, as a burst of clients would; `wait` as the HTTP route's Prefer header. */
async function throughIngest(catalogue: ScenarioCatalogue, records: readonly RunRecord[], workers: number, wait: boolean): Promise<IngestRound> {
  return withOrg(async (store, uploader) => {
    const ingest = new RunIngest(store, catalogue, { workers });
    try {
      // One warm-up upload so worker start-up and the first scenario transfer are not timed.
      const warm = records[0];
      if (warm) await ingest.submit({ ...warm, id: randomUUID() }, uploader);
      const t0 = performance.now();
      const answers = await Promise.all(records.map((r) => ingest.submit(r, uploader, { wait })));
      const acknowledged = performance.now();
      await ingest.idle();
      const done = performance.now();
      if (answers.some((a) => a.httpStatus !== (wait ? 201 : 202))) throw new Error('an upload was not accepted as new');
      return { accepted: records.length / ((acknowledged - t0) / 1000), verified: records.length / ((done - t0) / 1000) };
    } finally {
      await ingest.close();
    }
  });
}

/** The baseline: the same rows an upload writes, into the same table, with plain multi-row INSERTs. */
async function rawInserts(records: readonly RunRecord[]): Promise<number> {
  const db = await PGlite.create();
  try {
    for (const m of loadMigrations()) await db.exec(m.sql);
    const userId = randomUUID();
    await db.query(`INSERT INTO units (id, parent_id, kind, name, path) VALUES ($1, NULL, $2, $3, $4)`, [ORG_UNIT.id, ORG_UNIT.kind, ORG_UNIT.name, `${ORG_UNIT.id}/`]);
    await db.query(`INSERT INTO users (id, username, display_name, role, unit_id, password_hash) VALUES ($1, 'bench.trainee', 'Bench trainee', 'trainee', $2, 'not-a-hash')`, [userId, ORG_UNIT.id]);
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += INSERT_BATCH) {
      const params: unknown[] = [];
      const tuples = records.slice(i, i + INSERT_BATCH).map((r) => {
        const base = params.length;
        params.push(r.id, r.scenarioId, r.scenarioVersion, JSON.stringify(r), contentHash(r), 'pending', userId, ORG_UNIT.id);
        return `(${PENDING_COLUMNS.map((c, k) => `$${base + k + 1}${c === 'record' ? '::jsonb' : ''}`).join(', ')})`;
      });
      await db.query(`INSERT INTO runs (${PENDING_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
    return records.length / ((performance.now() - t0) / 1000);
  } finally {
    await db.close();
  }
}

export async function ingestFigures(catalogue: ScenarioCatalogue, runs: number): Promise<Figure[]> {
  const kitchen = catalogue.get(KITCHEN);
  if (!kitchen) throw new Error(`${KITCHEN} is missing from scenarios/`);
  const records = Array.from({ length: runs }, (_, i) => toRunRecord(playWithBot(createRun(kitchen, 50_000 + i), i % 2 === 0 ? expertBot : noviceBot), randomUUID()));
  verifyRun(kitchen, records[0] as RunRecord);
  const tv = performance.now();
  for (const r of records) verifyRun(kitchen, r);
  const replaysPerSecond = records.length / ((performance.now() - tv) / 1000);

  const workers = Math.max(1, availableParallelism() - 1);
  const fresh = (): RunRecord[] => records.map((r) => ({ ...r, id: randomUUID() }));
  const async: IngestRound[] = [];
  const waiting: IngestRound[] = [];
  const raw: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    async.push(await throughIngest(catalogue, fresh(), workers, false));
    waiting.push(await throughIngest(catalogue, fresh(), workers, true));
    raw.push(await rawInserts(fresh()));
  }
  const rawMedian = median(raw);
  const bytes = records.reduce((n, r) => n + JSON.stringify(r).length, 0) / records.length;
  const what = `${records.length} kitchen runs uploaded at once (expert and novice bots, mean record ${round(bytes / 1024)} KiB), PGlite in memory, ${workers} verify worker(s) on ${availableParallelism()} cores, median of ${ROUNDS} rounds; baseline: raw multi-row INSERTs of ${INSERT_BATCH} of the same rows`;
  return [
    compared('store.ingest.runsPerSecond', median(async.map((r) => r.accepted)), rawMedian, 'runs/s', `uploads acknowledged (stored pending, Prefer: respond-async) per second; ${what}`),
    compared('store.ingest.verifiedRunsPerSecond', median(async.map((r) => r.verified)), rawMedian, 'runs/s', `the same uploads until every verdict is stored (replay + score in workers + UPDATE); ${what}`),
    compared('store.ingest.waitingRunsPerSecond', median(waiting.map((r) => r.verified)), rawMedian, 'runs/s', `uploads that wait for their verdict (the default), answered per second; ${what}`),
    { name: 'store.ingest.replayScorePerSecond', value: round(replaysPerSecond), unit: 'runs/s', note: 'verifyRun alone on the main thread (engine replay + scoring, no database) on the same records' },
  ];
}
