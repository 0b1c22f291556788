/** RunStore in plain PostgreSQL over any SqlClient: the one place the runs SQL lives, shared by the
 *  PGlite and `pg` backends. Stores what it is given; deciding scores is the caller's job. */
import type { RunRecord, ScoreResult } from '../../engine/index';
import type { DrillResult } from '../drills/DrillRecord';
import { ALL_RUNS, type RunScope } from '../access/RunScope';
import { migrate } from './migrations';
import { scopeCondition } from './scopeSql';
import type { BestResult, InsertOutcome, NewRun, PendingRun, RunStatus, RunStore, RunSummary, StoredRun, Verdict } from './RunStore';
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

  async insertPendingRuns(runs: readonly PendingRun[]): Promise<InsertOutcome[]> {
    // Two uploads of one id in the same batch: the first goes in, the rest answer as repeats.
    const isFirst = (r: PendingRun, i: number): boolean => runs.findIndex((o) => o.id === r.id) === i;
    const firsts = runs.filter(isFirst);
    const params: unknown[] = [];
    const tuples = firsts.map((r) => {
      const at = params.length;
      params.push(r.id, r.scenarioId, r.scenarioVersion, r.recordJson ?? JSON.stringify(r.record), r.recordHash, r.ownerId ?? null, r.unitId ?? null, r.receivedAt ?? null);
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}, 'pending', $${at + 6}, $${at + 7}, COALESCE($${at + 8}::timestamptz, now()))`;
    });
    // The record is not read back: the caller has it, and it is the bulk of the row.
    const inserted = firsts.length === 0 ? [] : await this.db.query<{ id: string; received_at: Date | string }>(
      `INSERT INTO runs (id, scenario_id, scenario_version, record, record_hash, status, owner_id, unit_id, received_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (id) DO NOTHING
       RETURNING id, received_at`,
      params,
    );
    const receivedAt = new Map(inserted.map((row) => [row.id, new Date(row.received_at).toISOString()]));
    return Promise.all(
      runs.map(async (r, i): Promise<InsertOutcome> => {
        const at = receivedAt.get(r.id);
        if (at !== undefined && isFirst(r, i)) {
          const { recordJson: _, ...row } = r;
          const run: StoredRun = { ...row, ownerId: r.ownerId ?? null, unitId: r.unitId ?? null, receivedAt: at, status: 'pending', error: null, percent: null, passed: null, stars: null, result: null, hashMatches: null, drill: null };
          return { inserted: true, run };
        }
        const existing = await this.getRun(r.id);
        if (!existing) throw new Error(`run ${r.id} neither inserted nor found`);
        return { inserted: false, run: existing };
      }),
    );
  }

  async completeRun(id: string, record: RunRecord, verdict: Verdict): Promise<{ applied: boolean; run: StoredRun | null }> {
    const [outcome] = await this.completeRuns([{ id, record, verdict }]);
    if (!outcome) throw new Error(`no outcome for run ${id}`);
    return outcome;
  }

  async completeRuns(items: readonly { id: string; record: RunRecord; verdict: Verdict }[]): Promise<{ applied: boolean; run: StoredRun | null }[]> {
    // One statement for the batch: the dashboard's rollup triggers then run once, not once per run.
    const params: unknown[] = [];
    const tuples = items.map(({ id, verdict: v }) => {
      const at = params.length;
      params.push(id, v.status, v.error, v.percent, v.passed, v.stars, v.result === null ? null : JSON.stringify(v.result), v.hashMatches);
      return `($${at + 1}::uuid, $${at + 2}::text, $${at + 3}::text, $${at + 4}::real, $${at + 5}::boolean, $${at + 6}::integer, $${at + 7}::jsonb, $${at + 8}::boolean)`;
    });
    // The record is the bulk of the row and the caller holds it: it is not read back.
    const rows = items.length === 0 ? [] : await this.db.query<Omit<RunRow, 'record' | 'result'>>(
      `UPDATE runs r SET status = v.status, error = v.error, percent = v.percent, passed = v.passed, stars = v.stars, result = v.result, hash_matches = v.hash_matches
       FROM (VALUES ${tuples.join(', ')}) AS v (id, status, error, percent, passed, stars, result, hash_matches)
       WHERE r.id = v.id AND r.status = 'pending'
       RETURNING ${SUMMARY_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}, r.drill`,
      params,
    );
    const updated = new Map(rows.map((row) => [row.id, row]));
    return Promise.all(
      items.map(async ({ id, record, verdict }) => {
        const row = updated.get(id);
        // A second item for the same id in one batch finds the row already decided, like a later call would.
        if (row) {
          updated.delete(id);
          return { applied: true, run: { ...toSummary(row), record, result: verdict.result, drill: row.drill } };
        }
        return { applied: false, run: await this.getRun(id) };
      }),
    );
  }

  async pendingRuns(before: string, limit: number): Promise<StoredRun[]> {
    const rows = await this.db.query<RunRow>(`SELECT * FROM runs WHERE status = 'pending' AND received_at < $1 ORDER BY received_at LIMIT $2`, [before, limit]);
    return rows.map(toStored);
  }

  async bestByScenario(ownerId: string): Promise<BestResult[]> {
    const rows = await this.db.query<{ scenario_id: string; stars: number; percent: number; passed: boolean }>(
      `SELECT DISTINCT ON (scenario_id) scenario_id, stars, percent, passed FROM runs
       WHERE owner_id = $1 AND status = 'verified'
       ORDER BY scenario_id, stars DESC, percent DESC`,
      [ownerId],
    );
    return rows.map((r) => ({ scenarioId: r.scenario_id, stars: r.stars, percent: percentOf(r.percent) ?? 0, passed: r.passed }));
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
