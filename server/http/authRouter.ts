/** Sign-in, sign-out and "who am I". Passwords are checked with Argon2id; failures are throttled in
 *  the store; the answer never says whether the username or the password was wrong. */
import { Router } from 'express';
import { z } from 'zod';
import { loginBlocked, THROTTLE_WINDOW_MS } from '../auth/loginThrottle';
import { dummyHash, verifyPassword } from '../auth/passwordHash';
import { callerOf, endSession, readCookie, SESSION_COOKIE, startSession, type SessionOptions } from '../auth/sessions';
import { ApiError } from './ApiError';
import { validate } from './validate';

const Login = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function authRouter(sessions: SessionOptions): Router {
  const router = Router();
  const { accounts, now } = sessions;

  router.post('/login', async (req, res) => {
    const { username, password } = validate(Login, req.body, 'sign-in');
    const ip = req.ip ?? 'unknown';
    if (await loginBlocked(accounts, username, ip, now())) {
      res.setHeader('retry-after', String(THROTTLE_WINDOW_MS / 1000));
      throw new ApiError(429, 'tooManyAttempts', 'Too many failed sign-ins. Wait a while and try again.');
    }
    const user = await accounts.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || user.disabled) {
      await accounts.recordLoginFailure(username, ip, now());
      throw new ApiError(401, 'invalidCredentials', 'The username or password is wrong.');
    }
    await accounts.clearLoginFailures(username);
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

  return router;
}
