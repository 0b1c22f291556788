/** Builds the one HTTP server that carries the /api routes, the Colyseus rooms (WebSocket upgrade on
 *  the same port) and the built client. Opens no database itself: the store is passed in. */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { availableParallelism } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Server as GameServer, type matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { TICK_MS } from '../engine/index';
import { createApi, type AuthOptions } from './http/createApi';
import { LoginThrottle } from './auth/loginThrottle';
import { drillGate } from './drills/drillGate';
import { installSecurityLayer, type SecurityOptions } from './http/securityLayer';
import { staticClient } from './http/staticClient';
import { RateLimits, type LimitBackend } from './limits/RateLimits';
import type { UploadLimitOptions } from './runs/uploadLimits';
import { DrillRoom } from './rooms/DrillRoom';
import { ScenarioLibrary } from './library/ScenarioLibrary';
import { RunIngest } from './runs/RunIngest';
import { loadScenarioCatalogue, type ScenarioCatalogue } from './scenarioCatalogue';
import type { StoredRun } from './store/RunStore';
import type { SqlStore } from './store/SqlStore';
import { DEFAULT_XAPI_CONFIG, recordAttempt, type XapiConfig } from './xapi/attemptStatements';
import { LrsForwarder } from './xapi/LrsForwarder';
import { xapiRouter } from './xapi/xapiRouter';

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  store: SqlStore;
  /** Clock, session lifetime and cookie flags; defaults suit `npm start`. */
  auth?: AuthOptions;
  /** The built-in library; defaults to every scenario under scenarios/. Loaded into the store's
   *  scenario library at start (once per content hash). */
  catalogue?: ScenarioCatalogue;
  /** Colyseus presence and driver; local (in-process) ones when omitted. */
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  /** host:port (or host/path) clients reach this process at; with several processes sharing rooms the
   *  SDK connects to the room's own process through it. */
  publicAddress?: string;
  /** Wall-clock milliseconds per drill tick; TICK_MS (real time) unless a test runs drills faster. */
  drillTickMs?: number;
  /** Where to serve the built client from; dist/client by default. */
  clientDir?: string;
  onUnexpectedError?: (err: unknown) => void;
  /** xAPI activity base IRI and the LRS clients allowed on /xapi (none: /xapi answers 401). */
  xapi?: XapiConfig;
  /** Worker threads that replay uploaded runs; default one fewer than the cores, at least one. */
  verifyWorkers?: number;
  /** Origins allowed cross-site, and whether clients reach the server over HTTPS; see README. */
  security?: SecurityOptions;
  /** Where rate-limit counters live: the store by default, Redis when several processes share one. */
  limits?: LimitBackend;
  /** Uploads allowed per address and per account in five minutes (UPLOADS_PER_ADDRESS, UPLOADS_PER_ACCOUNT). */
  uploads?: UploadLimitOptions;
  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the client's address. None by default. */
  trustProxy?: boolean | number | string;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Each scenario's playable version (built-ins and published library scenarios). */
  catalogue: ScenarioCatalogue;
  library: ScenarioLibrary;
  /** Stops rooms and connections and closes the port; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

function whenClosed(http: HttpServer): Promise<void> {
  if (!http.listening) return Promise.resolve();
  return new Promise((resolve) => http.once('close', () => resolve()));
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const catalogue = options.catalogue ?? loadScenarioCatalogue();
  const library = new ScenarioLibrary(options.store.scenarios, catalogue);
  await library.loadBuiltins();
  const onUnexpectedError = options.onUnexpectedError ?? (() => undefined);
  const http = createHttpServer();
  const xapiConfig = options.xapi ?? DEFAULT_XAPI_CONFIG;
  const forwarder = xapiConfig.forward ? new LrsForwarder(options.store.xapi, xapiConfig.forward, { ...xapiConfig.forward, onError: onUnexpectedError }) : null;
  const onStored = async (run: StoredRun): Promise<void> => {
    await recordAttempt(options.store, catalogue, run, xapiConfig.baseIri);
    forwarder?.nudge();
  };
  const ingest = new RunIngest(options.store, library, {
    workers: options.verifyWorkers ?? Math.max(1, availableParallelism() - 1),
    onVerified: onStored,
    onError: onUnexpectedError,
  });

  const limits = new RateLimits(options.limits ?? { kind: 'sql', db: options.store.client });

  const game = new GameServer({
    transport: new WebSocketTransport({ server: http }),
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    greet: false,
    // Signals belong to main.ts, which also closes the store; tests start and stop servers themselves.
    gracefullyShutdown: false,
    express: (app) => {
      app.disable('x-powered-by');
      // Set before the sub-applications mount, which read it through their parent's settings.
      app.set('trust proxy', options.trustProxy ?? false);
      // Cookies are Secure whenever clients come over HTTPS, unless a caller says otherwise.
      const auth = { ...options.auth, secureCookies: options.auth?.secureCookies ?? options.security?.https ?? false };
      app.use('/api', createApi({ store: options.store, library, onUnexpectedError, xapi: xapiConfig, ingest, auth, limits, ...(options.uploads ? { uploads: options.uploads } : {}) }));
      app.use('/xapi', xapiRouter(options.store, xapiConfig, options.auth?.now ?? (() => new Date()), onUnexpectedError, new LoginThrottle(limits, 'xapi')));
      app.use(staticClient(options.clientDir));
    },
  });
  // Always set, so a client's create options can never supply them.
  game.define('drill', DrillRoom, { catalogue, store: options.store, tickMs: options.drillTickMs ?? TICK_MS, onStored });

  try {
    // Listening only once uploads can be verified, so a health check means the server can take runs.
    await ingest.ready();
    await game.listen(options.port, options.host);
    installSecurityLayer(http, options.security ?? {}, drillGate({ accounts: options.store.accounts, limits, trustProxy: options.trustProxy ?? false, now: options.auth?.now ?? (() => new Date()) }));
  } catch (error) {
    // The worker threads would otherwise keep a process alive that failed to start.
    await ingest.close();
    throw error;
  }
  ingest.start();
  forwarder?.start();
  const address = http.address() as AddressInfo;
  const shownHost = options.host === undefined || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    catalogue,
    library,
    close() {
      closing ??= (async () => {
        const closed = whenClosed(http);
        await game.gracefullyShutdown(false);
        http.closeAllConnections();
        await closed;
        await ingest.close();
        await forwarder?.close();
      })();
      return closing;
    },
  };
}
