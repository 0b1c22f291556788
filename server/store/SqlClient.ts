/** The little a store needs from a PostgreSQL connection, so PGlite and `pg` can share one SQL
 *  implementation. Adapters only translate calls; they hold no SQL of their own. */

export interface SqlClient {
  /** One parameterised statement; rows come back with JSON, booleans and numbers already decoded. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
