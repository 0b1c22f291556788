/** xAPI statements in SQL: insert (never update, except marking a statement voided), read by id and
 *  query with the Statement API's filters. Holds SQL only; validation and the spec's rules on what to
 *  answer live in server/xapi/. */
import type { SqlClient } from './SqlClient';

export interface NewStatement {
  id: string;
  /** The statement as it will be returned: stored, authority, version and timestamp already set. */
  statement: Record<string, unknown>;
  submittedHash: string;
  agentKeys: string[];
  verbId: string;
  activityId: string | null;
  registration: string | null;
  voids: string | null;
  runId: string | null;
  stored: string;
}

export interface StatementQuery {
  agentKey?: string;
  verbId?: string;
  activityId?: string;
  registration?: string;
  since?: string;
  until?: string;
  limit: number;
  ascending: boolean;
  /** Continue after this sequence number (the `more` cursor). */
  after?: number;
}

export interface StoredStatement {
  id: string;
  seq: number;
  statement: Record<string, unknown>;
  submittedHash: string;
  voided: boolean;
  voids: string | null;
}

interface Row {
  id: string;
  seq: string | number;
  statement: Record<string, unknown>;
  submitted_hash: string;
  voided: boolean;
  voids: string | null;
}

const toStored = (r: Row): StoredStatement => ({ id: r.id, seq: Number(r.seq), statement: r.statement, submittedHash: r.submitted_hash, voided: r.voided, voids: r.voids });

/** Rows per INSERT: 10 parameters each, well under PostgreSQL's 65,535-parameter limit. */
const INSERT_CHUNK = 500;

export class XapiStore {
  constructor(private readonly db: SqlClient) {}

  async get(id: string, db: SqlClient = this.db): Promise<StoredStatement | null> {
    const rows = await db.query<Row>('SELECT id, seq, statement, submitted_hash, voided, voids FROM xapi_statements WHERE id = $1', [id]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** The stored statements among `ids`, in one query. */
  async getMany(ids: readonly string[], db: SqlClient = this.db): Promise<Map<string, StoredStatement>> {
    if (ids.length === 0) return new Map();
    const rows = await db.query<Row>('SELECT id, seq, statement, submitted_hash, voided, voids FROM xapi_statements WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, toStored(r)]));
  }

  /** Inserts the statements that are new, in multi-row statements of at most INSERT_CHUNK rows; ids
   *  already present are left alone (the caller has checked that they hold the same statement).
   *  Voiding statements then mark their targets voided, in one UPDATE. */
  async insert(statements: readonly NewStatement[], db: SqlClient = this.db): Promise<void> {
    const voiding: string[] = [];
    for (let start = 0; start < statements.length; start += INSERT_CHUNK) {
      const chunk = statements.slice(start, start + INSERT_CHUNK);
      const params: unknown[] = [];
      const values = chunk.map((s) => {
        const at = params.length;
        params.push(s.id, JSON.stringify(s.statement), s.submittedHash, s.agentKeys, s.verbId, s.activityId, s.registration, s.voids, s.runId, s.stored);
        return `($${at + 1}::uuid, $${at + 2}::jsonb, $${at + 3}, $${at + 4}::text[], $${at + 5}, $${at + 6}, $${at + 7}::uuid, $${at + 8}::uuid, $${at + 9}::uuid, $${at + 10}::timestamptz)`;
      });
      const inserted = await db.query<{ voids: string | null }>(
        `INSERT INTO xapi_statements (id, statement, submitted_hash, agent_keys, verb_id, activity_id, registration, voids, run_id, stored)
         VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING voids`,
        params,
      );
      for (const row of inserted) if (row.voids !== null) voiding.push(row.voids);
    }
    if (voiding.length > 0) await db.query('UPDATE xapi_statements SET voided = true WHERE id = ANY($1::uuid[]) AND voids IS NULL', [voiding]);
  }

  /** Runs `fn` in one transaction, so a batch is stored whole or not at all. */
  transaction<T>(fn: (db: SqlClient) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Whether the server has already generated statements for a run. */
  async hasRunStatements(runId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM xapi_statements WHERE run_id = $1 LIMIT 1', [runId])).length > 0;
  }

  /** Non-voided statements matching every given filter, by storage order; one more than `limit` so the
   *  caller knows whether there are more. */
  async query(q: StatementQuery): Promise<StoredStatement[]> {
    const params: unknown[] = [];
    const p = (v: unknown): string => `$${params.push(v)}`;
    const where = ['NOT voided'];
    if (q.agentKey !== undefined) where.push(`agent_keys @> ARRAY[${p(q.agentKey)}]::text[]`);
    if (q.verbId !== undefined) where.push(`verb_id = ${p(q.verbId)}`);
    if (q.activityId !== undefined) where.push(`activity_id = ${p(q.activityId)}`);
    if (q.registration !== undefined) where.push(`registration = ${p(q.registration)}`);
    if (q.since !== undefined) where.push(`stored > ${p(q.since)}::timestamptz`);
    if (q.until !== undefined) where.push(`stored <= ${p(q.until)}::timestamptz`);
    if (q.after !== undefined) where.push(`seq ${q.ascending ? '>' : '<'} ${p(q.after)}`);
    const rows = await this.db.query<Row>(
      `SELECT id, seq, statement, submitted_hash, voided, voids FROM xapi_statements WHERE ${where.join(' AND ')}
       ORDER BY seq ${q.ascending ? 'ASC' : 'DESC'} LIMIT ${p(q.limit + 1)}`,
      params,
    );
    return rows.map(toStored);
  }

  /** Generated statements an external LRS has not acknowledged yet, oldest first. */
  async unforwarded(limit: number): Promise<{ id: string; statement: Record<string, unknown> }[]> {
    return this.db.query(
      'SELECT id, statement FROM xapi_statements WHERE forwarded_at IS NULL AND forward_error IS NULL AND run_id IS NOT NULL ORDER BY seq LIMIT $1',
      [limit],
    );
  }

  async markForwarded(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.db.query('UPDATE xapi_statements SET forwarded_at = now() WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** The external LRS refused this statement for good (a conflict, say): kept with the reason, not resent. */
  async markForwardRefused(id: string, reason: string): Promise<void> {
    await this.db.query('UPDATE xapi_statements SET forward_error = $2 WHERE id = $1', [id, reason]);
  }

  /** Where forwarding stands, for tests and operators. */
  async forwardState(id: string): Promise<{ forwardedAt: string | null; forwardError: string | null } | null> {
    const rows = await this.db.query<{ forwarded_at: Date | string | null; forward_error: string | null }>('SELECT forwarded_at, forward_error FROM xapi_statements WHERE id = $1', [id]);
    const row = rows[0];
    return row ? { forwardedAt: row.forwarded_at === null ? null : new Date(row.forwarded_at).toISOString(), forwardError: row.forward_error } : null;
  }
}
