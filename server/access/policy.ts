/** The one place that decides access: which roles may call which action, and which runs, people and
 *  units a caller may see. Routes ask here and nowhere else; the store only applies the scopes given. */
import { ApiError } from '../http/ApiError';
import type { Role, Unit, User } from '../store/AccountStore';
import type { CatalogueScope, LibraryScenario } from '../store/ScenarioStore';
import type { RunScope } from './RunScope';

/** A signed-in person as the session middleware found them. */
export interface Principal {
  user: User;
  /** The materialised path of the user's unit ('c07/pc07-hn/'). */
  unitPath: string;
  sessionId: string;
}
/** null: nobody signed in. */
export type Caller = Principal | null;

export type Action =
  | 'runs.upload'
  | 'runs.read'
  | 'org.read'
  | 'users.create'
  | 'sessions.revoke'
  | 'password.change'
  | 'assignments.read'
  | 'assignments.create'
  | 'dashboard.read'
  | 'library.author'
  | 'library.review';

/** Which roles may attempt each action at all; row scopes below narrow what they reach. Anonymous
 *  callers may upload and read anonymous practice runs so the solo offline path works signed out. */
const ALLOWED: Record<Action, readonly (Role | 'anonymous')[]> = {
  'runs.upload': ['anonymous', 'trainee', 'instructor', 'manager', 'admin'],
  'runs.read': ['anonymous', 'trainee', 'instructor', 'manager', 'admin'],
  'org.read': ['trainee', 'instructor', 'manager', 'admin'],
  'users.create': ['manager', 'admin'],
  'sessions.revoke': ['trainee', 'instructor', 'manager', 'admin'],
  'password.change': ['trainee', 'instructor', 'manager', 'admin'],
  'assignments.read': ['trainee', 'instructor', 'manager', 'admin'],
  'assignments.create': ['instructor', 'manager', 'admin'],
  'dashboard.read': ['instructor', 'manager', 'admin'],
  // Which instructors review is narrowed by the reviewer permission (canReview below).
  'library.author': ['instructor', 'manager', 'admin'],
  'library.review': ['instructor', 'manager', 'admin'],
};

/** Throws 401 (nobody signed in) or 403 (wrong role) unless `caller` may attempt `action`. */
export function authorize(caller: Caller, action: Action): void {
  const allowed = ALLOWED[action];
  if (caller === null) {
    if (!allowed.includes('anonymous')) throw new ApiError(401, 'signInRequired', 'Sign in to do this.');
    return;
  }
  if (!allowed.includes(caller.user.role)) throw new ApiError(403, 'forbidden', 'Your role may not do this.');
}

/** Like authorize, for actions no anonymous caller may take; narrows the type. */
export function signedIn(caller: Caller, action: Action): Principal {
  authorize(caller, action);
  if (caller === null) throw new ApiError(401, 'signInRequired', 'Sign in to do this.');
  return caller;
}

/** Runs a caller may read: trainee own, instructor their unit's, manager their subtree, admin all. */
export function runScope(caller: Caller): RunScope {
  if (caller === null) return { kind: 'unowned' };
  switch (caller.user.role) {
    case 'trainee':
      return { kind: 'owner', userId: caller.user.id };
    case 'instructor':
      return { kind: 'units', unitIds: [caller.user.unitId] };
    case 'manager':
      return { kind: 'subtree', path: caller.unitPath };
    case 'admin':
      return { kind: 'all' };
  }
}

/** The same rule for people: the filter to pass to AccountStore.listUsers. */
export function peopleFilter(caller: Principal): { pathPrefix?: string; unitIds?: readonly string[]; userId?: string } {
  const scope = runScope(caller);
  switch (scope.kind) {
    case 'owner':
      return { userId: scope.userId };
    case 'units':
      return { unitIds: scope.unitIds };
    case 'subtree':
      return { pathPrefix: scope.path };
    default:
      return {};
  }
}

/** Units whose results a caller may see: their own unit (instructor, trainee), subtree (manager), all. */
export function canSeeUnit(caller: Principal, unit: Pick<Unit, 'id' | 'path'>): boolean {
  switch (caller.user.role) {
    case 'trainee':
    case 'instructor':
      return unit.id === caller.user.unitId;
    case 'manager':
      return unit.path.startsWith(caller.unitPath);
    case 'admin':
      return true;
  }
}

/** Whether a caller may see a person (and so their runs and assignment status). */
export function canSeeUser(caller: Principal, user: Pick<User, 'id' | 'unitId'>, userUnitPath: string): boolean {
  if (caller.user.role === 'trainee') return user.id === caller.user.id;
  return canSeeUnit(caller, { id: user.unitId, path: userUnitPath });
}

/** Assigning scenarios: instructors to their own unit or its people; managers within their subtree. */
export function canAssignTo(caller: Principal, unit: Pick<Unit, 'id' | 'path'>): boolean {
  return caller.user.role !== 'trainee' && canSeeUnit(caller, unit);
}

/** Creating accounts: admins anywhere; managers trainees and instructors within their subtree. */
export function canCreateUser(caller: Principal, role: Role, unit: Pick<Unit, 'id' | 'path'>): boolean {
  if (caller.user.role === 'admin') return true;
  return caller.user.role === 'manager' && (role === 'trainee' || role === 'instructor') && unit.path.startsWith(caller.unitPath);
}

/** Signing someone out everywhere: oneself, or a person one could create. */
export function canRevokeSessionsOf(caller: Principal, user: Pick<User, 'id' | 'role' | 'unitId'>, userUnitPath: string): boolean {
  if (user.id === caller.user.id) return true;
  return canCreateUser(caller, user.role, { id: user.unitId, path: userUnitPath });
}

/** Which published scenarios a caller may play: built-ins for anonymous visitors; built-ins and what
 *  was published to a unit above or equal to theirs for people; everything for admins. */
export function catalogueScope(caller: Caller): CatalogueScope {
  if (caller === null) return { kind: 'builtin' };
  if (caller.user.role === 'admin') return { kind: 'all' };
  return { kind: 'unitPath', path: caller.unitPath };
}

/** The facts about a library scenario that access depends on. */
export type LibraryItem = Pick<LibraryScenario, 'builtin' | 'ownerId' | 'unitPath'>;

/** Reviewers: managers and admins by role, instructors only with the reviewer permission. */
export function isReviewerRole(caller: Principal, granted: boolean): boolean {
  return caller.user.role === 'admin' || caller.user.role === 'manager' || (caller.user.role === 'instructor' && granted);
}

/** Saving a draft: its owner (an author), or an admin; built-ins change only by a deploy. */
export function canEditDraft(caller: Principal, item: LibraryItem): boolean {
  if (item.builtin) return false;
  return item.ownerId === caller.user.id || caller.user.role === 'admin';
}

/** Reviewing (return, approve, publish, withdraw): a reviewer over the subtree holding the owner's
 *  unit, never on their own scenario (a second pair of eyes); an admin anything. */
export function canReview(caller: Principal, item: LibraryItem, granted: boolean): boolean {
  if (caller.user.role === 'admin') return true;
  if (item.builtin || !isReviewerRole(caller, granted) || item.ownerId === caller.user.id) return false;
  return item.unitPath.startsWith(caller.unitPath);
}

/** Seeing a draft, its versions and its history: its owner, its reviewers, admins. */
export function canSeeLibraryItem(caller: Principal, item: LibraryItem, granted: boolean): boolean {
  if (caller.user.role === 'admin' || item.ownerId === caller.user.id) return true;
  return !item.builtin && isReviewerRole(caller, granted) && item.unitPath.startsWith(caller.unitPath);
}

/** Publishing to a scope: a unit within the reviewer's own subtree (a province's manager to their
 *  province or a station in it); nationwide is the root unit, so only a reviewer there or an admin. */
export function canPublishTo(caller: Principal, scope: Pick<Unit, 'path'>): boolean {
  return caller.user.role === 'admin' || scope.path.startsWith(caller.unitPath);
}

/** A drill's run names every participant, so it is read only by its participants, by instructors and
 *  managers whose units hold a participant, and by admins; never signed out. */
export function canReadDrillRun(caller: Caller, participants: readonly { userId?: string | null; unitId?: string | null; unitPath?: string | null }[]): boolean {
  if (caller === null) return false;
  if (caller.user.role === 'admin') return true;
  return participants.some((p) => {
    if (p.userId === caller.user.id) return true;
    if (caller.user.role === 'trainee' || !p.unitId) return false;
    return canSeeUnit(caller, { id: p.unitId, path: p.unitPath ?? '' });
  });
}
