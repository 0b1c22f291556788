/** The catalogue a caller may play: built-ins for anyone, and for people what was published to a unit
 *  above or equal to theirs, each at its published version and marked "new" or "updated". Read only:
 *  scenarios reach the library through /api/library, never here. */
import { Router } from 'express';
import { z } from 'zod';
import { catalogueScope } from '../access/policy';
import { callerOf } from '../auth/sessions';
import type { ScenarioLibrary } from '../library/ScenarioLibrary';
import type { ScenarioStore } from '../store/ScenarioStore';
import { ApiError } from './ApiError';
import { validate } from './validate';

const ScenarioParams = z.object({ id: z.string().min(1).max(100) });

/** How long a publication shows as "new" or "updated" in the catalogue. */
export const FRESH_DAYS = 14;

export function scenariosRouter(store: ScenarioStore, library: ScenarioLibrary, now: () => Date): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const entries = await store.published(catalogueScope(callerOf(res)), false);
    const since = now().getTime() - FRESH_DAYS * 86_400_000;
    const listed = [];
    // Versions are immutable, so the library's cache by content hash serves their summaries.
    for (const e of entries) {
      const s = await library.exact(e.id, e.contentHash);
      if (s) listed.push({ e, s });
    }
    res.json(
      listed
        .map(({ e, s }) => {
          const fresh = Date.parse(e.publishedAt) >= since;
          // A built-in's first version is the installation itself, not news.
          const mark = !fresh || (e.builtin && !e.republished) ? null : e.republished ? 'updated' : 'new';
          return { id: s.id, title: s.title, summary: s.summary, category: s.category, difficulty: s.difficulty, estimatedMinutes: s.estimatedMinutes, version: e.version, contentHash: e.contentHash, builtin: e.builtin, publishedAt: e.publishedAt, mark };
        })
        .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id)),
    );
  });
  router.get('/:id', async (req, res) => {
    const { id } = validate(ScenarioParams, req.params, 'scenario id');
    const entry = (await store.published(catalogueScope(callerOf(res)), false)).find((e) => e.id === id);
    const scenario = entry ? await library.exact(entry.id, entry.contentHash) : undefined;
    if (!entry || !scenario) throw new ApiError(404, 'notFound', `No scenario "${id}".`);
    res.setHeader('x-scenario-version', String(entry.version));
    res.json(scenario);
  });
  return router;
}
