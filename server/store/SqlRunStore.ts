/** RunStore in plain PostgreSQL over any SqlClient: the one place the runs SQL lives, shared by the
 *  PGlite and `pg` backends. Stores what it is given; deciding scores is the caller's job. */
import type { RunRecord, ScoreResult } from '../../engine/index';
import type { DrillResult } from '../drills/DrillRecord';
import { ALL_RUNS, type RunScope } from '../access/RunScope';
import { migrate } from './migrations';
import { scopeCondition } from './scopeSql';
import type { InsertOutcome, NewRun, RunStatus, RunStore, RunSummary, StoredRun } from './RunStore';
import type { SqlClient } from './SqlClient';

interface RunRow {
  id: string;
  scenario_id: string;
  scenario_version: number;
  record: RunRecord;
  record_hash: string;
  status: RunStatus;
  error: string | null;
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  result: ScoreResult | null;
  hash_matches: boolean | null;
  owner_id: string | null;
  unit_id: string | null;
  drill: DrillResult | null;
  received_at: Date | string;
}

const SUMMARY_COLUMNS = 'id, scenario_id, scenario_version, record_hash, status, error, percent, passed, stars, hash_matches, owner_id, unit_id, received_at';

/** `real` is single precision: round back to the one decimal scores carry. */
function percentOf(value: number | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}

function toSummary(row: Omit<RunRow, 'record' | 'result' | 'drill'>): RunSummary {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    recordHash: row.record_hash,
    status: row.status,
    error: row.error,
    percent: percentOf(row.percent),
    passed: row.passed,
    stars: row.stars,
    hashMatches: row.hash_matches,
    ownerId: row.owner_id,
    unitId: row.unit_id,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

function toStored(row: RunRow): StoredRun {
  return { ...toSummary(row), record: row.record, result: row.result, drill: row.drill };
}

export class SqlRunStore implements RunStore {
  constructor(protected readonly db: SqlClient) {}

  migrate(): Promise<void> {
    return migrate(this.db);
  }

  async getRun(id: string, scope: RunScope = ALL_RUNS): Promise<StoredRun | null> {
    const params: unknown[] = [id];
    const rows = await this.db.query<RunRow>(`SELECT * FROM runs r WHERE r.id = $1 AND ${scopeCondition(scope, 'r', params)}`, params);
    const row = rows[0];
    return row ? toStored(row) : null;
  }

  async insertRun(run: NewRun): Promise<InsertOutcome> {
    const inserted = await this.db.query<RunRow>(
      `INSERT INTO runs (id, scenario_id, scenario_version, record, record_hash, status, error, percent, passed, stars, result, hash_matches, owner_id, unit_id, received_at, drill)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, COALESCE($15::timestamptz, now()), $16::jsonb)
       ON CONFLICT (id) DO NOTHING
       RETURNING *`,
      [
        run.id,
        run.scenarioId,
        run.scenarioVersion,
        JSON.stringify(run.record),
        run.recordHash,
        run.status,
        run.error,
        run.percent,
        run.passed,
        run.stars,
        run.result === null ? null : JSON.stringify(run.result),
        run.hashMatches,
        run.ownerId ?? null,
        run.unitId ?? null,
        run.receivedAt ?? null,
        run.drill ? JSON.stringify(run.drill) : null,
      ],
    );
    const row = inserted[0];
    if (row) return { inserted: true, run: toStored(row) };
    // Lost a race with (or repeated) an upload of the same id: report the row that is there.
    const existing = await this.getRun(run.id);
    if (!existing) throw new Error(`run ${run.id} neither inserted nor found`);
    return { inserted: false, run: existing };
  }

  async listRuns(limit: number, scope: RunScope = ALL_RUNS): Promise<RunSummary[]> {
    const params: unknown[] = [limit];
    const rows = await this.db.query<Omit<RunRow, 'record' | 'result' | 'drill'>>(
      `SELECT ${SUMMARY_COLUMNS} FROM runs r WHERE ${scopeCondition(scope, 'r', params)} ORDER BY received_at DESC, id DESC LIMIT $1`,
      params,
    );
    return rows.map(toSummary);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
