/** The production results store: a PostgreSQL server through a `pg` connection pool. Only adapts
 *  `pg` to SqlClient; the SQL is shared with the embedded store. */
import pg from 'pg';
import { SqlStore } from './SqlStore';
import type { SqlClient } from './SqlClient';

export interface PgStoreOptions {
  connectionString: string;
  /** A schema to work in instead of `public` (tests use a fresh one per run). It must exist. */
  schema?: string;
  maxConnections?: number;
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function adapt(db: Queryable, pool: pg.Pool | null): SqlClient {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query(sql, params.slice());
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await db.query(sql);
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (!pool) throw new Error('nested transactions are not supported');
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(adapt(client, null));
        await client.query('COMMIT');
        return out;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (pool) await pool.end();
    },
  };
}

export function openPgRunStore(options: PgStoreOptions): SqlStore {
  const { connectionString, schema, maxConnections = 10 } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    // search_path per connection, so every statement (migrations included) lands in the schema.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that breaks is dropped by the pool and the next query reconnects; without a
  // listener the 'error' event would crash the process instead.
  pool.on('error', () => undefined);
  return new SqlStore(adapt(pool, pool));
}
