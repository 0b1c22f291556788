/** Entry point for `npm start`: reads the environment, opens the results store, starts the server and
 *  prints its URL. The only file that reads process.env, logs, or handles signals. */
import { resolve } from 'node:path';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { createServer, type RunningServer } from './createServer';
import { normaliseOrigin } from './http/securityLayer';
import { CatalogueError, loadScenarioCatalogue } from './scenarioCatalogue';
import { openPgliteRunStore } from './store/PgliteRunStore';
import { openPgRunStore } from './store/PgRunStore';
import type { SqlStore } from './store/SqlStore';
import { DEFAULT_XAPI_CONFIG } from './xapi/attemptStatements';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(2567),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  /** host:port (or host/path behind a proxy) where clients reach this process; see README. */
  PUBLIC_ADDRESS: z.string().min(1).optional(),
  /** Base IRI of xAPI activities and accounts; see README. */
  XAPI_BASE_IRI: z.url().transform((u) => u.replace(/\/+$/, '')).optional(),
  /** LRS clients of /xapi as `name:password` pairs separated by commas. */
  XAPI_CLIENTS: z
    .string()
    .regex(/^[^:,\s]+:[^,\s]+(,[^:,\s]+:[^,\s]+)*$/, 'expected name:password[,name:password...]')
    .transform((s) => s.split(',').map((pair) => ({ username: pair.slice(0, pair.indexOf(':')), password: pair.slice(pair.indexOf(':') + 1) })))
    .optional(),
  /** An external LRS to forward generated statements to, with its Basic credentials; see README. */
  XAPI_FORWARD_URL: z.url().optional(),
  XAPI_FORWARD_USERNAME: z.string().min(1).optional(),
  XAPI_FORWARD_PASSWORD: z.string().min(1).optional(),
  /** The longest pause between tries while that LRS is unreachable, in seconds. */
  XAPI_FORWARD_MAX_BACKOFF_S: z.coerce.number().int().min(1).max(86_400).default(300),
  /** Origins allowed to call /api, /xapi and the matchmaker from another site, separated by commas. */
  CORS_ORIGINS: z
    .string()
    .transform((s) => s.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
    .pipe(z.array(z.string().refine((o) => normaliseOrigin(o) === o, 'each origin is scheme://host[:port], no path or trailing slash')))
    .optional(),
  /** Run uploads allowed in five minutes per client address and per signed-in account. */
  UPLOADS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).optional(),
  UPLOADS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** `true` when clients reach the server over HTTPS (usually through a proxy): Secure cookies and HSTS. */
  HTTPS: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  /** Which proxies' X-Forwarded-For to believe: `true`, a hop count, or addresses and subnets; see README. */
  TRUST_PROXY: z
    .string()
    .min(1)
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v))
    .optional(),
}).refine((env) => env.XAPI_FORWARD_URL === undefined || (env.XAPI_FORWARD_USERNAME !== undefined && env.XAPI_FORWARD_PASSWORD !== undefined), {
  message: 'XAPI_FORWARD_URL needs XAPI_FORWARD_USERNAME and XAPI_FORWARD_PASSWORD',
  path: ['XAPI_FORWARD_URL'],
});

async function main(): Promise<void> {
  const parsedEnv = Env.safeParse(process.env);
  if (!parsedEnv.success) {
    console.error(`Fireground cannot start: bad environment:\n${parsedEnv.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    process.exit(1);
  }
  const env = parsedEnv.data;

  let catalogue;
  try {
    catalogue = loadScenarioCatalogue();
  } catch (error) {
    if (error instanceof CatalogueError) {
      console.error(`Fireground cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const store: SqlStore = env.DATABASE_URL ? openPgRunStore({ connectionString: env.DATABASE_URL }) : await openPgliteRunStore(resolve(env.DATA_DIR, 'pglite'));
  await store.migrate();

  const server = await createServer({
    port: env.PORT,
    ...(env.HOST ? { host: env.HOST } : {}),
    store,
    catalogue,
    ...(env.PUBLIC_ADDRESS ? { publicAddress: env.PUBLIC_ADDRESS } : {}),
    security: { corsOrigins: env.CORS_ORIGINS ?? [], https: env.HTTPS },
    uploads: { ...(env.UPLOADS_PER_ADDRESS ? { perAddress: env.UPLOADS_PER_ADDRESS } : {}), ...(env.UPLOADS_PER_ACCOUNT ? { perAccount: env.UPLOADS_PER_ACCOUNT } : {}) },
    ...(env.TRUST_PROXY !== undefined ? { trustProxy: env.TRUST_PROXY } : {}),
    ...(env.REDIS_URL ? { presence: new RedisPresence(env.REDIS_URL), driver: new RedisDriver(env.REDIS_URL), limits: { kind: 'redis' as const, client: new Redis(env.REDIS_URL) } } : {}),
    onUnexpectedError: (err) => console.error('Unexpected error while answering a request:', err),
    xapi: {
      baseIri: env.XAPI_BASE_IRI ?? DEFAULT_XAPI_CONFIG.baseIri,
      clients: env.XAPI_CLIENTS ?? [],
      ...(env.XAPI_FORWARD_URL && env.XAPI_FORWARD_USERNAME && env.XAPI_FORWARD_PASSWORD
        ? { forward: { url: env.XAPI_FORWARD_URL, username: env.XAPI_FORWARD_USERNAME, password: env.XAPI_FORWARD_PASSWORD, maxBackoffMs: env.XAPI_FORWARD_MAX_BACKOFF_S * 1000 } }
        : {}),
    },
  });
  console.log(`Fireground is running at ${server.url}`);

  running = { server, store };
  if (stopRequested) stop();
}

/** Set once everything is up. A signal during startup waits for it, so nothing is closed mid-open;
 *  a second signal still kills the process at once (the handlers are `once`). */
let running: { server: RunningServer; store: SqlStore } | null = null;
let stopRequested = false;
let stopping = false;

function stop(): void {
  stopRequested = true;
  if (!running || stopping) return;
  stopping = true;
  const { server, store } = running;
  void (async () => {
    try {
      await server.close();
      await store.close();
      process.exit(0);
    } catch (error) {
      console.error('Fireground did not shut down cleanly:', error);
      process.exit(1);
    }
  })();
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

main().catch((error: unknown) => {
  console.error('Fireground failed to start:', error);
  process.exit(1);
});
