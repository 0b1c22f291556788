/** Read-only scenario routes, served from the catalogue loaded at startup. Never accepts scenarios. */
import { Router } from 'express';
import { z } from 'zod';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import { ApiError } from './ApiError';
import { validate } from './validate';

const ScenarioParams = z.object({ id: z.string().min(1).max(100) });

export function scenariosRouter(catalogue: ScenarioCatalogue): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(catalogue.list());
  });
  router.get('/:id', (req, res) => {
    const { id } = validate(ScenarioParams, req.params, 'scenario id');
    const scenario = catalogue.get(id);
    if (!scenario) throw new ApiError(404, 'notFound', `No scenario "${id}".`);
    res.json(scenario);
  });
  return router;
}
