/** Assignments: instructors (own unit), managers (their subtree) and admins assign a scenario to a
 *  unit or a person with a due date; everyone signed in reads the ones that concern people they see,
 *  with each person's status. Access decisions come from access/policy.ts. */
import { Router } from 'express';
import { z } from 'zod';
import { canAssignTo, peopleFilter, signedIn } from '../access/policy';
import { callerOf } from '../auth/sessions';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import { assignmentStatus, type AssignmentStatus } from '../store/AssignmentStore';
import type { SqlStore } from '../store/SqlStore';
import { ApiError } from './ApiError';
import { validate } from './validate';

const NewAssignment = z
  .strictObject({
    scenarioId: z.string().min(1).max(100),
    unitId: z.string().min(1).max(64).optional(),
    userId: z.uuid().optional(),
    dueAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
  })
  .refine((a) => (a.unitId === undefined) !== (a.userId === undefined), { message: 'give exactly one of unitId and userId', path: ['unitId'] });
const IdParams = z.object({ id: z.uuid() });

export function assignmentsRouter(store: SqlStore, catalogue: ScenarioCatalogue, now: () => Date): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const caller = signedIn(callerOf(res), 'assignments.create');
    const body = validate(NewAssignment, req.body, 'assignment');
    if (!catalogue.get(body.scenarioId)) throw new ApiError(422, 'unknownScenario', `No scenario "${body.scenarioId}" on this server.`);
    const user = body.userId === undefined ? null : await store.accounts.getUser(body.userId);
    const unitId = body.unitId ?? user?.unitId;
    const unit = unitId === undefined ? null : await store.accounts.getUnit(unitId);
    // A target the caller may not assign to reads as absent.
    if (!unit || (body.userId !== undefined && !user) || !canAssignTo(caller, unit)) throw new ApiError(404, 'notFound', 'No such unit or person to assign to.');
    const assignment = await store.assignments.create({
      scenarioId: body.scenarioId,
      unitId: body.unitId ?? null,
      userId: body.userId ?? null,
      dueAt: new Date(body.dueAt).toISOString(),
      createdBy: caller.user.id,
      createdAt: now().toISOString(),
    });
    res.status(201).json(assignment);
  });

  /** Assignments that reach anyone the caller sees, with status counts over those people. */
  router.get('/', async (_req, res) => {
    const caller = signedIn(callerOf(res), 'assignments.read');
    const progress = await store.assignments.progress(peopleFilter(caller));
    const at = now();
    const all = await store.assignments.all();
    const out = all.flatMap((a) => {
      const mine = progress.filter((p) => p.assignmentId === a.id);
      if (mine.length === 0) return [];
      const counts: Record<AssignmentStatus, number> = { assigned: 0, inProgress: 0, completed: 0, overdue: 0 };
      for (const p of mine) counts[assignmentStatus(p, at)] += 1;
      const title = catalogue.get(a.scenarioId)?.title ?? { vi: a.scenarioId, en: a.scenarioId };
      // A trainee sees only themselves, so their own status is the one that matters.
      const own = caller.user.role === 'trainee' ? assignmentStatus(mine[0] ?? { attempts: 0, passedAt: null, dueAt: a.dueAt }, at) : null;
      return [{ ...a, scenarioTitle: title, people: mine.length, counts, ...(own === null ? {} : { status: own }) }];
    });
    res.json(out);
  });

  router.get('/:id', async (req, res) => {
    const caller = signedIn(callerOf(res), 'assignments.read');
    const { id } = validate(IdParams, req.params, 'assignment id');
    const assignment = await store.assignments.get(id);
    const progress = assignment ? await store.assignments.progress(peopleFilter(caller), { assignmentId: id }) : [];
    if (!assignment || progress.length === 0) throw new ApiError(404, 'notFound', `No assignment ${id}.`);
    const at = now();
    res.json({ ...assignment, people: progress.map((p) => ({ ...p, status: assignmentStatus(p, at) })) });
  });

  return router;
}
