/** The dashboard's rollup-based reports (migration 0006) against the straightforward queries over raw
 *  runs they replace, on PGlite and on a real PostgreSQL server: several units, scenarios and months,
 *  rejected and anonymous runs, month-aligned and mid-month periods, every kind of scope. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot, type ScoreResult } from '../../../engine/index';
import type { Principal } from '../../../server/access/policy';
import type { RunScope } from '../../../server/access/RunScope';
import { compliance } from '../../../server/dashboard/reports';
import { verifyRun } from '../../../server/runs/verifyRun';
import { loadScenarioCatalogue } from '../../../server/scenarioCatalogue';
import type { Role, User } from '../../../server/store/AccountStore';
import type { AssignmentStatus } from '../../../server/store/AssignmentStore';
import type { DashboardFilter } from '../../../server/store/DashboardStore';
import type { NewRun } from '../../../server/store/RunStore';
import type { SqlClient } from '../../../server/store/SqlClient';
import type { SqlStore } from '../../../server/store/SqlStore';
import { kitchenScenario, playRecord } from '../fixtures';
import { pgliteBackend, postgresBackend } from '../storeBackends';

const NOW = new Date('2025-06-15T09:00:00Z');

/** The store keeps its client to itself; the reference queries and the update below need it raw. */
const sqlOf = (store: SqlStore): SqlClient => (store as unknown as { db: SqlClient }).db;

/** A scope as SQL of its own, from RunScope's documented meaning (not server/store/scopeSql's). */
function rawScope(scope: RunScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'owner':
      return `r.owner_id = $${params.push(scope.userId)}`;
    case 'units':
      return `r.unit_id = ANY($${params.push([...scope.unitIds])}::text[])`;
    case 'subtree':
      return `EXISTS (SELECT 1 FROM units u WHERE u.id = r.unit_id AND starts_with(u.path, $${params.push(scope.path)}))`;
    case 'unowned':
      return 'r.owner_id IS NULL';
  }
}

/** The reports as they were computed before the rollups: every criterion of every run in scope. */
function rawWhere(scope: RunScope, filter: DashboardFilter, params: unknown[]): string {
  const where = [`r.status = 'verified'`, rawScope(scope, params)];
  if (filter.from !== undefined) where.push(`r.received_at >= $${params.push(filter.from)}`);
  if (filter.to !== undefined) where.push(`r.received_at < $${params.push(filter.to)}`);
  if (filter.scenarioId !== undefined) where.push(`r.scenario_id = $${params.push(filter.scenarioId)}`);
  if (filter.unitPath !== undefined) where.push(`r.unit_id IN (SELECT id FROM units WHERE path LIKE $${params.push(`${filter.unitPath}%`)})`);
  return where.join(' AND ');
}

async function rawCompetencies(store: SqlStore, scope: RunScope, filter: DashboardFilter) {
  const params: unknown[] = [];
  const rows = await sqlOf(store).query<{ unit_id: string; competency: string; passed: string | number; total: string | number }>(
    `SELECT r.unit_id, c->>'competency' AS competency, count(*) AS total, sum(CASE WHEN (c->>'passed')::boolean THEN 1 ELSE 0 END) AS passed
     FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
     WHERE r.unit_id IS NOT NULL AND ${rawWhere(scope, filter, params)}
     GROUP BY r.unit_id, c->>'competency' ORDER BY r.unit_id, competency`,
    params,
  );
  return rows.map((r) => ({ unitId: r.unit_id, competency: r.competency, passed: Number(r.passed), total: Number(r.total) }));
}

async function rawTrends(store: SqlStore, scope: RunScope, filter: DashboardFilter) {
  const params: unknown[] = [];
  const rows = await sqlOf(store).query<{ month: string; runs: string | number; passed: string | number; average: string | number | null }>(
    `SELECT to_char(date_trunc('month', r.received_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, count(*) AS runs,
       sum(CASE WHEN r.passed THEN 1 ELSE 0 END) AS passed, avg(r.percent) AS average
     FROM runs r WHERE ${rawWhere(scope, filter, params)} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ month: r.month, runs: Number(r.runs), passed: Number(r.passed), averagePercent: Math.round(Number(r.average ?? 0) * 10) / 10 }));
}

async function rawFailedCriteria(store: SqlStore, scope: RunScope, filter: DashboardFilter, limit: number) {
  const params: unknown[] = [];
  const where = rawWhere(scope, filter, params);
  const rows = await sqlOf(store).query<{ scenario_id: string; criterion_id: string; failed: string | number; total: string | number }>(
    `SELECT r.scenario_id, c->>'id' AS criterion_id, count(*) AS total, sum(CASE WHEN (c->>'passed')::boolean THEN 0 ELSE 1 END) AS failed
     FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
     WHERE ${where} GROUP BY r.scenario_id, c->>'id'
     HAVING sum(CASE WHEN (c->>'passed')::boolean THEN 0 ELSE 1 END) > 0
     ORDER BY failed DESC, r.scenario_id, criterion_id LIMIT $${params.push(limit)}`,
    params,
  );
  return rows.map((r) => ({ scenarioId: r.scenario_id, criterionId: r.criterion_id, failed: Number(r.failed), total: Number(r.total) }));
}

/** The compliance matrix in plain SQL of its own: every person an assignment covers (a named person, or
 *  every trainee in the assigned unit's subtree), their attempts and first pass since it was set, the
 *  status that gives (passed: completed; past due: overdue; tried: in progress; else assigned), counted
 *  per unit the caller may see and assignment. Uses neither the policy's helpers nor the store's. */
async function rawCompliance(store: SqlStore, caller: Principal, filter: DashboardFilter, now: Date) {
  const params: unknown[] = [now.toISOString()];
  const role = caller.user.role;
  const people =
    role === 'admin' ? 'TRUE'
    : role === 'manager' ? `starts_with(un.path, $${params.push(caller.unitPath)})`
    : role === 'instructor' ? `u.unit_id = $${params.push(caller.user.unitId)}`
    : `u.id = $${params.push(caller.user.id)}`;
  const scenario = filter.scenarioId === undefined ? 'TRUE' : `a.scenario_id = $${params.push(filter.scenarioId)}`;
  const rows = await sqlOf(store).query<{ assignment_id: string; unit_id: string; status: AssignmentStatus }>(
    `SELECT a.id AS assignment_id, u.unit_id,
       CASE WHEN EXISTS (SELECT 1 FROM runs r WHERE r.owner_id = u.id AND r.scenario_id = a.scenario_id AND r.status = 'verified' AND r.passed AND r.received_at >= a.created_at) THEN 'completed'
            WHEN $1::timestamptz > a.due_at THEN 'overdue'
            WHEN EXISTS (SELECT 1 FROM runs r WHERE r.owner_id = u.id AND r.scenario_id = a.scenario_id AND r.received_at >= a.created_at) THEN 'inProgress'
            ELSE 'assigned' END AS status
     FROM assignments a
     JOIN users u ON u.id = a.user_id
       OR (a.unit_id IS NOT NULL AND u.role = 'trainee' AND EXISTS (SELECT 1 FROM units top, units mine WHERE top.id = a.unit_id AND mine.id = u.unit_id AND starts_with(mine.path, top.path)))
     JOIN units un ON un.id = u.unit_id
     WHERE ${people} AND ${scenario}
     ORDER BY a.due_at, a.id`,
    params,
  );
  const assignmentIds = [...new Set(rows.map((r) => r.assignment_id))];
  const unitParams: unknown[] = [filter.unitPath ?? ''];
  const unitScope =
    role === 'admin' ? 'TRUE' : role === 'manager' ? `starts_with(path, $${unitParams.push(caller.unitPath)})` : `id = $${unitParams.push(caller.user.unitId)}`;
  const units = await sqlOf(store).query<{ id: string }>(`SELECT id FROM units WHERE starts_with(path, $1) AND ${unitScope} ORDER BY path`, unitParams);
  return units
    .map((unit) => ({
      unitId: unit.id,
      cells: assignmentIds.map((assignmentId) => {
        const mine = rows.filter((r) => r.assignment_id === assignmentId && r.unit_id === unit.id);
        const counts: Record<AssignmentStatus, number> = { assigned: 0, inProgress: 0, completed: 0, overdue: 0 };
        for (const r of mine) counts[r.status] += 1;
        return { assignmentId, people: mine.length, counts };
      }),
    }))
    .filter((r) => r.cells.some((c) => c.people > 0));
}

/** A run shaped like an upload but with a chosen scenario, time and per-criterion outcome, so months,
 *  scenarios and failure patterns vary; the store does not re-score what it is given. */
function runOf(base: NewRun, opts: { scenarioId: string; ownerId: string | null; unitId: string | null; receivedAt: string; seed: number; status?: 'verified' | 'rejected' }): NewRun {
  const result = base.result as ScoreResult;
  const criteria = result.criteria.map((c, i) => ({ ...c, passed: (opts.seed + i) % 3 !== 0 }));
  const rejected = opts.status === 'rejected';
  // Percents that are not whole numbers, as real scores are not, to check averages to the decimal.
  const percent = Math.fround(40 + ((opts.seed * 37) % 600) / 10 + 0.05);
  return {
    ...base,
    id: randomUUID(),
    scenarioId: opts.scenarioId,
    status: rejected ? 'rejected' : 'verified',
    error: rejected ? 'logDiverged: test' : null,
    percent: rejected ? null : percent,
    passed: rejected ? null : opts.seed % 2 === 0,
    stars: rejected ? null : 2,
    result: rejected ? null : { ...result, criteria },
    hashMatches: rejected ? null : true,
    ownerId: opts.ownerId,
    unitId: opts.unitId,
    receivedAt: opts.receivedAt,
  };
}

const principal = (user: User, unitPath: string): Principal => ({ user, unitPath, sessionId: randomUUID() });

describe.each([
  ['PGlite', pgliteBackend],
  ['PostgreSQL', postgresBackend],
] as const)('dashboard rollups on %s', (_name, make) => {
  const backend = make();
  let store: SqlStore;
  const people: Record<string, User> = {};
  const callers: Record<string, Principal> = {};
  const scopes: [string, RunScope][] = [];
  let base: NewRun;

  beforeAll(async () => {
    store = await backend.open();
    await store.migrate();
    base = verifyRun(kitchenScenario(), playRecord(expertBot).record);
    const novice = verifyRun(kitchenScenario(), playRecord(noviceBot).record);
    const a = store.accounts;
    await a.createUnit({ id: 'dept', parentId: null, kind: 'department', name: 'Dept' });
    await a.createUnit({ id: 'prov', parentId: 'dept', kind: 'provincial', name: 'Prov' });
    await a.createUnit({ id: 'st-a', parentId: 'prov', kind: 'station', name: 'A' });
    await a.createUnit({ id: 'st-b', parentId: 'prov', kind: 'station', name: 'B' });
    await a.createUnit({ id: 'prov2', parentId: 'dept', kind: 'provincial', name: 'Prov 2' });
    await a.createUnit({ id: 'st-c', parentId: 'prov2', kind: 'station', name: 'C' });
    const make = async (username: string, role: Role, unitId: string): Promise<User> => (people[username] = await a.createUser({ username, displayName: username, role, unitId, passwordHash: 'x' }));
    const trainees = [await make('t1', 'trainee', 'st-a'), await make('t2', 'trainee', 'st-a'), await make('t3', 'trainee', 'st-b'), await make('t4', 'trainee', 'st-c'), await make('t5', 'trainee', 'prov')];
    const admin = await make('admin', 'admin', 'dept');
    const manager = await make('manager', 'manager', 'prov');
    const instructor = await make('instructor', 'instructor', 'st-a');
    callers.admin = principal(admin, 'dept/');
    callers.manager = principal(manager, 'dept/prov/');
    callers.instructor = principal(instructor, 'dept/prov/st-a/');
    callers.trainee = principal(trainees[0] as User, 'dept/prov/st-a/');
    scopes.push(['all', { kind: 'all' }], ['subtree', { kind: 'subtree', path: 'dept/prov/' }], ['units', { kind: 'units', unitIds: ['st-a', 'st-c'] }], ['no units', { kind: 'units', unitIds: [] }], ['owner', { kind: 'owner', userId: (trainees[0] as User).id }], ['unowned', { kind: 'unowned' }]);

    // Runs over Jan-May 2025 including the first and last millisecond of months, two scenarios.
    const times = ['2025-01-01T00:00:00.000Z', '2025-01-17T12:00:00Z', '2025-01-31T23:59:59.999Z', '2025-02-14T08:00:00Z', '2025-03-01T00:00:00.000Z', '2025-03-15T10:30:00Z', '2025-04-09T16:45:00Z', '2025-04-30T23:00:00Z', '2025-05-02T07:00:00Z'];
    let seed = 0;
    for (const [ti, receivedAt] of times.entries()) {
      for (const [pi, t] of trainees.entries()) {
        if ((ti + pi) % 4 === 3) continue;
        seed += 1;
        const scenarioId = seed % 3 === 0 ? 'other-scenario' : base.scenarioId;
        const from = seed % 5 === 0 ? novice : base;
        await store.insertRun(runOf(from, { scenarioId, ownerId: t.id, unitId: t.unitId, receivedAt, seed }));
      }
    }
    const t1 = trainees[0] as User;
    // A rejected upload, anonymous practice and a run with no unit never change unit reports.
    await store.insertRun(runOf(base, { scenarioId: base.scenarioId, ownerId: t1.id, unitId: t1.unitId, receivedAt: '2025-03-20T00:00:00Z', seed: 101, status: 'rejected' }));
    await store.insertRun(runOf(base, { scenarioId: base.scenarioId, ownerId: null, unitId: null, receivedAt: '2025-02-20T00:00:00Z', seed: 102 }));
    await store.insertRun(runOf(base, { scenarioId: base.scenarioId, ownerId: null, unitId: null, receivedAt: '2025-04-20T00:00:00Z', seed: 103 }));
    // Uploads stored as pending and scored afterwards: counted once, when the update makes them
    // verified; one refused and one still waiting count as attempts only.
    const t3 = trainees[2] as User;
    const pending = [0, 1, 2].map((k) => ({ ...runOf(base, { scenarioId: base.scenarioId, ownerId: t3.id, unitId: t3.unitId, receivedAt: `2025-04-1${k}T06:00:00Z`, seed: 104 + k }), ownerId: t3.id }));
    await store.insertPendingRuns(pending);
    const verdict = (r: NewRun) => ({ status: r.status as 'verified' | 'rejected', error: r.error, percent: r.percent, passed: r.passed, stars: r.stars, result: r.result, hashMatches: r.hashMatches });
    const [first, second] = pending as [NewRun, NewRun, NewRun];
    expect((await store.completeRun(first.id, first.record, verdict(first))).applied).toBe(true);
    expect((await store.completeRun(second.id, second.record, { ...verdict(second), status: 'rejected', error: 'logDiverged: test', percent: null, passed: null, stars: null, result: null, hashMatches: null })).applied).toBe(true);
    // A second verdict for the same run is refused by the store and must not count it twice.
    expect((await store.completeRun(first.id, first.record, verdict(first))).applied).toBe(false);
    // Updating a verified run without changing its status adds nothing.
    await sqlOf(store).query(`UPDATE runs SET hash_matches = true WHERE status = 'verified'`);

    // Assignments: to units (subtrees) and to one person, past due and not, made before and after runs.
    const by = instructor.id;
    const assign = (scenarioId: string, unitId: string | null, userId: string | null, createdAt: string, dueAt: string) => store.assignments.create({ scenarioId, unitId, userId, createdBy: by, createdAt, dueAt });
    await assign(base.scenarioId, 'prov', null, '2025-01-10T00:00:00Z', '2025-06-01T00:00:00Z');
    await assign(base.scenarioId, 'st-a', null, '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z');
    await assign('other-scenario', 'dept', null, '2025-02-01T00:00:00Z', '2025-06-30T00:00:00Z');
    await assign('other-scenario', null, t1.id, '2025-05-01T00:00:00Z', '2025-05-10T00:00:00Z');
    await assign(base.scenarioId, null, manager.id, '2025-01-01T00:00:00Z', '2025-08-01T00:00:00Z');
    await assign('never-played', 'st-c', null, '2025-01-01T00:00:00Z', '2025-12-01T00:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  const filters: [string, DashboardFilter][] = [
    ['no filter', {}],
    ['whole months', { from: '2025-02-01', to: '2025-05-01' }],
    ['mid-month bounds', { from: '2025-01-17T12:00:00Z', to: '2025-04-09T16:45:00Z' }],
    ['inside one month', { from: '2025-03-02', to: '2025-03-20' }],
    ['across one month boundary', { from: '2025-01-20', to: '2025-02-15' }],
    ['from only', { from: '2025-01-31T23:59:59.999Z' }],
    ['to only', { to: '2025-03-01T00:00:00.001Z' }],
    ['bounds with an offset', { from: '2025-02-01T00:00:00+07:00', to: '2025-05-01T00:00:00+07:00' }],
    ['whole UTC days', { from: '2025-01-17T00:00:00Z', to: '2025-04-10T00:00:00Z' }],
    ['partial days inside one month', { from: '2025-04-09T16:45:00Z', to: '2025-04-30T23:00:00Z' }],
    // Runs at 00:00 on 1 March sit on the edge between a whole month and the whole days beside it.
    ['from mid-month to a month start', { from: '2025-02-10T00:00:00Z', to: '2025-05-01T00:00:00Z' }],
    ['from a month start to mid-month', { from: '2025-01-01T00:00:00Z', to: '2025-03-10T00:00:00Z' }],
    ['inside one day', { from: '2025-01-17T11:00:00Z', to: '2025-01-17T13:00:00Z' }],
    ['scenario and unit', { scenarioId: 'other-scenario', unitPath: 'dept/prov/', from: '2025-01-15' }],
  ];

  it('keeps the monthly and daily rollups equal to the raw verified runs', async () => {
    const verified = await sqlOf(store).query<{ n: string | number }>(`SELECT count(*) AS n FROM runs WHERE status = 'verified'`);
    const rawCriteria = await sqlOf(store).query<{ n: string | number }>(`SELECT count(*) AS n FROM runs r CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c WHERE r.status = 'verified'`);
    for (const grain of ['monthly', 'daily']) {
      const runs = await sqlOf(store).query<{ runs: string | number }>(`SELECT sum(runs) AS runs FROM run_${grain}`);
      expect(Number(runs[0]?.runs)).toBe(Number(verified[0]?.n));
      const criteria = await sqlOf(store).query<{ total: string | number }>(`SELECT sum(total) AS total FROM run_criterion_${grain}`);
      expect(Number(criteria[0]?.total)).toBe(Number(rawCriteria[0]?.n));
    }
  });

  it.each(filters)('answers competencies, trends and failed criteria as the raw queries do (%s)', async (_label, filter) => {
    let nonEmpty = 0;
    for (const [, scope] of scopes) {
      const competencies = await store.dashboard.competencies(scope, filter);
      expect(competencies).toEqual(await rawCompetencies(store, scope, filter));
      const trends = await store.dashboard.trends(scope, filter);
      expect(trends).toEqual(await rawTrends(store, scope, filter));
      for (const limit of [3, 100]) expect(await store.dashboard.failedCriteria(scope, filter, limit)).toEqual(await rawFailedCriteria(store, scope, filter, limit));
      if (trends.length > 0 && competencies.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it.each(['admin', 'manager', 'instructor', 'trainee'])('builds the compliance matrix as per-person progress does (%s)', async (who) => {
    const caller = callers[who] as Principal;
    const catalogue = loadScenarioCatalogue();
    for (const [, filter] of [['all', {}], ['scenario', { scenarioId: 'other-scenario' }], ['unit', { unitPath: 'dept/prov/' }]] as const) {
      for (const now of [NOW, new Date('2025-05-05T00:00:00Z'), new Date('2025-06-01T00:00:00Z'), new Date('2025-06-01T00:00:00.001Z')]) {
        const report = await compliance(store, catalogue, caller, filter, now);
        const expected = await rawCompliance(store, caller, filter, now);
        expect(report.rows.map((r) => ({ unitId: r.unitId, cells: r.cells.map((c) => ({ assignmentId: c.assignmentId, people: c.people, counts: c.counts })) }))).toEqual(expected);
        expect(report.assignments.map((a) => a.id)).toEqual(expected[0]?.cells.map((c) => c.assignmentId) ?? []);
      }
    }
    if (who === 'admin') {
      const report = await compliance(store, catalogue, caller, {}, NOW);
      const statuses = report.rows.flatMap((r) => r.cells.flatMap((c) => (Object.keys(c.counts) as AssignmentStatus[]).filter((k) => c.counts[k] > 0)));
      expect(new Set(statuses)).toEqual(new Set(['assigned', 'inProgress', 'completed', 'overdue']));
    }
  });

  it('counts every run once when uploads and verdicts arrive at the same time', async () => {
    const t = people.t2 as User;
    const at = (k: number): string => `2025-05-0${3 + (k % 2)}T0${k % 10}:00:00Z`;
    const direct = Array.from({ length: 12 }, (_, k) => runOf(base, { scenarioId: base.scenarioId, ownerId: t.id, unitId: t.unitId, receivedAt: at(k), seed: 200 + k }));
    const pending = Array.from({ length: 12 }, (_, k) => ({ ...runOf(base, { scenarioId: base.scenarioId, ownerId: t.id, unitId: t.unitId, receivedAt: at(k), seed: 300 + k }), ownerId: t.id }));
    await Promise.all(pending.map((r) => store.insertPendingRuns([r])));
    const verdict = (r: NewRun) => ({ status: 'verified' as const, error: null, percent: r.percent, passed: r.passed, stars: r.stars, result: r.result, hashMatches: r.hashMatches });
    // Each run verified twice at once, as two server processes might: the store applies one verdict.
    const outcomes = await Promise.all([...direct.map((r) => store.insertRun(r)), ...pending.flatMap((r) => [store.completeRun(r.id, r.record, verdict(r)), store.completeRun(r.id, r.record, verdict(r))])]);
    expect(outcomes.filter((o) => 'applied' in o && o.applied)).toHaveLength(pending.length);
    const scope: RunScope = { kind: 'units', unitIds: [t.unitId] };
    const may = { from: '2025-05-01', to: '2025-06-01' };
    expect(await store.dashboard.trends(scope, may)).toEqual(await rawTrends(store, scope, may));
    expect(await store.dashboard.trends(scope, {})).toEqual(await rawTrends(store, scope, {}));
    expect(await store.dashboard.competencies(scope, {})).toEqual(await rawCompetencies(store, scope, {}));
  });
});
