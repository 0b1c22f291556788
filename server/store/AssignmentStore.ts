/** Assignments and each assigned person's progress, in SQL. A unit assignment covers every trainee in
 *  that unit's subtree. Status rules live in assignmentStatus(); who sees what is decided by the policy. */
import { randomUUID } from 'node:crypto';
import type { SqlClient } from './SqlClient';

export type AssignmentStatus = 'assigned' | 'inProgress' | 'completed' | 'overdue';

export interface Assignment {
  id: string;
  scenarioId: string;
  unitId: string | null;
  userId: string | null;
  dueAt: string;
  createdBy: string;
  createdAt: string;
}

/** One assigned person's standing on one assignment. */
export interface PersonProgress {
  assignmentId: string;
  scenarioId: string;
  dueAt: string;
  userId: string;
  displayName: string;
  unitId: string;
  attempts: number;
  /** The first passing verified run since the assignment was made. */
  passedAt: string | null;
}

/** How many people of one unit stand where on one assignment, for the compliance matrix. */
export interface StatusCount {
  assignmentId: string;
  unitId: string;
  counts: Record<AssignmentStatus, number>;
}

export interface PeopleFilter {
  pathPrefix?: string;
  unitIds?: readonly string[];
  userId?: string;
}

/** Completed once passed (even late); overdue when the due date went by without a pass. */
export function assignmentStatus(p: Pick<PersonProgress, 'attempts' | 'passedAt' | 'dueAt'>, now: Date): AssignmentStatus {
  if (p.passedAt !== null) return 'completed';
  if (now.getTime() > Date.parse(p.dueAt)) return 'overdue';
  return p.attempts > 0 ? 'inProgress' : 'assigned';
}

const iso = (v: Date | string): string => new Date(v).toISOString();

interface AssignmentRow {
  id: string;
  scenario_id: string;
  unit_id: string | null;
  user_id: string | null;
  due_at: Date | string;
  created_by: string;
  created_at: Date | string;
}
const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id,
  scenarioId: r.scenario_id,
  unitId: r.unit_id,
  userId: r.user_id,
  dueAt: iso(r.due_at),
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
});

export function peopleWhere(filter: PeopleFilter, alias: { user: string; unit: string }, params: unknown[]): string {
  const where: string[] = ['TRUE'];
  if (filter.pathPrefix !== undefined) where.push(`${alias.unit}.path LIKE $${params.push(`${filter.pathPrefix}%`)}`);
  if (filter.unitIds !== undefined) where.push(filter.unitIds.length === 0 ? 'FALSE' : `${alias.user}.unit_id IN (${filter.unitIds.map((id) => `$${params.push(id)}`).join(', ')})`);
  if (filter.userId !== undefined) where.push(`${alias.user}.id = $${params.push(filter.userId)}`);
  return where.join(' AND ');
}

export class AssignmentStore {
  constructor(private readonly db: SqlClient) {}

  async create(a: Omit<Assignment, 'id'>): Promise<Assignment> {
    const rows = await this.db.query<AssignmentRow>(
      'INSERT INTO assignments (id, scenario_id, unit_id, user_id, due_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
      [randomUUID(), a.scenarioId, a.unitId, a.userId, a.dueAt, a.createdBy, a.createdAt],
    );
    return toAssignment(rows[0] as AssignmentRow);
  }

  async get(id: string): Promise<Assignment | null> {
    const rows = await this.db.query<AssignmentRow>('SELECT * FROM assignments WHERE id = $1', [id]);
    return rows[0] ? toAssignment(rows[0]) : null;
  }

  async all(): Promise<Assignment[]> {
    const rows = await this.db.query<AssignmentRow>('SELECT * FROM assignments ORDER BY due_at, id');
    return rows.map(toAssignment);
  }

  /** For each assignment and unit, how many of its assigned people (passing `filter`) stand in each
   *  status at `now`, as assignmentStatus() would put them. Reads person_scenario_progress (migration
   *  0006) instead of each person's runs: a pass or attempt since the assignment was made exists exactly
   *  when the latest one is not older than it. Rows come by due date, assignment, unit. */
  async statusCounts(filter: PeopleFilter, now: Date, opts: { scenarioId?: string } = {}): Promise<StatusCount[]> {
    const params: unknown[] = [];
    const branch = (from: string): string => {
      const where = [peopleWhere(filter, { user: 'u', unit: 'un' }, params)];
      if (opts.scenarioId !== undefined) where.push(`a.scenario_id = $${params.push(opts.scenarioId)}`);
      return `SELECT a.id, a.scenario_id, a.due_at, a.created_at, u.id AS user_id, u.unit_id ${from} WHERE ${where.join(' AND ')}`;
    };
    // A person assignment covers that person whatever their role; a unit assignment every trainee of its subtree.
    const pairs = [
      branch('FROM assignments a JOIN users u ON u.id = a.user_id JOIN units un ON un.id = u.unit_id'),
      branch(`FROM assignments a JOIN units au ON au.id = a.unit_id JOIN units un ON un.path LIKE au.path || '%' JOIN users u ON u.unit_id = un.id AND u.role = 'trainee'`),
    ].join(' UNION ALL ');
    const rows = await this.db.query<{ assignment_id: string; unit_id: string; due_at: Date | string; people: number | string; completed: number | string; attempted: number | string }>(
      `SELECT pa.id AS assignment_id, pa.unit_id, pa.due_at, count(*) AS people,
         count(*) FILTER (WHERE g.last_pass_at >= pa.created_at) AS completed,
         count(*) FILTER (WHERE g.last_attempt_at >= pa.created_at) AS attempted
       FROM (${pairs}) pa LEFT JOIN person_scenario_progress g ON g.owner_id = pa.user_id AND g.scenario_id = pa.scenario_id
       GROUP BY pa.due_at, pa.id, pa.unit_id ORDER BY pa.due_at, pa.id, pa.unit_id`,
      params,
    );
    // A pass is an attempt too, so the completed are among the attempted; the due date is the
    // assignment's, so past it everyone not completed is overdue.
    return rows.map((r) => {
      const people = Number(r.people);
      const completed = Number(r.completed);
      const attempted = Number(r.attempted);
      const overdue = now.getTime() > new Date(r.due_at).getTime();
      return {
        assignmentId: r.assignment_id,
        unitId: r.unit_id,
        counts: overdue
          ? { assigned: 0, inProgress: 0, completed, overdue: people - completed }
          : { assigned: people - attempted, inProgress: attempted - completed, completed, overdue: 0 },
      };
    });
  }

  /** Every (assignment, assigned person) pair whose person passes `filter`, with their attempts. */
  async progress(filter: PeopleFilter, opts: { assignmentId?: string; scenarioId?: string } = {}): Promise<PersonProgress[]> {
    const params: unknown[] = [];
    const extra: string[] = [];
    if (opts.assignmentId !== undefined) extra.push(`a.id = $${params.push(opts.assignmentId)}`);
    if (opts.scenarioId !== undefined) extra.push(`a.scenario_id = $${params.push(opts.scenarioId)}`);
    const people = peopleWhere(filter, { user: 'u', unit: 'un' }, params);
    const rows = await this.db.query<{
      assignment_id: string;
      scenario_id: string;
      due_at: Date | string;
      user_id: string;
      display_name: string;
      unit_id: string;
      attempts: number | string;
      passed_at: Date | string | null;
    }>(
      `SELECT a.id AS assignment_id, a.scenario_id, a.due_at, u.id AS user_id, u.display_name, u.unit_id,
         (SELECT count(*) FROM runs r WHERE r.owner_id = u.id AND r.scenario_id = a.scenario_id AND r.received_at >= a.created_at) AS attempts,
         (SELECT min(r.received_at) FROM runs r WHERE r.owner_id = u.id AND r.scenario_id = a.scenario_id AND r.status = 'verified' AND r.passed AND r.received_at >= a.created_at) AS passed_at
       FROM assignments a
       LEFT JOIN units au ON au.id = a.unit_id
       JOIN users u ON u.id = a.user_id OR (au.id IS NOT NULL AND u.role = 'trainee')
       JOIN units un ON un.id = u.unit_id
       WHERE (a.user_id IS NOT NULL OR un.path LIKE au.path || '%') AND ${people} ${extra.map((e) => `AND ${e}`).join(' ')}
       ORDER BY a.due_at, a.id, un.path, u.display_name`,
      params,
    );
    return rows.map((r) => ({
      assignmentId: r.assignment_id,
      scenarioId: r.scenario_id,
      dueAt: iso(r.due_at),
      userId: r.user_id,
      displayName: r.display_name,
      unitId: r.unit_id,
      attempts: Number(r.attempts),
      passedAt: r.passed_at === null ? null : iso(r.passed_at),
    }));
  }
}
