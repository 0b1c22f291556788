/** What the server checks on a matchmaking request before Colyseus handles it: join and create attempts
 *  per client address (join codes cannot be guessed at speed). It stamps the address and the signed-in
 *  caller on the request for DrillRoom.onAuth, which reads nothing else from the request. It never
 *  reads the body. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { hashToken, readCookie, SESSION_COOKIE } from '../auth/sessions';
import { tryConsume, type RateLimits } from '../limits/RateLimits';
import { ADDRESS_MARK, CALLER_MARK, type MatchmakeGate } from '../http/securityLayer';
import type { AccountStore, Role } from '../store/AccountStore';

/** Join and create attempts per address and minute: a station's trainees joining together fit easily. */
export const MAX_JOINS_PER_ADDRESS_PER_MINUTE = 30;
/** The signed-in person behind a matchmaking request, as DrillRoom.onAuth gets it. */
export interface DrillCaller {
  userId: string;
  role: Role;
  unitId: string;
}

export interface DrillAuth {
  address: string;
  caller: DrillCaller | null;
}

/** Reads what the gate stamped; on a request the gate did not see it answers an unknown, signed-out caller. */
export function drillAuthFrom(headers: Headers): DrillAuth {
  const address = headers.get(ADDRESS_MARK) ?? 'unknown';
  const raw = headers.get(CALLER_MARK);
  if (!raw) return { address, caller: null };
  try {
    return { address, caller: JSON.parse(decodeURIComponent(raw)) as DrillCaller };
  } catch {
    return { address, caller: null };
  }
}

function answer(res: ServerResponse, status: number, code: number, error: string, headers: Record<string, string> = {}): false {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ code, error }));
  return false;
}

export function drillGate(deps: { accounts: AccountStore; limits: RateLimits; trustProxy: boolean | number | string; now: () => Date }): MatchmakeGate {
  const joins = deps.limits.limiter('drill-join', { points: MAX_JOINS_PER_ADDRESS_PER_MINUTE, windowS: 60 });
  // An empty express app, only to read the client's address under the same `trust proxy` rule as /api.
  const addressApp = express();
  addressApp.disable('x-powered-by');
  addressApp.set('trust proxy', deps.trustProxy);
  const addressOf = (req: IncomingMessage, res: ServerResponse): Promise<string> =>
    new Promise((resolve) => {
      addressApp(req as express.Request, res as express.Response, () => resolve((req as express.Request).ip ?? req.socket.remoteAddress ?? 'unknown'));
    });

  return async (req, res) => {
    const match = /^\/matchmake\/(\w+)\/([\w-]+)/.exec(req.url ?? '');
    const method = match?.[1] ?? '';
    const address = await addressOf(req, res);
    req.headers[ADDRESS_MARK] = address;
    // A reconnection carries its own one-time token; everything else is a try at a room.
    if (method !== 'reconnect') {
      const taken = await tryConsume(joins, address);
      if (!taken.allowed) return answer(res, 429, 429, 'too many join attempts; wait a while', { 'retry-after': String(taken.retryAfterS) });
    }
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const found = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await deps.accounts.findLiveSession(hashToken(token), deps.now()) : null;
    const caller: DrillCaller | null = found ? { userId: found.user.id, role: found.user.role, unitId: found.user.unitId } : null;
    if (caller) req.headers[CALLER_MARK] = encodeURIComponent(JSON.stringify(caller));
    return true;
  };
}
