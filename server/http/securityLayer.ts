/** The first thing every HTTP request meets: security headers (helmet) on every answer, pages, /api,
 *  /xapi and the real-time matchmaker alike, and the one CORS decision for all of them, which allows
 *  only origins named in configuration. It reads no body and answers nothing itself. */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import helmet from 'helmet';

export interface SecurityOptions {
  /** Origins (scheme://host[:port]) allowed to call this server from another site, with credentials. */
  corsOrigins?: readonly string[];
  /** The server is reached over HTTPS (directly or through a proxy): adds HSTS and upgrades requests. */
  https?: boolean;
}

/** Set by the gate on the request when its Origin is allowed; any copy a client sends is removed first,
 *  because the matchmaker's CORS hook sees only the request's headers. */
const ALLOWED_MARK = 'x-fireground-cors-allowed';

const CORS_HEADERS = {
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': 'GET,HEAD,PUT,POST,DELETE',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Experience-API-Version',
  'Access-Control-Max-Age': '600',
};

/** Normalises an origin as browsers send it (no path, no trailing slash, lowercase scheme and host). */
export function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

let colyseusCorsReplaced = false;

/** Colyseus answers CORS for every request on its port with `*`-like defaults (it echoes any Origin with
 *  credentials). Its defaults are emptied and its hook answers only for requests the gate marked. */
function replaceColyseusCors(): void {
  if (colyseusCorsReplaced) return;
  colyseusCorsReplaced = true;
  const defaults = matchMaker.controller.DEFAULT_CORS_HEADERS as Record<string, string>;
  for (const key of Object.keys(defaults)) delete defaults[key];
  matchMaker.controller.getCorsHeaders = (headers: Headers) => {
    const origin = headers.get('origin');
    if (headers.get(ALLOWED_MARK) !== '1' || origin === null) return { Vary: 'Origin' };
    return { ...CORS_HEADERS, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  };
}

export function securityHeaders(options: SecurityOptions): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline script anywhere: the built index.html loads modules only (checked in tests).
        scriptSrc: ["'self'"],
        // React and Phaser set element styles through the DOM, which CSP allows; inline style
        // attributes stay allowed because a style cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only over HTTPS: on a plain-HTTP station network it would send the browser to a port that is not there.
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}

/** Decides a matchmaking request before Colyseus sees it; answers it itself (false) or lets it on (true). */
export type MatchmakeGate = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Puts the gate in front of every other request listener on `http`: they are taken off and called by
 *  the gate, so a matchmaking request can wait for `matchmake` (limits, the caller's account) before
 *  Colyseus reads it. Call it after the game server listens, when Colyseus has put its listener there. */
export function installSecurityLayer(http: HttpServer, options: SecurityOptions, matchmake?: MatchmakeGate): void {
  replaceColyseusCors();
  const allowed = new Set((options.corsOrigins ?? []).map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null));
  const headers = securityHeaders(options);
  const listeners = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    for (const listener of listeners) listener.call(http, req, res);
  };
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const name of INTERNAL_HEADERS) delete req.headers[name];
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(normaliseOrigin(origin) ?? '')) req.headers[ALLOWED_MARK] = '1';
    // helmet only sets headers and calls back synchronously; it never answers.
    headers(req, res, () => undefined);
    if (matchmake && req.method === 'POST' && (req.url ?? '').startsWith('/matchmake/')) {
      // The body stays unread (paused) until Colyseus takes the request.
      matchmake(req, res).then(
        (go) => {
          if (go) forward(req, res);
        },
        () => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
        },
      );
      return;
    }
    forward(req, res);
  });
}

/** Headers only the gate may set on a request; a client's copies are removed before anything reads them. */
export const ADDRESS_MARK = 'x-fireground-address';
export const CALLER_MARK = 'x-fireground-caller';
const INTERNAL_HEADERS = [ALLOWED_MARK, ADDRESS_MARK, CALLER_MARK];

/** Whether a request's Origin is in the allow-list (the CSRF check lets these change state too). */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  return req.headers[ALLOWED_MARK] === '1';
}
