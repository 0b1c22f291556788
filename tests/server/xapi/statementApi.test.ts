/** The Statement API against the xAPI 1.0.3 rules LRS clients rely on: version header, Basic auth,
 *  ids, 409 on conflicts, immutability, voiding, filters and paging; and the statements each verified
 *  run produces. A real server over PGlite. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot, noviceBot } from '../../../engine/index';
import { hashPassword } from '../../../server/auth/passwordHash';
import { playRecord, startTestServer, type TestServer } from '../fixtures';

const BASE = 'https://lrs.test.example.org/xapi';
const AUTH = `Basic ${Buffer.from('lms:s3cret pass').toString('base64')}`;
const PASSWORD = 'correct horse battery';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ xapi: { baseIri: BASE, clients: [{ username: 'lms', password: 's3cret pass' }] } });
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function lrs(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/xapi${path}`, {
    method,
    headers: { 'x-experience-api-version': '1.0.3', authorization: AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

const actor = (name = 'an') => ({ objectType: 'Agent', name, mbox: `mailto:${name}@pccc.example.org` });
const statement = (extra: Record<string, unknown> = {}) => ({
  actor: actor(),
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
  object: { objectType: 'Activity', id: 'https://lrs.test.example.org/activities/briefing' },
  ...extra,
});
type Stored = { id: string; stored: string; authority: unknown; version: string; timestamp: string; verb: { id: string }; result?: Record<string, unknown>; context?: Record<string, unknown> };
type Page = { statements: Stored[]; more: string };

describe('version, credentials and about', () => {
  it('answers about without credentials and sets the version header on every answer', async () => {
    const res = await fetch(`${server.url}/xapi/about`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect(((await res.json()) as { version: string[] }).version).toContain('1.0.3');
  });

  it('refuses a request without the version header, or with a version it does not speak', async () => {
    const none = await fetch(`${server.url}/xapi/statements`, { headers: { authorization: AUTH } });
    expect(none.status).toBe(400);
    expect(none.headers.get('x-experience-api-version')).toBe('1.0.3');
    expect((await lrs('GET', '/statements', undefined, { 'x-experience-api-version': '0.95' })).status).toBe(400);
  });

  it('asks for Basic credentials and refuses wrong ones and session cookies alone', async () => {
    const anonymous = await lrs('GET', '/statements', undefined, { authorization: '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const wrong = await lrs('GET', '/statements', undefined, { authorization: `Basic ${Buffer.from('lms:nope').toString('base64')}` });
    expect(wrong.status).toBe(401);

    // A signed-in administrator's session cookie, valid for the app's own API, opens nothing here alone.
    const accounts = server.store.accounts;
    await accounts.createUnit({ id: 'xapi-dept', parentId: null, kind: 'department', name: 'Cục Cảnh sát PCCC và CNCH' });
    await accounts.createUser({ username: 'xapi.admin', displayName: 'xapi.admin', role: 'admin', unitId: 'xapi-dept', passwordHash: await hashPassword(PASSWORD) });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'xapi.admin', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).not.toBe('');
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    const cookieOnly = await lrs('GET', '/statements', undefined, { authorization: '', cookie });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect((await lrs('POST', '/statements', statement(), { authorization: '', cookie })).status).toBe(401);
    // The same request with the LRS client's credentials is answered: the cookie was the only thing missing.
    expect((await lrs('GET', '/statements', undefined, { cookie })).status).toBe(200);
  });
});

describe('ids, conflicts and immutability', () => {
  it('assigns an id when none is given and returns the statement with stored, authority and version', async () => {
    const post = await lrs('POST', '/statements', statement());
    expect(post.status).toBe(200);
    const [id] = post.body as string[];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const got = await lrs('GET', `/statements?statementId=${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, version: '1.0.3', authority: { account: { name: 'lrs-client:lms' } } });
    expect(Date.parse((got.body as Stored).stored)).not.toBeNaN();
    expect((got.body as Stored).timestamp).toBe((got.body as Stored).stored);
  });

  it('takes PUT with a statementId, accepts the same statement again and refuses a different one with 409', async () => {
    const id = randomUUID();
    expect((await lrs('PUT', `/statements?statementId=${id}`, statement())).status).toBe(204);
    expect((await lrs('PUT', `/statements?statementId=${id}`, { ...statement(), id })).status).toBe(204);
    expect((await lrs('POST', '/statements', { ...statement(), id })).status).toBe(200);
    const different = { ...statement({ actor: actor('binh') }), id };
    expect((await lrs('PUT', `/statements?statementId=${id}`, different)).status).toBe(409);
    expect((await lrs('POST', '/statements', different)).status).toBe(409);
    expect(((await lrs('GET', `/statements?statementId=${id}`)).body as { actor: { name: string } }).actor.name).toBe('an');
    expect((await lrs('PUT', '/statements', statement())).status).toBe(400);
    expect((await lrs('PUT', `/statements?statementId=${id}`, { ...statement(), id: randomUUID() })).status).toBe(400);
  });

  it('stores a batch whole or not at all, and refuses two statements with one id in a batch', async () => {
    const good = { ...statement(), id: randomUUID() };
    const bad = { ...statement(), id: randomUUID(), verb: { id: 'not an iri' } };
    expect((await lrs('POST', '/statements', [good, bad])).status).toBe(400);
    expect((await lrs('GET', `/statements?statementId=${good.id}`)).status).toBe(404);
    expect((await lrs('POST', '/statements', [good, good])).status).toBe(400);
    const ok = await lrs('POST', '/statements', [good, { ...statement(), id: randomUUID() }]);
    expect(ok.status).toBe(200);
    expect((ok.body as string[])[0]).toBe(good.id);
  });

  it.each([
    ['an actor with two identifiers', statement({ actor: { ...actor(), openid: 'https://id.example.org/an' } })],
    ['a property the spec does not define', statement({ mood: 'good' })],
    ['a scaled score above 1', statement({ result: { score: { scaled: 1.5 } } })],
    ['a duration that is not ISO 8601', statement({ result: { duration: '83 seconds' } })],
    ['a registration that is not a UUID', statement({ context: { registration: 'run-1' } })],
    ['a timestamp without a time zone', statement({ timestamp: '2025-03-01T10:00:00' })],
  ])('refuses %s with 400', async (_name, body) => {
    expect((await lrs('POST', '/statements', body)).status).toBe(400);
  });
});

describe('voiding', () => {
  it('voids a statement: it leaves queries and statementId, and is reachable as voidedStatementId', async () => {
    const target = { ...statement({ actor: actor('void.me') }), id: randomUUID() };
    await lrs('POST', '/statements', target);
    const voiding = { actor: actor('admin'), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target.id } };
    const [voidingId] = (await lrs('POST', '/statements', voiding)).body as string[];
    expect((await lrs('GET', `/statements?statementId=${target.id}`)).status).toBe(404);
    expect((await lrs('GET', `/statements?voidedStatementId=${target.id}`)).body).toMatchObject({ id: target.id });
    expect((await lrs('GET', `/statements?voidedStatementId=${voidingId ?? ''}`)).status).toBe(404);
    const agent = encodeURIComponent(JSON.stringify({ mbox: 'mailto:void.me@pccc.example.org' }));
    expect(((await lrs('GET', `/statements?agent=${agent}`)).body as Page).statements).toEqual([]);
    const again = { actor: actor('admin'), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: voidingId } };
    expect((await lrs('POST', '/statements', again)).status).toBe(400);
    expect((await lrs('POST', '/statements', { ...voiding, object: { objectType: 'Activity', id: 'https://x.example.org/a' } })).status).toBe(400);
  });
});

describe('queries', () => {
  it('filters by agent, verb, activity, registration, since and until, and pages with more', async () => {
    const registration = randomUUID();
    const activity = `https://lrs.test.example.org/activities/${randomUUID()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = statement({ actor: actor(`q${i % 2}`), object: { id: activity }, context: { registration }, verb: { id: `http://adlnet.gov/expapi/verbs/${i === 4 ? 'answered' : 'attempted'}` } });
      ids.push(...((await lrs('POST', '/statements', body)).body as string[]));
    }
    const list = async (query: string): Promise<Page> => {
      const res = await lrs('GET', `/statements?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.headers.get('x-experience-api-consistent-through')).toBeTruthy();
      return res.body as Page;
    };
    expect((await list(`registration=${registration}`)).statements.map((s) => s.id)).toEqual([...ids].reverse());
    expect((await list(`registration=${registration}&ascending=true`)).statements.map((s) => s.id)).toEqual(ids);
    expect((await list(`activity=${encodeURIComponent(activity)}&verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/answered')}`)).statements.map((s) => s.id)).toEqual([ids[4]]);
    const agent = encodeURIComponent(JSON.stringify({ objectType: 'Agent', mbox: 'mailto:q1@pccc.example.org' }));
    expect((await list(`agent=${agent}&registration=${registration}`)).statements.map((s) => s.id)).toEqual([ids[3], ids[1]]);

    const first = await list(`registration=${registration}&limit=2`);
    expect(first.statements).toHaveLength(2);
    expect(first.more).toMatch(/^\/xapi\/statements\?/);
    const second = (await lrs('GET', first.more.replace(/^\/xapi/, ''))).body as Page;
    expect(second.statements.map((s) => s.id)).toEqual([ids[2], ids[1]]);

    const stored = first.statements[0]?.stored ?? '';
    expect((await list(`registration=${registration}&since=${encodeURIComponent(stored)}`)).statements).toEqual([]);
    expect((await list(`registration=${registration}&until=${encodeURIComponent(stored)}`)).statements).toHaveLength(5);
  });

  it('refuses unknown parameters and filters next to statementId', async () => {
    expect((await lrs('GET', '/statements?colour=red')).status).toBe(400);
    expect((await lrs('GET', `/statements?statementId=${randomUUID()}&verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/voided')}`)).status).toBe(400);
    expect((await lrs('GET', '/statements?agent=not-json')).status).toBe(400);
    expect((await lrs('GET', `/statements?statementId=${randomUUID()}`)).status).toBe(404);
  });
});

describe('statements of verified runs', () => {
  const ofRun = async (runId: string): Promise<Stored[]> => ((await lrs('GET', `/statements?registration=${runId}&ascending=true`)).body as Page).statements;

  it('records initialized, completed and passed with the server score, success and an ISO 8601 duration', async () => {
    const { record } = playRecord(expertBot, { startedAt: '2025-03-01T10:00:00.000Z' });
    const upload = await server.post('/api/runs', record);
    expect(upload.status).toBe(201);
    const receipt = upload.body as { percent: number; passed: boolean };
    const statements = await ofRun(record.id);
    expect(statements.map((s) => s.verb.id)).toEqual(['initialized', 'completed', 'passed'].map((v) => `http://adlnet.gov/expapi/verbs/${v}`));
    const passed = statements[2];
    expect(passed?.result).toMatchObject({ success: true, completion: true, score: { scaled: receipt.percent / 100, raw: receipt.percent, min: 0, max: 100 } });
    expect(passed?.result?.duration).toMatch(/^PT\d+(\.\d)?S$/);
    expect(passed?.context).toMatchObject({ registration: record.id, platform: 'Fireground' });
    expect(statements[0]?.timestamp).toBe('2025-03-01T10:00:00.000Z');
    expect(statements.every((s) => (s as unknown as { object: { id: string } }).object.id === `${BASE}/activities/scenarios/${record.scenarioId}`)).toBe(true);

    // The same upload again stores nothing new.
    expect((await server.post('/api/runs', record)).status).toBe(200);
    expect(await ofRun(record.id)).toEqual(statements);
  });

  it('records failed for a run that does not pass, and nothing for a run that does not replay', async () => {
    const { record } = playRecord(noviceBot);
    await server.post('/api/runs', record);
    const statements = await ofRun(record.id);
    expect(statements.at(-1)).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/failed' }, result: { success: false } });
    const broken = { ...playRecord(expertBot).record, endTick: 1 };
    expect((await server.post('/api/runs', broken)).status).toBe(422);
    expect(await ofRun(broken.id)).toEqual([]);
  });
});

describe('abuse', () => {
  it('cannot void a statement the server recorded from a verified run', async () => {
    const { record } = playRecord(expertBot);
    expect((await server.post('/api/runs', record)).status).toBe(201);
    const [first] = ((await lrs('GET', `/statements?registration=${record.id}&ascending=true`)).body as Page).statements;
    expect(first?.authority).toMatchObject({ account: { name: 'fireground-server' } });
    const voiding = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: first?.id } });
    const res = await lrs('POST', '/statements', voiding);
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('cannotVoidServerStatement');
    expect((await lrs('GET', `/statements?statementId=${first?.id ?? ''}`)).status).toBe(200);
  });

  it('refuses a batch of more than 1,000 statements whole, and stores one of 1,000 in one request', async () => {
    const ids = Array.from({ length: 1001 }, () => randomUUID());
    const big = ids.map((id) => statement({ id }));
    const refused = await lrs('POST', '/statements', big);
    expect(refused.status).toBe(413);
    expect((await lrs('GET', `/statements?statementId=${ids[0] ?? ''}`)).status).toBe(404);
    const ok = await lrs('POST', '/statements', big.slice(0, 1000));
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(1000);
    expect((await lrs('GET', `/statements?statementId=${ids[999] ?? ''}`)).status).toBe(200);
  });

  it('throttles wrong Basic credentials like sign-in: 25 guesses at once get 5 checks', async () => {
    const guess = (i: number) => lrs('GET', '/statements', undefined, { authorization: `Basic ${Buffer.from(`lms-guess:wrong ${i}`).toString('base64')}` });
    const statuses = (await Promise.all(Array.from({ length: 25 }, (_, i) => guess(i)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // The real client, another username, is not held up by the guesses.
    expect((await lrs('GET', '/statements')).status).toBe(200);
  });
});
