/** Every API route against anonymous, a trainee of unit A, the instructors of units A and B, the
 *  province's manager and an admin, on a real server: the status each must get, and for reads by id
 *  that another unit's run, person or assignment reads as absent. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, playWithBot, toRunRecord } from '../../../engine/index';
import { makeRun } from '../../support/scenarios';
import { kitchenScenario, playRecord } from '../fixtures';
import { CALLERS, startOrgServer, upload, type CallerName, type OrgServer } from '../orgFixture';

let org: OrgServer;
const ids = { runA: '', runB: '', runAnon: '', assignmentA: '' };

beforeAll(async () => {
  org = await startOrgServer();
  ids.runA = await upload(org, 'trainee');
  ids.runB = await upload(org, 'traineeB', false);
  ids.runAnon = await upload(org, 'anonymous');
  const made = await org.call('instructorA', 'POST', '/api/assignments', { scenarioId: 'apartment-kitchen-oil', unitId: 'unit-a', dueAt: '2025-04-01T00:00:00Z' });
  ids.assignmentA = (made.body as { id: string }).id;
  // A scenario of unit A's instructor awaiting review, for the library routes.
  await org.call('instructorA', 'PUT', '/api/library/matrix-a/draft', { ...kitchenScenario(), id: 'matrix-a' });
  const submitted = await org.call('instructorA', 'POST', '/api/library/matrix-a/submit', {});
  if (submitted.status !== 201) throw new Error(`library setup answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
}, 60_000);
afterAll(async () => {
  await org?.server.stop();
});

type Expect = Record<CallerName, number>;
const everyone = (status: number): Expect => ({ anonymous: status, trainee: status, instructorA: status, instructorB: status, manager: status, admin: status });
const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });
const staff = (status: number): Expect => ({ ...signedIn(status), trainee: 403 });

interface Route {
  name: string;
  method: string;
  path: () => string;
  body?: (as: CallerName) => unknown;
  expect: Expect;
}

const ROUTES: Route[] = [
  { name: 'health', method: 'GET', path: () => '/api/health', expect: everyone(200) },
  { name: 'scenario list', method: 'GET', path: () => '/api/scenarios', expect: everyone(200) },
  { name: 'one scenario', method: 'GET', path: () => '/api/scenarios/apartment-kitchen-oil', expect: everyone(200) },
  { name: 'upload a run', method: 'POST', path: () => '/api/runs', body: () => playRecord(expertBot).record, expect: everyone(201) },
  { name: 'list runs', method: 'GET', path: () => '/api/runs', expect: everyone(200) },
  { name: "the caller's best result per scenario", method: 'GET', path: () => '/api/runs/best', expect: everyone(200) },
  { name: "unit A trainee's run by id", method: 'GET', path: () => `/api/runs/${ids.runA}`, expect: { anonymous: 404, trainee: 200, instructorA: 200, instructorB: 404, manager: 200, admin: 200 } },
  { name: "unit B trainee's run by id", method: 'GET', path: () => `/api/runs/${ids.runB}`, expect: { anonymous: 404, trainee: 404, instructorA: 404, instructorB: 200, manager: 200, admin: 200 } },
  { name: 'an anonymous practice run by id', method: 'GET', path: () => `/api/runs/${ids.runAnon}`, expect: { anonymous: 200, trainee: 404, instructorA: 404, instructorB: 404, manager: 404, admin: 200 } },
  { name: 'who am I', method: 'GET', path: () => '/api/auth/me', expect: signedIn(200) },
  { name: 'units', method: 'GET', path: () => '/api/units', expect: signedIn(200) },
  { name: 'people', method: 'GET', path: () => '/api/users', expect: signedIn(200) },
  {
    name: 'create a trainee in unit A',
    method: 'POST',
    path: () => '/api/users',
    body: (as) => ({ username: `new.${as.toLowerCase()}`, displayName: 'Nguyễn Văn Mới', role: 'trainee', unitId: 'unit-a', password: 'long enough passphrase' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 403, manager: 201, admin: 201 },
  },
  {
    name: 'create an admin',
    method: 'POST',
    path: () => '/api/users',
    body: (as) => ({ username: `boss.${as.toLowerCase()}`, displayName: 'Sếp', role: 'admin', unitId: 'dept', password: 'long enough passphrase' }),
    // The department is above the manager's province, so to the manager it reads as no such unit.
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 403, manager: 422, admin: 201 },
  },
  {
    name: 'create a trainee in another province',
    method: 'POST',
    path: () => '/api/users',
    body: (as) => ({ username: `far.${as.toLowerCase()}`, displayName: 'Xa', role: 'trainee', unitId: 'other-prov', password: 'long enough passphrase' }),
    // Outside the manager's subtree: the same 422 as a unit that does not exist.
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 403, manager: 422, admin: 201 },
  },
  {
    name: 'create a trainee in a unit that does not exist',
    method: 'POST',
    path: () => '/api/users',
    body: (as) => ({ username: `ghost.${as.toLowerCase()}`, displayName: 'Ma', role: 'trainee', unitId: 'no-such-unit', password: 'long enough passphrase' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 403, manager: 422, admin: 422 },
  },
  {
    name: "change one's own password (with a wrong current one)",
    method: 'POST',
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a brand new passphrase' }),
    expect: { ...signedIn(403) },
  },
  { name: "sign a unit A person out everywhere", method: 'POST', path: () => `/api/users/${org.users.spare.id}/sessions/revoke`, expect: { anonymous: 401, trainee: 404, instructorA: 404, instructorB: 404, manager: 200, admin: 200 } },
  {
    name: 'assign a scenario to unit A',
    method: 'POST',
    path: () => '/api/assignments',
    body: () => ({ scenarioId: 'apartment-kitchen-oil', unitId: 'unit-a', dueAt: '2025-05-01' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 201, instructorB: 404, manager: 201, admin: 201 },
  },
  {
    name: "assign a scenario to unit A's trainee",
    method: 'POST',
    path: () => '/api/assignments',
    body: () => ({ scenarioId: 'apartment-kitchen-oil', userId: org.users.trainee.id, dueAt: '2025-05-01' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 201, instructorB: 404, manager: 201, admin: 201 },
  },
  { name: 'list assignments', method: 'GET', path: () => '/api/assignments', expect: signedIn(200) },
  { name: "unit A's assignment by id", method: 'GET', path: () => `/api/assignments/${ids.assignmentA}`, expect: { anonymous: 401, trainee: 200, instructorA: 200, instructorB: 404, manager: 200, admin: 200 } },
  { name: 'compliance matrix', method: 'GET', path: () => '/api/dashboard/compliance', expect: staff(200) },
  { name: 'competency heatmap', method: 'GET', path: () => '/api/dashboard/competencies', expect: staff(200) },
  { name: 'trends', method: 'GET', path: () => '/api/dashboard/trends', expect: staff(200) },
  { name: 'most failed criteria', method: 'GET', path: () => '/api/dashboard/failed-criteria', expect: staff(200) },
  { name: 'trends filtered to unit A', method: 'GET', path: () => '/api/dashboard/trends?unitId=unit-a', expect: { ...staff(200), instructorB: 404 } },
  { name: "unit A's trainees", method: 'GET', path: () => '/api/dashboard/units/unit-a/trainees', expect: { ...staff(200), instructorB: 404 } },
  { name: "unit A trainee's runs", method: 'GET', path: () => `/api/dashboard/trainees/${org.users.trainee.id}/runs`, expect: { ...staff(200), instructorB: 404 } },
  { name: 'CSV export', method: 'GET', path: () => '/api/dashboard/export/compliance.csv', expect: staff(200) },
  { name: 'XLSX export', method: 'GET', path: () => '/api/dashboard/export/trends.xlsx?lang=en', expect: staff(200) },
  { name: 'library workspace', method: 'GET', path: () => '/api/library', expect: staff(200) },
  {
    name: 'save a new library draft',
    method: 'PUT',
    path: () => '/api/library/matrix-new/draft',
    body: () => ({ ...kitchenScenario(), id: 'matrix-new' }),
    // The first author to save takes the id; the others find it taken.
    expect: { anonymous: 401, trainee: 403, instructorA: 201, instructorB: 409, manager: 409, admin: 200 },
  },
  { name: "unit A's library scenario", method: 'GET', path: () => '/api/library/matrix-a', expect: { anonymous: 401, trainee: 403, instructorA: 200, instructorB: 404, manager: 200, admin: 200 } },
  { name: "diff of unit A's library scenario", method: 'GET', path: () => '/api/library/matrix-a/diff?from=1&to=draft', expect: { anonymous: 401, trainee: 403, instructorA: 200, instructorB: 404, manager: 200, admin: 200 } },
  {
    name: "comment on unit A's submitted version (reviewers, not its author)",
    method: 'POST',
    path: () => '/api/library/matrix-a/versions/1/comment',
    body: () => ({ comment: 'Xem lại mục tiêu' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 404, manager: 200, admin: 200 },
  },
  {
    name: "publish unit A's version nationwide (only an admin reaches the root)",
    method: 'POST',
    path: () => '/api/library/matrix-a/versions/1/publish',
    body: () => ({ scopeUnitId: 'dept' }),
    expect: { anonymous: 401, trainee: 403, instructorA: 403, instructorB: 404, manager: 403, admin: 200 },
  },
  { name: 'sign out', method: 'POST', path: () => '/api/auth/logout', expect: everyone(204) },
];

describe.each(ROUTES)('$method $name', (route) => {
  it.each(CALLERS)('as %s', async (as) => {
    // Sign-out ends the session, so it runs on a fresh one and the others stay signed in.
    if (route.path() === '/api/auth/logout' && as !== 'anonymous') {
      const user = org.users[as];
      const { cookie } = await org.signIn(user.username, 'correct horse battery');
      const res = await fetch(`${org.server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie ?? '' } });
      expect(res.status).toBe(route.expect[as]);
      return;
    }
    const res = await org.call(as, route.method, route.path(), route.body?.(as));
    expect(res.status, JSON.stringify(res.body)).toBe(route.expect[as]);
  });
});

describe('creating accounts', () => {
  it('answers a unit outside the caller\'s scope exactly as a unit that does not exist', async () => {
    const body = (unitId: string) => ({ username: 'probe.scope', displayName: 'Dò', role: 'trainee', unitId, password: 'long enough passphrase' });
    const outside = await org.call('manager', 'POST', '/api/users', body('other-prov'));
    const missing = await org.call('manager', 'POST', '/api/users', body('no-such-unit'));
    expect(outside.status).toBe(missing.status);
    expect(JSON.stringify(outside.body).replace('other-prov', 'X')).toBe(JSON.stringify(missing.body).replace('no-such-unit', 'X'));
  });
});

describe('what each caller sees in lists', () => {
  const listedRuns = async (as: CallerName): Promise<string[]> => ((await org.call(as, 'GET', '/api/runs?limit=500')).body as { id: string }[]).map((r) => r.id);

  it('lists runs by scope: own, unit, subtree, everything; anonymous sees only anonymous runs', async () => {
    const seen = Object.fromEntries(await Promise.all(CALLERS.map(async (c) => [c, await listedRuns(c)] as const))) as Record<CallerName, string[]>;
    expect(seen.trainee).toContain(ids.runA);
    expect(seen.trainee).not.toContain(ids.runB);
    expect(seen.trainee).not.toContain(ids.runAnon);
    expect(seen.instructorA).toContain(ids.runA);
    expect(seen.instructorA).not.toContain(ids.runB);
    expect(seen.instructorB).toContain(ids.runB);
    expect(seen.instructorB).not.toContain(ids.runA);
    expect(seen.manager).toEqual(expect.arrayContaining([ids.runA, ids.runB]));
    expect(seen.manager).not.toContain(ids.runAnon);
    expect(seen.admin).toEqual(expect.arrayContaining([ids.runA, ids.runB, ids.runAnon]));
    expect(seen.anonymous).toContain(ids.runAnon);
    expect(seen.anonymous).not.toContain(ids.runA);
  });

  it("gives each caller their own best results only: a trainee's stars are not their instructor's", async () => {
    type Who = CallerName | 'traineeB';
    const best = async (as: Who) => new Map(((await org.call(as, 'GET', '/api/runs/best')).body as { scenarioId: string; stars: number }[]).map((b) => [b.scenarioId, b.stars]));
    // The best per scenario worked out from the caller's own verified runs, as the runs list shows them.
    const ownBest = async (as: Who, userId: string) => {
      const runs = (await org.call(as, 'GET', '/api/runs?limit=500')).body as { scenarioId: string; stars: number | null; status: string; ownerId: string }[];
      const out = new Map<string, number>();
      for (const r of runs) if (r.ownerId === userId && r.status === 'verified') out.set(r.scenarioId, Math.max(out.get(r.scenarioId) ?? 0, r.stars ?? 0));
      return out;
    };
    // A result only unit A's trainee has: leaked into anyone else's best, it would show there.
    const tutorial = toRunRecord(playWithBot(makeRun('tutorial-controls'), expertBot), randomUUID());
    expect((await org.call('trainee', 'POST', '/api/runs', tutorial)).status).toBe(201);
    const trainee = await best('trainee');
    expect(trainee.get('tutorial-controls')).toBe(3);
    expect(trainee).toEqual(await ownBest('trainee', org.users.trainee.id));
    for (const [as, user] of [['traineeB', org.users.traineeB], ['instructorA', org.users.instructorA], ['manager', org.users.manager]] as const) {
      const theirs = await best(as);
      expect(theirs.has('tutorial-controls'), `${as}'s best`).toBe(false);
      expect(theirs).toEqual(await ownBest(as, user.id));
    }
    expect(await best('anonymous')).toEqual(new Map());
  });

  it('lists people by scope', async () => {
    const names = async (as: CallerName): Promise<string[]> => ((await org.call(as, 'GET', '/api/users')).body as { username: string }[]).map((u) => u.username);
    expect(await names('trainee')).toEqual(['trainee.a']);
    expect(await names('instructorB')).toEqual(expect.arrayContaining(['trainee.b', 'instructor.b']));
    expect(await names('instructorB')).not.toContain('trainee.a');
    expect(await names('manager')).toEqual(expect.arrayContaining(['trainee.a', 'trainee.b']));
    expect(await names('manager')).not.toContain('admin');
    expect(await names('admin')).toContain('admin');
  });

  it('never returns password hashes', async () => {
    for (const as of CALLERS) {
      const me = await org.call(as, 'GET', '/api/auth/me');
      const users = await org.call(as, 'GET', '/api/users');
      expect(JSON.stringify([me.body, users.body])).not.toMatch(/argon2|passwordHash/);
    }
  });

  it("answers an unknown run id the same as another unit's run", async () => {
    const unknown = await org.call('instructorB', 'GET', `/api/runs/${randomUUID()}`);
    const other = await org.call('instructorB', 'GET', `/api/runs/${ids.runA}`);
    expect(other).toMatchObject({ status: unknown.status, body: { error: { code: 'notFound' } } });
  });
});
