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

/** Puts the gate in front of every other request listener on `http`. Call it after the game server
 *  listens: Colyseus puts its own listener first when it binds its routes. */
export function installSecurityLayer(http: HttpServer, options: SecurityOptions): void {
  replaceColyseusCors();
  const allowed = new Set((options.corsOrigins ?? []).map((o) => normaliseOrigin(o)).filter((o): o is string => o !== null));
  const headers = securityHeaders(options);
  http.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    delete req.headers[ALLOWED_MARK];
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(normaliseOrigin(origin) ?? '')) req.headers[ALLOWED_MARK] = '1';
    // helmet only sets headers and calls back synchronously; it never answers.
    headers(req, res, () => undefined);
  });
}

/** Whether a request's Origin is in the allow-list (the CSRF check lets these change state too). */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  return req.headers[ALLOWED_MARK] === '1';
}
