/** A small organisation on a real test server: department > province > units A and B, one person of
 *  every role, each signed in over HTTP, plus a settable clock. Real PGlite, real Argon2id, no mocks. */
import { expertBot, noviceBot } from '../../engine/index';
import { hashPassword } from '../../server/auth/passwordHash';
import type { ServerOptions } from '../../server/createServer';
import type { Role, User } from '../../server/store/AccountStore';
import type { SqlStore } from '../../server/store/SqlStore';
import { playRecord, startTestServer, type TestServer } from './fixtures';

export const PASSWORD = 'correct horse battery';
export const CALLERS = ['anonymous', 'trainee', 'instructorA', 'instructorB', 'manager', 'admin'] as const;
export type CallerName = (typeof CALLERS)[number];

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export interface OrgServer {
  server: TestServer;
  store: SqlStore;
  users: Record<Exclude<CallerName, 'anonymous'> | 'traineeB' | 'spare', User>;
  /** Session cookies by caller; anonymous has none. */
  cookies: Partial<Record<CallerName | 'traineeB', string>>;
  clock: { now: Date };
  call(as: CallerName | 'traineeB', method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  signIn(username: string, password: string): Promise<{ answer: Answer; cookie: string | null }>;
}

export async function startOrgServer(options: Partial<Omit<ServerOptions, 'store' | 'auth'>> = {}): Promise<OrgServer> {
  const clock = { now: new Date('2025-03-10T08:00:00Z') };
  const server = await startTestServer({ ...options, auth: { now: () => clock.now } });
  const store = server.store;
  const a = store.accounts;
  await a.createUnit({ id: 'dept', parentId: null, kind: 'department', name: 'Cục Cảnh sát PCCC và CNCH' });
  await a.createUnit({ id: 'prov', parentId: 'dept', kind: 'provincial', name: 'Phòng Cảnh sát PCCC và CNCH Hà Nội' });
  await a.createUnit({ id: 'unit-a', parentId: 'prov', kind: 'station', name: 'Đội A' });
  await a.createUnit({ id: 'unit-b', parentId: 'prov', kind: 'station', name: 'Đội B' });
  await a.createUnit({ id: 'other-prov', parentId: 'dept', kind: 'provincial', name: 'Phòng khác' });
  const passwordHash = await hashPassword(PASSWORD);
  const make = (username: string, role: Role, unitId: string) => a.createUser({ username, displayName: username, role, unitId, passwordHash });
  const users = {
    trainee: await make('trainee.a', 'trainee', 'unit-a'),
    traineeB: await make('trainee.b', 'trainee', 'unit-b'),
    spare: await make('spare.a', 'trainee', 'unit-a'),
    instructorA: await make('instructor.a', 'instructor', 'unit-a'),
    instructorB: await make('instructor.b', 'instructor', 'unit-b'),
    manager: await make('manager.prov', 'manager', 'prov'),
    admin: await make('admin', 'admin', 'dept'),
  };
  const cookies: OrgServer['cookies'] = {};

  const call: OrgServer['call'] = async (as, method, path, body, headers = {}) => {
    const cookie = as === 'anonymous' ? undefined : cookies[as];
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text.length > 0 && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
  };
  const signIn: OrgServer['signIn'] = async (username, password) => {
    const answer = await call('anonymous', 'POST', '/api/auth/login', { username, password });
    const set = answer.headers.get('set-cookie');
    return { answer, cookie: set ? (set.split(';')[0] ?? null) : null };
  };
  for (const [name, user] of Object.entries(users)) {
    if (name === 'spare') continue;
    const { cookie } = await signIn(user.username, PASSWORD);
    if (!cookie) throw new Error(`could not sign in ${user.username}`);
    cookies[name as CallerName] = cookie;
  }
  return { server, store, users, cookies, clock, call, signIn };
}

/** Uploads a fresh bot run as `as` and answers its id. */
export async function upload(org: OrgServer, as: CallerName | 'traineeB', expert = true): Promise<string> {
  const { record } = playRecord(expert ? expertBot : noviceBot);
  const res = await org.call(as, 'POST', '/api/runs', record);
  if (res.status !== 201) throw new Error(`upload as ${as} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return record.id;
}
