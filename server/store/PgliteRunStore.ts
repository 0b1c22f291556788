/** The embedded results store: PostgreSQL compiled to WebAssembly (PGlite), in a data directory or in
 *  memory, so `npm start` needs no database server. Only adapts PGlite to SqlClient. */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { SqlStore } from './SqlStore';
import type { SqlClient } from './SqlClient';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function adapt(db: Queryable, root: PGlite | null): SqlClient {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, params.slice());
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      // PGlite has one connection; nested transactions are not needed by the store.
      if (!root) throw new Error('nested transactions are not supported');
      return root.transaction((tx) => fn(adapt(tx, null)));
    },
    async close() {
      if (root) await root.close();
    },
  };
}

/** `dataDir` undefined keeps the database in memory (tests). */
export async function openPgliteRunStore(dataDir?: string): Promise<SqlStore> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return new SqlStore(adapt(db, db));
}
