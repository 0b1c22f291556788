/** The dashboard's read queries over stored runs and their per-criterion results: competencies by
 *  unit, trends by month, most failed criteria, trainees of a unit. Reads the monthly and daily
 *  rollups of migration 0006 where they answer exactly; applies the RunScope it is given, never decides one. */
import type { RunScope } from '../access/RunScope';
import { scopeCondition } from './scopeSql';
import type { SqlClient } from './SqlClient';

export interface DashboardFilter {
  /** ISO 8601 bounds on when runs arrived: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Only runs trained in this unit's subtree (its path). */
  unitPath?: string;
  scenarioId?: string;
}

export interface CompetencyCell {
  unitId: string;
  competency: string;
  passed: number;
  total: number;
}
export interface MonthTrend {
  month: string;
  runs: number;
  passed: number;
  averagePercent: number;
}
export interface FailedCriterion {
  scenarioId: string;
  criterionId: string;
  failed: number;
  total: number;
}
export interface TraineeSummary {
  userId: string;
  displayName: string;
  unitId: string;
  runs: number;
  passed: number;
  averagePercent: number | null;
  lastRunAt: string | null;
}

const num = (v: number | string | null): number => Number(v ?? 0);

/** The WHERE clause shared by every dashboard query: verified runs in scope and filter. */
function runsWhere(scope: RunScope, filter: DashboardFilter, params: unknown[]): string {
  const where = [`r.status = 'verified'`, scopeCondition(scope, 'r', params)];
  if (filter.from !== undefined) where.push(`r.received_at >= $${params.push(filter.from)}`);
  if (filter.to !== undefined) where.push(`r.received_at < $${params.push(filter.to)}`);
  if (filter.scenarioId !== undefined) where.push(`r.scenario_id = $${params.push(filter.scenarioId)}`);
  if (filter.unitPath !== undefined) where.push(`r.unit_id IN (SELECT id FROM units WHERE path LIKE $${params.push(`${filter.unitPath}%`)})`);
  return where.join(' AND ');
}

/** Start of the UTC month or day holding `at`, and of the first one starting at or after it. */
const floorOf = (unit: 'month' | 'day', at: string): string => `(date_trunc('${unit}', ${at} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;
const ceilOf = (unit: 'month' | 'day', at: string): string => `((date_trunc('${unit}', (${at} AT TIME ZONE 'UTC') - interval '1 microsecond') + interval '1 ${unit}') AT TIME ZONE 'UTC')`;

/** Where each part of a report reads from: the monthly rollups for the whole UTC months inside the
 *  period, the daily ones for the whole days outside those, raw runs (alias r) for the partial days
 *  at the ends. Rollup conditions use alias m over `period`. A scope by person has no rollup (they
 *  are kept by unit) and reads raw runs only; one person's runs are few. */
interface Sources {
  rollups: { grain: 'monthly' | 'daily'; where: string }[];
  raw: string[];
}

function sources(scope: RunScope, filter: DashboardFilter, params: unknown[]): Sources {
  if (scope.kind === 'owner' || scope.kind === 'unowned') return { rollups: [], raw: [runsWhere(scope, filter, params)] };
  // The bounds are compared in SQL, so PostgreSQL parses them exactly as the raw condition does.
  const from = filter.from === undefined ? null : `$${params.push(filter.from)}::timestamptz`;
  const to = filter.to === undefined ? null : `$${params.push(filter.to)}::timestamptz`;
  const base = (): string[] => {
    const where = [scopeCondition(scope, 'm', params)];
    if (filter.scenarioId !== undefined) where.push(`m.scenario_id = $${params.push(filter.scenarioId)}`);
    if (filter.unitPath !== undefined) where.push(`m.unit_id IN (SELECT id FROM units WHERE path LIKE $${params.push(`${filter.unitPath}%`)})`);
    return where;
  };
  const monthly = base();
  if (from !== null) monthly.push(`m.period >= ${ceilOf('month', from)}`);
  if (to !== null) monthly.push(`m.period < ${floorOf('month', to)}`);
  if (from === null && to === null) return { rollups: [{ grain: 'monthly', where: monthly.join(' AND ') }], raw: [] };
  // Whole days of the period that no whole month covers (all of them when there is no whole month).
  const daily = base();
  const outsideMonths: string[] = [];
  if (from !== null) {
    daily.push(`m.period >= ${ceilOf('day', from)}`);
    outsideMonths.push(`m.period < ${ceilOf('month', from)}`);
  }
  if (to !== null) {
    daily.push(`m.period < ${floorOf('day', to)}`);
    outsideMonths.push(`m.period >= ${floorOf('month', to)}`);
  }
  daily.push(`(${outsideMonths.join(' OR ')})`);
  // The head runs up to the first whole day, the tail from the last; with no whole day between them
  // the head covers the whole period and the tail is empty, so no run is counted twice.
  const raw: string[] = [];
  if (from !== null) raw.push(`${runsWhere(scope, filter, params)} AND r.received_at < ${ceilOf('day', from)}`);
  if (to !== null) raw.push(`${runsWhere(scope, filter, params)} AND r.received_at >= ${floorOf('day', to)}${from === null ? '' : ` AND r.received_at >= ${ceilOf('day', from)}`}`);
  return {
    rollups: [
      { grain: 'monthly', where: monthly.join(' AND ') },
      { grain: 'daily', where: daily.join(' AND ') },
    ],
    raw,
  };
}

export class DashboardStore {
  constructor(private readonly db: SqlClient) {}

  async competencies(scope: RunScope, filter: DashboardFilter): Promise<CompetencyCell[]> {
    const params: unknown[] = [];
    const src = sources(scope, filter, params);
    const parts = [
      ...src.rollups.map((r) => `SELECT m.unit_id, m.competency, m.total, m.passed FROM run_criterion_${r.grain} m WHERE m.unit_id IS NOT NULL AND ${r.where}`),
      ...src.raw.map(
        (where) => `SELECT r.unit_id, c->>'competency', 1, CASE WHEN (c->>'passed')::boolean THEN 1 ELSE 0 END
          FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c WHERE r.unit_id IS NOT NULL AND ${where}`,
      ),
    ];
    const rows = await this.db.query<{ unit_id: string; competency: string; passed: number | string; total: number | string }>(
      `SELECT x.unit_id, x.competency, sum(x.total) AS total, sum(x.passed) AS passed
       FROM (${parts.join(' UNION ALL ')}) AS x (unit_id, competency, total, passed)
       GROUP BY x.unit_id, x.competency ORDER BY x.unit_id, x.competency`,
      params,
    );
    return rows.map((r) => ({ unitId: r.unit_id, competency: r.competency, passed: num(r.passed), total: num(r.total) }));
  }

  async trends(scope: RunScope, filter: DashboardFilter): Promise<MonthTrend[]> {
    const params: unknown[] = [];
    const src = sources(scope, filter, params);
    const parts = [
      ...src.rollups.map((r) => `SELECT to_char(m.period AT TIME ZONE 'UTC', 'YYYY-MM'), m.runs, m.passed, m.percent_sum, m.percent_count FROM run_${r.grain} m WHERE ${r.where}`),
      ...src.raw.map(
        (where) => `SELECT to_char(date_trunc('month', r.received_at AT TIME ZONE 'UTC'), 'YYYY-MM'), 1, CASE WHEN r.passed THEN 1 ELSE 0 END,
          r.percent::float8, CASE WHEN r.percent IS NULL THEN 0 ELSE 1 END FROM runs r WHERE ${where}`,
      ),
    ];
    const rows = await this.db.query<{ month: string; runs: number | string; passed: number | string; percent_sum: number | string | null; percent_count: number | string }>(
      `SELECT x.month, sum(x.runs) AS runs, sum(x.passed) AS passed, sum(x.percent_sum) AS percent_sum, sum(x.percent_count) AS percent_count
       FROM (${parts.join(' UNION ALL ')}) AS x (month, runs, passed, percent_sum, percent_count)
       GROUP BY x.month ORDER BY x.month`,
      params,
    );
    // Sums of float4 percents are exact in float8, so sum / count is the average avg(percent) gives.
    return rows.map((r) => {
      const count = num(r.percent_count);
      const average = count === 0 ? 0 : num(r.percent_sum) / count;
      return { month: r.month, runs: num(r.runs), passed: num(r.passed), averagePercent: Math.round(average * 10) / 10 };
    });
  }

  async failedCriteria(scope: RunScope, filter: DashboardFilter, limit = 10): Promise<FailedCriterion[]> {
    const params: unknown[] = [];
    const src = sources(scope, filter, params);
    const parts = [
      ...src.rollups.map((r) => `SELECT m.scenario_id, m.criterion_id, m.total, m.passed FROM run_criterion_${r.grain} m WHERE ${r.where}`),
      ...src.raw.map(
        (where) => `SELECT r.scenario_id, c->>'id', 1, CASE WHEN (c->>'passed')::boolean THEN 1 ELSE 0 END
          FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c WHERE ${where}`,
      ),
    ];
    const rows = await this.db.query<{ scenario_id: string; criterion_id: string; failed: number | string; total: number | string }>(
      `SELECT x.scenario_id, x.criterion_id, sum(x.total) AS total, sum(x.total - x.passed) AS failed
       FROM (${parts.join(' UNION ALL ')}) AS x (scenario_id, criterion_id, total, passed)
       GROUP BY x.scenario_id, x.criterion_id
       HAVING sum(x.total - x.passed) > 0
       ORDER BY failed DESC, x.scenario_id, x.criterion_id LIMIT $${params.push(limit)}`,
      params,
    );
    return rows.map((r) => ({ scenarioId: r.scenario_id, criterionId: r.criterion_id, failed: num(r.failed), total: num(r.total) }));
  }

  /** Trainees of one unit (exactly) with their runs in scope and filter, for the drill-down. */
  async trainees(unitId: string, scope: RunScope, filter: DashboardFilter): Promise<TraineeSummary[]> {
    const params: unknown[] = [unitId];
    const where = runsWhere(scope, filter, params);
    const rows = await this.db.query<{ id: string; display_name: string; unit_id: string; runs: number | string; passed: number | string; average: number | string | null; last_run: Date | string | null }>(
      `SELECT u.id, u.display_name, u.unit_id, count(r.id) AS runs, sum(CASE WHEN r.passed THEN 1 ELSE 0 END) AS passed,
         avg(r.percent) AS average, max(r.received_at) AS last_run
       FROM users u LEFT JOIN runs r ON r.owner_id = u.id AND ${where}
       WHERE u.unit_id = $1 AND u.role = 'trainee'
       GROUP BY u.id, u.display_name, u.unit_id ORDER BY u.display_name`,
      params,
    );
    return rows.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      unitId: r.unit_id,
      runs: num(r.runs),
      passed: num(r.passed),
      averagePercent: r.average === null ? null : Math.round(num(r.average) * 10) / 10,
      lastRunAt: r.last_run === null ? null : new Date(r.last_run).toISOString(),
    }));
  }

  /** One person's verified and rejected runs within scope and filter, newest first. */
  async runsOf(userId: string, scope: RunScope, filter: DashboardFilter): Promise<{ id: string; scenarioId: string; status: string; percent: number | null; passed: boolean | null; stars: number | null; receivedAt: string }[]> {
    const params: unknown[] = [userId];
    const where = runsWhere(scope, filter, params).replace(`r.status = 'verified'`, 'TRUE');
    const rows = await this.db.query<{ id: string; scenario_id: string; status: string; percent: number | null; passed: boolean | null; stars: number | null; received_at: Date | string }>(
      `SELECT r.id, r.scenario_id, r.status, r.percent, r.passed, r.stars, r.received_at FROM runs r
       WHERE r.owner_id = $1 AND ${where} ORDER BY r.received_at DESC, r.id DESC LIMIT 500`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenario_id,
      status: r.status,
      percent: r.percent === null ? null : Math.round(Number(r.percent) * 10) / 10,
      passed: r.passed,
      stars: r.stars,
      receivedAt: new Date(r.received_at).toISOString(),
    }));
  }
}
