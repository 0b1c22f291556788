/** The dashboard's read queries over stored runs and their per-criterion results: competencies by
 *  unit, trends by month, most failed criteria, trainees of a unit. Applies the RunScope it is given;
 *  it never decides one. */
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

export class DashboardStore {
  constructor(private readonly db: SqlClient) {}

  async competencies(scope: RunScope, filter: DashboardFilter): Promise<CompetencyCell[]> {
    const params: unknown[] = [];
    const rows = await this.db.query<{ unit_id: string; competency: string; passed: number | string; total: number | string }>(
      `SELECT r.unit_id, c->>'competency' AS competency, count(*) AS total, sum(CASE WHEN (c->>'passed')::boolean THEN 1 ELSE 0 END) AS passed
       FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
       WHERE r.unit_id IS NOT NULL AND ${runsWhere(scope, filter, params)}
       GROUP BY r.unit_id, c->>'competency' ORDER BY r.unit_id, competency`,
      params,
    );
    return rows.map((r) => ({ unitId: r.unit_id, competency: r.competency, passed: num(r.passed), total: num(r.total) }));
  }

  async trends(scope: RunScope, filter: DashboardFilter): Promise<MonthTrend[]> {
    const params: unknown[] = [];
    const rows = await this.db.query<{ month: string; runs: number | string; passed: number | string; average: number | string | null }>(
      `SELECT to_char(date_trunc('month', r.received_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*) AS runs,
         sum(CASE WHEN r.passed THEN 1 ELSE 0 END) AS passed, avg(r.percent) AS average
       FROM runs r WHERE ${runsWhere(scope, filter, params)} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ month: r.month, runs: num(r.runs), passed: num(r.passed), averagePercent: Math.round(num(r.average) * 10) / 10 }));
  }

  async failedCriteria(scope: RunScope, filter: DashboardFilter, limit = 10): Promise<FailedCriterion[]> {
    const params: unknown[] = [];
    const where = runsWhere(scope, filter, params);
    const rows = await this.db.query<{ scenario_id: string; criterion_id: string; failed: number | string; total: number | string }>(
      `SELECT r.scenario_id, c->>'id' AS criterion_id, count(*) AS total, sum(CASE WHEN (c->>'passed')::boolean THEN 0 ELSE 1 END) AS failed
       FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
       WHERE ${where} GROUP BY r.scenario_id, c->>'id'
       HAVING sum(CASE WHEN (c->>'passed')::boolean THEN 0 ELSE 1 END) > 0
       ORDER BY failed DESC, r.scenario_id, criterion_id LIMIT $${params.push(limit)}`,
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
