/** The two databases store tests run on: the embedded PGlite in a temporary folder, and a real
 *  PostgreSQL server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) in a fresh
 *  schema that cleanup drops. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteRunStore } from '../../server/store/PgliteRunStore';
import { openPgRunStore } from '../../server/store/PgRunStore';
import type { SqlStore } from '../../server/store/SqlStore';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Backend {
  name: string;
  open(): Promise<SqlStore>;
  /** Opens a second store on the same database, as a second server process would. */
  reopen(): Promise<SqlStore>;
  cleanup(): Promise<void>;
}

export function pgliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'fireground-store-'));
  return {
    name: 'PGlite',
    open: () => openPgliteRunStore(join(dir, 'pglite')),
    reopen: () => openPgliteRunStore(join(dir, 'pglite')),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export function postgresBackend(): Backend {
  const schema = `fireground_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  let connected = false;
  return {
    name: 'PostgreSQL',
    async open() {
      try {
        await admin.connect();
        connected = true;
      } catch (error) {
        throw new Error(`PostgreSQL is required for this test and is unreachable at ${PG_URL} (${String(error)}). Start it (see .ci/) or set TEST_DATABASE_URL.`, { cause: error });
      }
      await admin.query(`CREATE SCHEMA ${schema}`);
      return openPgRunStore({ connectionString: PG_URL, schema, maxConnections: 4 });
    },
    reopen: () => Promise.resolve(openPgRunStore({ connectionString: PG_URL, schema, maxConnections: 2 })),
    async cleanup() {
      if (!connected) return;
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

export const BACKENDS = [
  ['PGlite', pgliteBackend],
  ['PostgreSQL', postgresBackend],
] as const;
