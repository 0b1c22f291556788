/** Sign-in, sign-out, "who am I" and changing one's own password. Passwords are checked with Argon2id;
 *  every check first reserves an attempt from the shared throttle (auth/loginThrottle.ts); the answer
 *  never says whether the username or the password was wrong. */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { signedIn } from '../access/policy';
import type { LoginThrottle } from '../auth/loginThrottle';
import { dummyHash, hashPassword, verifyPassword } from '../auth/passwordHash';
import { explainPasswordProblem, MAX_LENGTH, passwordProblem, type PasswordProblem } from '../auth/passwordPolicy';
import { callerOf, endSession, readCookie, SESSION_COOKIE, startSession, type SessionOptions } from '../auth/sessions';
import { ApiError } from './ApiError';
import { validate } from './validate';

const Login = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(MAX_LENGTH) });
const ChangePassword = z.strictObject({ currentPassword: z.string().min(1).max(MAX_LENGTH), newPassword: z.string().min(1).max(MAX_LENGTH) });

/** The client's address as express sees it under the `trust proxy` setting (TRUST_PROXY). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** 422 with a code per problem (`passwordTooShort`, `passwordCommon`...), which the client translates. */
export function passwordRefused(problem: PasswordProblem, path: string): ApiError {
  const message = explainPasswordProblem(problem);
  return new ApiError(422, `password${problem[0]?.toUpperCase() ?? ''}${problem.slice(1)}`, message, [{ path, message }]);
}

function tooMany(res: Response, retryAfterS: number): ApiError {
  res.setHeader('retry-after', String(retryAfterS));
  return new ApiError(429, 'tooManyAttempts', 'Too many failed sign-ins. Wait a while and try again.');
}

export function authRouter(sessions: SessionOptions, throttle: LoginThrottle): Router {
  const router = Router();
  const { accounts } = sessions;

  router.post('/login', async (req, res) => {
    const { username, password } = validate(Login, req.body, 'sign-in');
    const address = clientAddress(req);
    const reservation = await throttle.reserve(username, address);
    if (!reservation.allowed) throw tooMany(res, reservation.retryAfterS);
    const user = await accounts.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || user.disabled) {
      await throttle.failed(username, address, reservation);
      throw new ApiError(401, 'invalidCredentials', 'The username or password is wrong.');
    }
    await throttle.succeeded(username, address);
    await startSession(sessions, res, user);
    const { passwordHash: _hidden, ...shown } = user;
    res.json({ user: shown });
  });

  router.post('/logout', async (req, res) => {
    await endSession(sessions, res, readCookie(req.headers.cookie, SESSION_COOKIE));
    res.status(204).end();
  });

  router.get('/me', async (_req, res) => {
    const caller = callerOf(res);
    if (!caller) throw new ApiError(401, 'signInRequired', 'Not signed in.');
    res.json({ user: caller.user, unit: await accounts.getUnit(caller.user.unitId) });
  });

  /** A new password for oneself: the current one again (throttled like sign-in), the policy, then every
   *  session of the person ends and this one starts afresh. */
  router.post('/password', async (req, res) => {
    const caller = signedIn(callerOf(res), 'password.change');
    const { currentPassword, newPassword } = validate(ChangePassword, req.body, 'password change');
    const address = clientAddress(req);
    const reservation = await throttle.reserve(caller.user.username, address);
    if (!reservation.allowed) throw tooMany(res, reservation.retryAfterS);
    const user = await accounts.findByUsername(caller.user.username);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await throttle.failed(caller.user.username, address, reservation);
      throw new ApiError(403, 'wrongPassword', 'The current password is wrong.');
    }
    await throttle.succeeded(caller.user.username, address);
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw passwordRefused(problem, '$.newPassword');
    await accounts.setPasswordHash(user.id, await hashPassword(newPassword));
    await accounts.revokeUserSessions(user.id, sessions.now());
    await startSession(sessions, res, user);
    res.status(204).end();
  });

  return router;
}
