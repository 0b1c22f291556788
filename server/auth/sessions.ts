/** Server-side sessions: an opaque random token in an HttpOnly, SameSite=Strict cookie, and only its
 *  SHA-256 in the store, with an absolute expiry and revocation. Never puts user data in the cookie. */
import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Caller } from '../access/policy';
import type { AccountStore, User } from '../store/AccountStore';

export const SESSION_COOKIE = 'fg_session';
/** A working shift: long enough for a training day, short enough that a lost laptop stops working. */
export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionOptions {
  accounts: AccountStore;
  now: () => Date;
  ttlMs: number;
  /** Adds `Secure` to the cookie; on when the server sits behind HTTPS. */
  secureCookies: boolean;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function cookie(options: SessionOptions, value: string, maxAgeS: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${options.secureCookies ? '; Secure' : ''}`;
}

export async function startSession(options: SessionOptions, res: Response, user: User): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = options.now();
  await options.accounts.createSession({ tokenHash: hashToken(token), userId: user.id, createdAt, expiresAt: new Date(createdAt.getTime() + options.ttlMs) });
  res.setHeader('set-cookie', cookie(options, token, Math.floor(options.ttlMs / 1000)));
}

export async function endSession(options: SessionOptions, res: Response, token: string | null): Promise<void> {
  if (token) await options.accounts.revokeSession(hashToken(token), options.now());
  res.setHeader('set-cookie', cookie(options, '', 0));
}

/** Finds the caller for every request and leaves it in res.locals.caller (null when signed out). A
 *  stale, revoked or unknown cookie simply reads as signed out. */
export function authenticate(options: SessionOptions): RequestHandler {
  return (req, res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    res.locals.caller = null;
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      next();
      return;
    }
    options.accounts
      .findLiveSession(hashToken(token), options.now())
      .then((found) => {
        res.locals.caller = found ? ({ user: found.user, unitPath: found.unitPath, sessionId: found.session.id } satisfies Caller) : null;
        next();
      })
      .catch(next);
  };
}

export function callerOf(res: Response): Caller {
  return (res.locals.caller as Caller | undefined) ?? null;
}
