/** Durability: the real server process is killed with SIGKILL just after a reviewer asks it to publish
 *  a new version, on PGlite and on PostgreSQL. Each time the library must read either as published
 *  (the version, the scenario's pointer and scope, the old version superseded, the logged step) or as
 *  not published at all; never half. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, type Scenario } from '../../../engine/index';
import { hashPassword } from '../../../server/auth/passwordHash';
import type { GhostSummary } from '../../../server/store/ScenarioStore';
import { openPgliteRunStore } from '../../../server/store/PgliteRunStore';
import { openPgRunStore } from '../../../server/store/PgRunStore';
import type { SqlStore } from '../../../server/store/SqlStore';
import { kitchenScenario } from '../fixtures';
import { PG_URL } from '../storeBackends';
import { killHard, startServerProcess } from './serverProcess';

/** Kills per backend; each costs a database open and a server start (10 to 30 s on 2 busy cores), so
 *  the default is small; DURABILITY_PUBLISH_KILLS=50 for a long run. */
const KILLS = Number(process.env.DURABILITY_PUBLISH_KILLS ?? 4);
/** A kill lands uniformly within this long after the publish request leaves; a publish takes a few ms. */
const MAX_KILL_MS = 60;
const PASSWORD = 'correct horse battery';
const GHOST: GhostSummary = {
  expert: { passed: true, percent: 100, stars: 3, endReason: 'complete', endTick: 900 },
  novice: { passed: false, percent: 10, stars: 0, endReason: 'timeUp', endTick: 3000 },
};

interface Backend {
  env(): Promise<Record<string, string>>;
  open(): Promise<SqlStore>;
  cleanup(): Promise<void>;
}

function pglite(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'fireground-publish-'));
  return {
    env: () => Promise.resolve({ DATA_DIR: dir }),
    open: () => openPgliteRunStore(join(dir, 'pglite')),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgres(): Backend {
  const schema = `fireground_publish_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  let ready: Promise<void> | null = null;
  const prepare = (): Promise<void> =>
    (ready ??= (async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
    })());
  return {
    async env() {
      await prepare();
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return { DATABASE_URL: url.toString() };
    },
    async open() {
      await prepare();
      return openPgRunStore({ connectionString: PG_URL, schema, maxConnections: 2 });
    },
    async cleanup() {
      if (!ready) return;
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const version = (k: number): { scenario: Scenario; hash: string } => {
  const scenario: Scenario = { ...kitchenScenario(), id: 'ban-cong', title: { vi: `Ban công ${k}`, en: `Balcony ${k}` } };
  return { scenario, hash: contentHash(scenario) };
};

/** Reads the library as one snapshot and says which version is published, or throws if it is half. */
async function publishedVersion(store: SqlStore): Promise<number | null> {
  const item = await store.scenarios.get('ban-cong');
  const versions = await store.scenarios.versions('ban-cong');
  const log = await store.scenarios.transitions('ban-cong');
  const published = versions.filter((v) => v.status === 'published').map((v) => v.version);
  expect(published.length, JSON.stringify(versions)).toBeLessThanOrEqual(1);
  const current = published[0] ?? null;
  expect(item?.publishedVersion ?? null).toBe(current);
  expect(item?.scopeUnitId ?? null).toBe(current === null ? null : 'prov');
  // Every version published before the current one is superseded, and each publication was logged once.
  for (const v of versions) if (current !== null && v.version < current && log.some((t) => t.action === 'publish' && t.version === v.version)) expect(v.status).toBe('superseded');
  expect(log.filter((t) => t.action === 'publish').map((t) => t.version)).toEqual(versions.filter((v) => v.status === 'published' || v.status === 'superseded').map((v) => v.version));
  return current;
}

async function killLoop(backend: Backend): Promise<{ published: number; not: number }> {
  const outcome = { published: 0, not: 0 };
  const store0 = await backend.open();
  await store0.migrate();
  const a = store0.accounts;
  await a.createUnit({ id: 'dept', parentId: null, kind: 'department', name: 'Cục' });
  await a.createUnit({ id: 'prov', parentId: 'dept', kind: 'provincial', name: 'Hà Nội' });
  await a.createUnit({ id: 'station', parentId: 'prov', kind: 'station', name: 'Đội' });
  const passwordHash = await hashPassword(PASSWORD);
  const author = await a.createUser({ username: 'author', displayName: 'Tác giả', role: 'instructor', unitId: 'station', passwordHash });
  await a.createUser({ username: 'reviewer', displayName: 'Quản lý', role: 'manager', unitId: 'prov', passwordHash });
  await store0.close();
  const env = await backend.env();

  for (let k = 1; k <= KILLS; k++) {
    // The next version awaits review, written while no server holds the database.
    const store = await backend.open();
    const v = version(k);
    await store.scenarios.saveDraft({ id: 'ban-cong', ownerId: author.id, unitId: 'station', content: v.scenario, hash: v.hash });
    // A version the last kill left unpublished is returned first, so only one awaits review.
    for (const old of await store.scenarios.versions('ban-cong')) {
      if (old.status === 'submitted') await store.scenarios.transition({ id: 'ban-cong', version: old.version, action: 'return', from: ['submitted'], to: 'returned', actorId: author.id, comment: 'kill left it' });
    }
    const submitted = await store.scenarios.submit({ id: 'ban-cong', actorId: author.id, content: v.scenario, hash: v.hash, draftHash: v.hash, ghost: GHOST, comment: null });
    await store.close();

    const server = startServerProcess(env);
    const url = await server.ready;
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reviewer', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(login.status).toBe(200);
    const publish = fetch(`${url}/api/library/ban-cong/versions/${submitted.version}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ scopeUnitId: 'prov', comment: `kill ${k}` }),
    }).then(
      (res) => res.status,
      () => 'lost' as const,
    );
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * MAX_KILL_MS)));
    await killHard(server);
    const answered = await publish;

    const after = await backend.open();
    const current = await publishedVersion(after);
    await after.close();
    // An acknowledged publish is never lost.
    if (answered === 200) expect(current).toBe(submitted.version);
    if (current === submitted.version) outcome.published++;
    else outcome.not++;
  }
  return outcome;
}

describe.each([
  ['PGlite', pglite],
  ['PostgreSQL', postgres],
] as const)('killing the server during a publish on %s', (_name, make) => {
  const backend = make();
  afterAll(() => backend.cleanup());

  it(`leaves the scenario published or not, never half, over ${KILLS} kills`, async () => {
    const outcome = await killLoop(backend);
    expect(outcome.published + outcome.not).toBe(KILLS);
  }, 600_000);
});
