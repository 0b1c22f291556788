/** The /api application: JSON in and out, body size capped, every failure in the ApiError shape.
 *  Holds no state of its own; the store and scenario library are passed in. */
import express, { type Express } from 'express';
import { ENGINE_VERSION } from '../../engine/index';
import { LoginThrottle } from '../auth/loginThrottle';
import { originCheck } from '../auth/originCheck';
import type { RateLimits } from '../limits/RateLimits';
import { uploadLimits, type UploadLimitOptions } from '../runs/uploadLimits';
import { authenticate, DEFAULT_SESSION_TTL_MS, type SessionOptions } from '../auth/sessions';
import type { ScenarioLibrary } from '../library/ScenarioLibrary';
import type { RunIngest } from '../runs/RunIngest';
import type { SqlStore } from '../store/SqlStore';
import { DEFAULT_XAPI_CONFIG, type XapiConfig } from '../xapi/attemptStatements';
import { ApiError, errorHandler } from './ApiError';
import { assignmentsRouter } from './assignmentsRouter';
import { authRouter } from './authRouter';
import { dashboardRouter } from './dashboardRouter';
import { orgRouter } from './orgRouter';
import { libraryRouter } from './libraryRouter';
import { runsRouter } from './runsRouter';
import { scenariosRouter } from './scenariosRouter';

/** A run record of MAX_LOGGED_INTENTS short intents fits well inside this. */
export const MAX_BODY = '2mb';

export interface AuthOptions {
  /** The clock for sessions, throttling and due dates; tests pass a settable one. */
  now?: () => Date;
  sessionTtlMs?: number;
  secureCookies?: boolean;
}

export interface ApiDeps {
  store: SqlStore;
  /** The scenario library; its catalogue holds each scenario's playable version. */
  library: ScenarioLibrary;
  onUnexpectedError: (err: unknown) => void;
  auth?: AuthOptions;
  /** Where generated xAPI statements point; the Statement API itself is mounted by createServer. */
  xapi?: XapiConfig;
  /** The upload path (stores, then verifies in worker threads); createServer owns its lifetime. */
  ingest: RunIngest;
  /** Shared rate-limit counters (the store's, or Redis). */
  limits: RateLimits;
  /** Uploads per address and per account in five minutes; see runs/uploadLimits.ts for the defaults. */
  uploads?: UploadLimitOptions;
}

export function createApi({ store, library, onUnexpectedError, auth = {}, xapi = DEFAULT_XAPI_CONFIG, ingest, limits, uploads = {} }: ApiDeps): Express {
  const api = express();
  const catalogue = library.catalogue;
  api.disable('x-powered-by');
  const sessions: SessionOptions = {
    accounts: store.accounts,
    now: auth.now ?? (() => new Date()),
    ttlMs: auth.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    secureCookies: auth.secureCookies ?? false,
  };
  // Refused before the body is even parsed: cross-site changes, then uploads over their limits (which
  // need the caller, found from the cookie alone); then every route knows its caller (or null).
  api.use(originCheck());
  api.use(authenticate(sessions));
  api.post('/runs', uploadLimits(limits, uploads));
  api.use(express.json({ limit: MAX_BODY }));
  api.get('/health', (_req, res) => {
    res.json({ ok: true, engineVersion: ENGINE_VERSION, scenarios: catalogue.list().length });
  });
  api.use('/scenarios', scenariosRouter(store.scenarios, library, sessions.now));
  api.use('/library', libraryRouter(store, library, ingest));
  api.use('/runs', runsRouter(store, catalogue, ingest, xapi.baseIri));
  api.use('/auth', authRouter(sessions, new LoginThrottle(limits)));
  api.use('/', orgRouter(sessions));
  api.use('/assignments', assignmentsRouter(store, catalogue, sessions.now));
  api.use('/dashboard', dashboardRouter(store, catalogue, sessions.now));
  api.use((req) => {
    throw new ApiError(404, 'notFound', `No API route ${req.method} ${req.path}.`);
  });
  api.use(errorHandler(onUnexpectedError));
  return api;
}
