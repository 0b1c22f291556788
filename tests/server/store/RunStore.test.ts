/** One RunStore suite, run on the embedded PGlite and on a real PostgreSQL server
 *  (postgres://postgres@127.0.0.1:5432/test, in a fresh schema dropped afterwards). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot } from '../../../engine/index';
import { verifyRun } from '../../../server/runs/verifyRun';
import { loadMigrations } from '../../../server/store/migrations';
import type { NewRun, RunStore } from '../../../server/store/RunStore';
import type { SqlClient } from '../../../server/store/SqlClient';
import { kitchenScenario, playRecord } from '../fixtures';
import { BACKENDS } from '../storeBackends';

/** The store keeps its client to itself; the schema snapshot below needs it raw. */
const sqlOf = (store: RunStore): SqlClient => (store as unknown as { db: SqlClient }).db;

/** Everything a migration could change, read from the catalogue in plain SQL: columns, indexes,
 *  constraints, triggers, the applied-migrations log, and each table's row count and content digest. */
async function snapshot(store: RunStore) {
  const db = sqlOf(store);
  const columns = await db.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, column_name`,
  );
  const indexes = await db.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname`);
  const constraints = await db.query(
    `SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
     WHERE table_schema = current_schema() ORDER BY table_name, constraint_name`,
  );
  const triggers = await db.query(
    `SELECT event_object_table, trigger_name, event_manipulation, action_statement FROM information_schema.triggers
     WHERE trigger_schema = current_schema() ORDER BY event_object_table, trigger_name, event_manipulation`,
  );
  const migrations = await db.query<{ version: number; name: string; applied_at: unknown }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
  const names = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const tables = [];
  for (const { table_name: table } of names) {
    const [row] = await db.query<{ rows: string | number; digest: string | null }>(`SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`);
    tables.push({ table, rows: Number(row?.rows), digest: row?.digest ?? null });
  }
  return { columns, indexes, constraints, triggers, migrations, tables };
}

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

  it('applies migrations idempotently: running them again leaves the schema and every row as they were', async () => {
    const { run: stored } = await store.insertRun(verified());
    const before = await snapshot(store);
    expect(before.migrations.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(before.tables).toContainEqual(expect.objectContaining({ table: 'runs', rows: 1 }));
    await store.migrate();
    await store.migrate();
    expect(await snapshot(store)).toEqual(before);
    expect(await store.getRun(stored.id)).toEqual(stored);
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
