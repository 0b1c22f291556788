/** The organisation: units and people a caller may see, creating accounts, signing someone out
 *  everywhere. Every decision is asked of access/policy.ts. */
import { Router } from 'express';
import { z } from 'zod';
import { canCreateUser, canRevokeSessionsOf, canSeeUnit, peopleFilter, signedIn } from '../access/policy';
import { hashPassword } from '../auth/passwordHash';
import { MAX_LENGTH, passwordProblem } from '../auth/passwordPolicy';
import { callerOf, type SessionOptions } from '../auth/sessions';
import { ROLES } from '../store/AccountStore';
import { ApiError } from './ApiError';
import { passwordRefused } from './authRouter';
import { validate } from './validate';

const NewUser = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/),
  displayName: z.string().min(1).max(100),
  role: z.enum(ROLES),
  unitId: z.string().min(1).max(64),
  // Length and the common-password list are checked by auth/passwordPolicy.ts (NIST SP 800-63B).
  password: z.string().min(1).max(MAX_LENGTH),
});
const UserParams = z.object({ id: z.uuid() });

export function orgRouter(sessions: SessionOptions): Router {
  const router = Router();
  const { accounts } = sessions;

  router.get('/units', async (_req, res) => {
    const caller = signedIn(callerOf(res), 'org.read');
    const units = await accounts.listUnits();
    res.json(units.filter((u) => canSeeUnit(caller, u)));
  });

  router.get('/users', async (_req, res) => {
    const caller = signedIn(callerOf(res), 'org.read');
    res.json(await accounts.listUsers(peopleFilter(caller)));
  });

  router.post('/users', async (req, res) => {
    const caller = signedIn(callerOf(res), 'users.create');
    const body = validate(NewUser, req.body, 'new user');
    const unit = await accounts.getUnit(body.unitId);
    // A unit outside the caller's scope answers exactly like one that does not exist.
    if (!unit || !canSeeUnit(caller, unit)) throw new ApiError(422, 'unknownUnit', `No unit "${body.unitId}".`);
    if (!canCreateUser(caller, body.role, unit)) throw new ApiError(403, 'forbidden', 'You may not create this account.');
    const problem = passwordProblem(body.password, body.username);
    if (problem) throw passwordRefused(problem, '$.password');
    if (await accounts.findByUsername(body.username)) throw new ApiError(409, 'usernameTaken', `The username "${body.username}" is taken.`);
    const user = await accounts.createUser({ username: body.username, displayName: body.displayName, role: body.role, unitId: unit.id, passwordHash: await hashPassword(body.password) });
    res.status(201).json(user);
  });

  router.post('/users/:id/sessions/revoke', async (req, res) => {
    const caller = signedIn(callerOf(res), 'sessions.revoke');
    const { id } = validate(UserParams, req.params, 'user id');
    const user = await accounts.getUser(id);
    const unit = user ? await accounts.getUnit(user.unitId) : null;
    // Someone the caller may not manage reads as absent, like a run outside their scope.
    if (!user || !unit || !canRevokeSessionsOf(caller, user, unit.path)) throw new ApiError(404, 'notFound', `No user ${id}.`);
    res.json({ revoked: await accounts.revokeUserSessions(user.id, sessions.now()) });
  });

  return router;
}
