/** The /api application: JSON in and out, body size capped, every failure in the ApiError shape.
 *  Holds no state of its own; the store and catalogue are passed in. */
import express, { type Express } from 'express';
import { ENGINE_VERSION } from '../../engine/index';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { RunStore } from '../store/RunStore';
import { ApiError, errorHandler } from './ApiError';
import { runsRouter } from './runsRouter';
import { scenariosRouter } from './scenariosRouter';

/** A run record of MAX_LOGGED_INTENTS short intents fits well inside this. */
export const MAX_BODY = '2mb';

export interface ApiDeps {
  store: RunStore;
  catalogue: ScenarioCatalogue;
  onUnexpectedError: (err: unknown) => void;
}

export function createApi({ store, catalogue, onUnexpectedError }: ApiDeps): Express {
  const api = express();
  api.disable('x-powered-by');
  api.use(express.json({ limit: MAX_BODY }));
  api.get('/health', (_req, res) => {
    res.json({ ok: true, engineVersion: ENGINE_VERSION, scenarios: catalogue.list().length });
  });
  api.use('/scenarios', scenariosRouter(catalogue));
  api.use('/runs', runsRouter(store, catalogue));
  api.use((req) => {
    throw new ApiError(404, 'notFound', `No API route ${req.method} ${req.path}.`);
  });
  api.use(errorHandler(onUnexpectedError));
  return api;
}
