/** Durability: the real server process is killed with SIGKILL at random moments while an outbox of
 *  runs uploads with many requests in flight, on PGlite and on PostgreSQL. No acknowledged run may be
 *  lost or stored twice, and sending the whole outbox three more times must add nothing. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, expertBot, noviceBot, type RunRecord } from '../../../engine/index';
import { openPgliteRunStore } from '../../../server/store/PgliteRunStore';
import { openPgRunStore } from '../../../server/store/PgRunStore';
import type { RunStore } from '../../../server/store/RunStore';
import { playRecord } from '../fixtures';
import { killHard, startServerProcess, stopGently, type ServerProcess } from './serverProcess';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Kills per backend; two backends make the 100. Each kill costs a server start (about 2.5 s
 *  with PGlite, less with PostgreSQL, whose next process starts while the current one serves), so the
 *  default run takes 4 to 7 minutes on 2 busy cores; DURABILITY_KILLS=10 gives a quick local check. */
const KILLS = Number(process.env.DURABILITY_KILLS ?? 50);
const OUTBOX_SIZE = 150;
const IN_FLIGHT = 12;
/** A kill lands uniformly within this long after uploads start; a replay takes 30 to 70 ms. */
const MAX_KILL_MS = 900;
const SEED = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 0xffff_ffff));

/** mulberry32: the kill moments come from a seed printed with every failure, so a failing run repeats. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

interface Backend {
  env(): Promise<Record<string, string>>;
  /** PostgreSQL lets the next process start while the current one serves; PGlite is one process. */
  overlap: boolean;
  /** Opens the database directly once no server holds it. */
  open(): Promise<RunStore>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'fireground-kill-'));
  return {
    env: () => Promise.resolve({ DATA_DIR: dir }),
    overlap: false,
    open: () => openPgliteRunStore(join(dir, 'pglite')),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgresBackend(): Backend {
  const schema = `fireground_kill_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  let connected = false;
  let env: Promise<Record<string, string>> | null = null;
  const prepare = async (): Promise<Record<string, string>> => {
    try {
      await admin.connect();
      connected = true;
    } catch (error) {
      throw new Error(`PostgreSQL is required for this test and is unreachable at ${PG_URL} (${String(error)}). Start it (see .ci/) or set TEST_DATABASE_URL.`, { cause: error });
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    // libpq's `options` puts every connection of the server's pool in the fresh schema.
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return { DATABASE_URL: url.toString() };
  };
  return {
    env: () => (env ??= prepare()),
    overlap: true,
    open: () => Promise.resolve(openPgRunStore({ connectionString: PG_URL, schema, maxConnections: 2 })),
    async cleanup() {
      if (!connected) return;
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Distinct runs as an offline outbox holds them: two bot plays under many fresh UUIDs. */
function makeOutbox(): RunRecord[] {
  const plays = [playRecord(expertBot).record, playRecord(noviceBot).record];
  return Array.from({ length: OUTBOX_SIZE }, (_, i) => ({ ...(plays[i % plays.length] as RunRecord), id: randomUUID() }));
}

type Sent = 'acked' | 'connectionLost';

/** One upload. 200/201 with the run's id is an acknowledgement; a dropped connection is expected when
 *  the server dies; any other answer is a failure of the server, not of the test. */
async function send(url: string, record: RunRecord): Promise<Sent> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    text = await res.text();
  } catch (error) {
    // undici reports refused, reset and cut-off responses as TypeError ("fetch failed", "terminated").
    if (error instanceof TypeError) return 'connectionLost';
    throw error;
  }
  if (res.status !== 200 && res.status !== 201) throw new Error(`upload of ${record.id} answered ${res.status}: ${text}`);
  const receipt = JSON.parse(text) as { id?: string; status?: string };
  if (receipt.id !== record.id || receipt.status !== 'verified') throw new Error(`upload of ${record.id} answered a wrong receipt: ${text}`);
  return 'acked';
}

interface Listed {
  id: string;
  receivedAt: string;
  status: string;
}

async function listAll(url: string): Promise<Listed[]> {
  const res = await fetch(`${url}/api/runs?limit=500`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Listed[]).map(({ id, receivedAt, status }) => ({ id, receivedAt, status }));
}

async function killLoop(backend: Backend): Promise<{ outbox: RunRecord[]; acked: Set<string>; kills: number }> {
  const random = prng(SEED);
  const env = await backend.env();
  const outbox = makeOutbox();
  const acked = new Set<string>();
  let next: ServerProcess | null = startServerProcess(env);
  for (let kills = 0; kills < KILLS; kills++) {
    const server: ServerProcess = next ?? startServerProcess(env);
    next = null;
    const url = await server.ready;
    if (backend.overlap) next = startServerProcess(env);
    // Unacknowledged runs first, as an outbox resends; then acknowledged ones again, so kills also
    // land on repeats of stored runs.
    const queue = [...outbox.filter((r) => !acked.has(r.id)), ...outbox.filter((r) => acked.has(r.id))];
    let dead = false;
    const workers = Array.from({ length: IN_FLIGHT }, async () => {
      for (let record = queue.shift(); record && !dead; record = queue.shift()) {
        if ((await send(url, record)) === 'acked') acked.add(record.id);
        else return;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, random() * MAX_KILL_MS));
    await killHard(server);
    dead = true;
    await Promise.all(workers);
  }
  next?.child.kill('SIGKILL');
  await next?.exited;
  return { outbox, acked, kills: KILLS };
}

describe.each([
  ['PGlite', pgliteBackend],
  ['PostgreSQL', postgresBackend],
] as const)('SIGKILL during uploads on %s', (name, make) => {
  const backend = make();
  afterAll(() => backend.cleanup());

  it(`loses no acknowledged run and stores none twice over ${KILLS} kills`, async () => {
    const t0 = performance.now();
    const { outbox, acked, kills } = await killLoop(backend);
    console.log(`${name}: ${kills} kills, ${acked.size} acknowledged, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const why = `${name}, DURABILITY_SEED=${SEED}`;
    expect(kills, why).toBeGreaterThanOrEqual(KILLS);
    expect(acked.size, `${why}: the kills left no acknowledged uploads to check`).toBeGreaterThan(0);

    const server = startServerProcess(await backend.env());
    try {
      const url = await server.ready;
      // Runs stored but not yet verified when a kill came are finished by the restarted server.
      await expect.poll(async () => (await listAll(url)).filter((r) => r.status === 'pending').length, { timeout: 120_000, message: `${why}: pending runs were not verified after the restart` }).toBe(0);
      const stored = await listAll(url);
      const storedIds = new Set(stored.map((r) => r.id));
      expect(storedIds.size, `${why}: a run is listed twice`).toBe(stored.length);
      const lost = [...acked].filter((id) => !storedIds.has(id));
      expect(lost, `${why}: acknowledged runs are missing after the kills`).toEqual([]);
      expect(stored.every((r) => outbox.some((o) => o.id === r.id) && r.status === 'verified'), why).toBe(true);

      // The outbox delivers what is left, then three more full sends must change nothing.
      const left = outbox.filter((r) => !storedIds.has(r.id));
      const workers = Array.from({ length: IN_FLIGHT }, async () => {
        for (let record = left.shift(); record; record = left.shift()) expect(await send(url, record), why).toBe('acked');
      });
      await Promise.all(workers);
      const before = await listAll(url);
      expect(before, why).toHaveLength(outbox.length);
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(
          outbox.map(async (record) => {
            const res = await fetch(`${url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
            return res.status;
          }),
        );
        expect(new Set(answers), `${why}: a repeat upload was not answered as already stored`).toEqual(new Set([200]));
      }
      expect(await listAll(url), why).toEqual(before);
    } finally {
      await stopGently(server);
    }

    // Finally the rows themselves, read without the server: one per outbox run, each with its own record.
    const store = await backend.open();
    try {
      const rows = await store.listRuns(10 * OUTBOX_SIZE);
      expect(rows, why).toHaveLength(outbox.length);
      const hashes = new Map(rows.map((r) => [r.id, r.recordHash]));
      for (const record of outbox) expect(hashes.get(record.id), why).toBe(contentHash(record));
    } finally {
      await store.close();
    }
  }, 600_000);
});
