/** Run upload and results routes. Uploads are validated with the engine's RunRecord schema and scored
 *  by replay on the server; nothing a client says about its score is stored as the score. An upload
 *  waits for its verdict unless it sends `Prefer: respond-async` (RFC 7240), which answers 202 once stored. */
import { Router } from 'express';
import { z } from 'zod';
import { RunRecord } from '../../engine/index';
import { authorize, canReadDrillRun, runScope } from '../access/policy';
import { callerOf } from '../auth/sessions';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { RunIngest } from '../runs/RunIngest';
import type { StoredRun } from '../store/RunStore';
import type { SqlStore } from '../store/SqlStore';
import { recordAttempt } from '../xapi/attemptStatements';
import { ApiError } from './ApiError';
import { validate } from './validate';

const RunParams = z.object({ id: z.uuid() });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** True when the Prefer header asks for an asynchronous answer. */
function prefersAsync(prefer: string | undefined): boolean {
  return (prefer ?? '').split(',').some((p) => p.trim().toLowerCase() === 'respond-async');
}

export function runsRouter(store: SqlStore, catalogue: ScenarioCatalogue, ingest: RunIngest, xapiBaseIri: string): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const caller = callerOf(res);
    authorize(caller, 'runs.upload');
    const record = validate(RunRecord, req.body, 'run record');
    const uploader = caller ? { userId: caller.user.id, unitId: caller.user.unitId } : null;
    const async = prefersAsync(req.get('prefer'));
    const { httpStatus, receipt } = await ingest.submit(record, uploader, { wait: !async });
    if (async) res.set('Preference-Applied', 'respond-async');
    if (receipt.status === 'verified') {
      // On a repeat too: a crash between storing the verdict and its statements heals on the next send.
      const stored = await store.getRun(receipt.id);
      if (stored) await recordAttempt(store, catalogue, stored, xapiBaseIri);
    }
    res.status(httpStatus).json(receipt);
  });

  router.get('/', async (req, res) => {
    const caller = callerOf(res);
    authorize(caller, 'runs.read');
    const { limit } = validate(ListQuery, req.query, 'query');
    const runs = await store.listRuns(limit, runScope(caller));
    res.json(
      runs.map((r) => ({
        id: r.id,
        scenarioId: r.scenarioId,
        // A scenario removed since the upload still lists, under its id.
        scenarioTitle: catalogue.get(r.scenarioId)?.title ?? { vi: r.scenarioId, en: r.scenarioId },
        status: r.status,
        percent: r.percent,
        passed: r.passed,
        stars: r.stars,
        receivedAt: r.receivedAt,
        error: r.error,
        ownerId: r.ownerId,
        unitId: r.unitId,
      })),
    );
  });

  // Before '/:id', which would read "best" as a malformed id.
  router.get('/best', async (_req, res) => {
    const caller = callerOf(res);
    authorize(caller, 'runs.read');
    // Signed-out players have no history on the server; their device keeps its own stars.
    res.json(caller ? await store.bestByScenario(caller.user.id) : []);
  });

  router.get('/:id', async (req, res) => {
    const caller = callerOf(res);
    authorize(caller, 'runs.read');
    const { id } = validate(RunParams, req.params, 'run id');
    // A run outside the caller's scope reads as absent, so ids of other units' runs reveal nothing.
    const run = (await store.getRun(id, runScope(caller))) ?? (await readableDrillRun(id));
    if (!run) throw new ApiError(404, 'notFound', `No run ${id}.`);
    res.json(run);

    /** A drill run outside the caller's run scope that they took part in, or whose participants they oversee. */
    async function readableDrillRun(runId: string): Promise<StoredRun | null> {
      if (caller === null) return null;
      const found = await store.getRun(runId);
      if (!found?.drill) return null;
      const participants = await Promise.all(
        found.drill.participants.map(async (p) => ({ userId: p.userId ?? null, unitId: p.unitId ?? null, unitPath: p.unitId ? ((await store.accounts.getUnit(p.unitId))?.path ?? null) : null })),
      );
      return canReadDrillRun(caller, participants) ? found : null;
    }
  });

  return router;
}
