/** The scenario library's workflow over HTTP: authors save drafts and submit them; reviewers return,
 *  approve, publish to a scope or withdraw; every step kept with who, when and why. Every saved
 *  scenario is parsed and checked here, and a submission is ghost-run in the verify workers; access
 *  comes from access/policy.ts. */
import { Router } from 'express';
import { z } from 'zod';
import { diffScenarios, type Scenario } from '../../engine/index';
import { canEditDraft, canPublishTo, canReview, canSeeLibraryItem, signedIn, type Principal } from '../access/policy';
import { callerOf } from '../auth/sessions';
import { checkContent, type ScenarioLibrary } from '../library/ScenarioLibrary';
import { ghostRefusals } from '../library/ghostRun';
import type { RunIngest } from '../runs/RunIngest';
import { LibraryConflict, type LibraryScenario, type VersionStatus } from '../store/ScenarioStore';
import type { SqlStore } from '../store/SqlStore';
import { ApiError } from './ApiError';
import { validate } from './validate';

const IdParams = z.object({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100) });
const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1) });
const Comment = z.string().trim().min(1).max(4000);
const SubmitBody = z.strictObject({ comment: Comment.optional() });
const ReturnBody = z.strictObject({ comment: Comment, item: z.string().max(300).optional() });
const ApproveBody = z.strictObject({ comment: Comment.optional() });
const CommentBody = z.strictObject({ comment: Comment, item: z.string().max(300).optional() });
const PublishBody = z.strictObject({ scopeUnitId: z.string().min(1).max(64), comment: Comment.optional() });
const WithdrawBody = z.strictObject({ comment: Comment });
const DiffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]) });

function conflict(error: unknown): never {
  if (error instanceof LibraryConflict) throw new ApiError(error.code === 'notFound' ? 404 : 409, error.code, error.message);
  throw error;
}

/** A comment on one item of the scenario is kept as `[$.path] text`, so the log stays one column. */
const withItem = (comment: string | undefined, item: string | undefined): string | null => (comment === undefined ? null : item ? `[${item}] ${comment}` : comment);

export function libraryRouter(store: SqlStore, library: ScenarioLibrary, ingest: RunIngest): Router {
  const router = Router();
  const lib = store.scenarios;

  /** The scenario and whether the caller holds the reviewer permission; absent if they may not see it. */
  async function visible(caller: Principal, id: string): Promise<{ item: LibraryScenario; granted: boolean }> {
    const item = await lib.get(id);
    const granted = await lib.isReviewer(caller.user.id);
    if (!item || !canSeeLibraryItem(caller, item, granted)) throw new ApiError(404, 'notFound', `No scenario "${id}" in your library.`);
    return { item, granted };
  }

  async function reviewable(caller: Principal, id: string): Promise<LibraryScenario> {
    const { item, granted } = await visible(caller, id);
    if (!canReview(caller, item, granted)) throw new ApiError(403, 'forbidden', 'Only a reviewer over the author\u2019s unit (not the author) may do this.');
    return item;
  }

  router.get('/', async (_req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const granted = await lib.isReviewer(caller.user.id);
    const reviewPath = caller.user.role === 'admin' ? '' : caller.user.role === 'manager' || granted ? caller.unitPath : null;
    const items = await lib.workspace(caller.user.id, reviewPath);
    res.json(items.map((i) => ({ ...i, mayEdit: canEditDraft(caller, i), mayReview: canReview(caller, i, granted) })));
  });

  router.put('/:id/draft', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const { id } = validate(IdParams, req.params, 'scenario id');
    const checked = checkContent(req.body);
    if (!checked.ok) throw new ApiError(422, 'checkFailed', `The scenario does not pass the checks (${checked.issues.length} issue(s)).`, checked.issues.slice(0, 50).map((i) => ({ path: i.path, message: i.rule })));
    if (checked.scenario.id !== id) throw new ApiError(400, 'idMismatch', `The scenario's id "${checked.scenario.id}" is not "${id}".`, [{ path: '$.id', message: `must be "${id}"` }]);
    const existing = await lib.get(id);
    if ((existing && !canEditDraft(caller, existing)) || (!existing && library.catalogue.get(id))) {
      throw new ApiError(409, 'idTaken', `The id "${id}" is already used by another scenario; choose another id.`, [{ path: '$.id', message: 'already used' }]);
    }
    const ownerId = existing?.ownerId ?? caller.user.id;
    const saved = await lib.saveDraft({ id, ownerId, unitId: caller.user.unitId, content: checked.scenario, hash: checked.hash }).catch(conflict);
    res.status(saved.created ? 201 : 200).json({ ...saved.scenario, draftHash: checked.hash });
  });

  router.get('/:id', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const { id } = validate(IdParams, req.params, 'scenario id');
    const { item, granted } = await visible(caller, id);
    const [draft, versions, transitions] = await Promise.all([lib.draft(id), lib.versions(id), lib.transitions(id)]);
    const names = new Map<string, string>();
    for (const actor of new Set([...transitions.map((t) => t.actorId), ...versions.map((v) => v.authorId)])) {
      if (actor === null) continue;
      const user = await store.accounts.getUser(actor);
      if (user) names.set(actor, user.displayName);
    }
    res.json({
      ...item,
      mayEdit: canEditDraft(caller, item),
      mayReview: canReview(caller, item, granted),
      draft,
      versions: versions.map((v) => ({ ...v, authorName: v.authorId ? (names.get(v.authorId) ?? null) : null })),
      transitions: transitions.map((t) => ({ ...t, actorName: t.actorId ? (names.get(t.actorId) ?? null) : null })),
    });
  });

  router.get('/:id/versions/:version', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const { id, version } = validate(VersionParams, req.params, 'version');
    await visible(caller, id);
    const found = await lib.versionContent(id, version);
    if (!found) throw new ApiError(404, 'notFound', `No version ${version} of "${id}".`);
    res.json({ ...found.info, content: found.content });
  });

  router.get('/:id/diff', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const { id } = validate(IdParams, req.params, 'scenario id');
    const query = validate(DiffQuery, req.query, 'diff query');
    await visible(caller, id);
    const from = await lib.versionContent(id, query.from);
    const to: Scenario | null = query.to === 'draft' ? await lib.draft(id) : ((await lib.versionContent(id, query.to))?.content ?? null);
    if (!from || !to) throw new ApiError(404, 'notFound', `No such versions of "${id}" to compare.`);
    res.json(diffScenarios(from.content, to));
  });

  router.post('/:id/submit', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.author');
    const { id } = validate(IdParams, req.params, 'scenario id');
    const body = validate(SubmitBody, req.body ?? {}, 'submission');
    const { item } = await visible(caller, id);
    if (!canEditDraft(caller, item)) throw new ApiError(403, 'forbidden', 'Only the author may submit this scenario.');
    const draft = await lib.draft(id);
    if (!draft) throw new ApiError(409, 'noDraft', `"${id}" has no draft to submit.`);
    // Checked again: the engine may have changed its rules since the draft was saved.
    const checked = checkContent(draft);
    if (!checked.ok) throw new ApiError(422, 'checkFailed', 'The draft does not pass the checks.', checked.issues.slice(0, 50).map((i) => ({ path: i.path, message: i.rule })));
    const ghost = await ingest.ghost(checked.scenario);
    const refusals = ghostRefusals(ghost);
    if (refusals.length > 0) {
      res.status(422).json({ error: { code: 'ghostRunFailed', message: `The ghost run refuses this draft: ${refusals.join('; ')}.`, issues: refusals.map((message) => ({ path: '$.rubric', message })) }, ghost });
      return;
    }
    const version = await lib
      .submit({ id, actorId: caller.user.id, content: checked.scenario, hash: checked.hash, draftHash: item.draftHash ?? checked.hash, ghost, comment: body.comment ?? null })
      .catch(conflict);
    res.status(201).json(version);
  });

  const review = (action: 'return' | 'approve' | 'comment', schema: typeof ReturnBody | typeof ApproveBody, from: readonly VersionStatus[], to: VersionStatus | null) =>
    router.post(`/:id/versions/:version/${action}`, async (req, res) => {
      const caller = signedIn(callerOf(res), 'library.review');
      const { id, version } = validate(VersionParams, req.params, 'version');
      const body = validate(schema, req.body ?? {}, action);
      await reviewable(caller, id);
      const done = await lib.transition({ id, version, action, from, to, actorId: caller.user.id, comment: withItem(body.comment, 'item' in body ? body.item : undefined) }).catch(conflict);
      res.json(done);
    });
  review('return', ReturnBody, ['submitted', 'approved'], 'returned');
  review('approve', ApproveBody, ['submitted'], 'approved');
  review('comment', CommentBody, ['submitted', 'approved', 'returned', 'published'], null);

  router.post('/:id/versions/:version/publish', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.review');
    const { id, version } = validate(VersionParams, req.params, 'version');
    const body = validate(PublishBody, req.body, 'publication');
    await reviewable(caller, id);
    const scope = await store.accounts.getUnit(body.scopeUnitId);
    if (!scope) throw new ApiError(422, 'unknownUnit', `No unit "${body.scopeUnitId}".`, [{ path: '$.scopeUnitId', message: 'no such unit' }]);
    if (!canPublishTo(caller, scope)) throw new ApiError(403, 'forbidden', `You may publish only within your own unit's subtree, not to "${scope.id}".`);
    const done = await lib.transition({ id, version, action: 'publish', from: ['submitted', 'approved'], to: 'published', actorId: caller.user.id, comment: body.comment ?? null, scopeUnitId: scope.id }).catch(conflict);
    await library.refresh();
    res.json(done);
  });

  router.post('/:id/withdraw', async (req, res) => {
    const caller = signedIn(callerOf(res), 'library.review');
    const { id } = validate(IdParams, req.params, 'scenario id');
    const body = validate(WithdrawBody, req.body, 'withdrawal');
    const item = await lib.get(id);
    const granted = await lib.isReviewer(caller.user.id);
    // Built-ins are nobody's draft: only an admin takes one out of the catalogue.
    if (!item || (!item.builtin && !canSeeLibraryItem(caller, item, granted))) throw new ApiError(404, 'notFound', `No scenario "${id}" in your library.`);
    if (!canReview(caller, item, granted)) throw new ApiError(403, 'forbidden', 'Only a reviewer over the author\u2019s unit may withdraw this scenario.');
    await lib.withdraw(id, caller.user.id, body.comment).catch(conflict);
    await library.refresh();
    res.status(204).end();
  });

  return router;
}
