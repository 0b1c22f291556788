/** Sign-in on a real server: Argon2id passwords, sessions kept in the store that expire and can be
 *  revoked, throttled failures, and cross-site state changes refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expertBot } from '../../../engine/index';
import { hashToken } from '../../../server/auth/sessions';
import { playRecord } from '../fixtures';
import { PASSWORD, startOrgServer, type OrgServer } from '../orgFixture';

let org: OrgServer;
beforeAll(async () => {
  // Behind a proxy on loopback, so a test can sign in from another address with X-Forwarded-For.
  org = await startOrgServer({ trustProxy: 'loopback' });
}, 60_000);
afterAll(async () => {
  await org?.server.stop();
});

const me = (cookie: string | null) => fetch(`${org.server.url}/api/auth/me`, { headers: cookie ? { cookie } : {} }).then((r) => r.status);

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and stores only the Argon2id hash of the password', async () => {
    const { answer, cookie } = await org.signIn('trainee.a', PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toMatch(/^fg_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(await me(cookie)).toBe(200);
    const stored = await org.store.accounts.findByUsername('trainee.a');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('keeps only a hash of the session token in the store', async () => {
    const { cookie } = await org.signIn('instructor.a', PASSWORD);
    const token = (cookie ?? '').split('=')[1] ?? '';
    const found = await org.store.accounts.findLiveSession(hashToken(token), org.clock.now);
    expect(found?.user.username).toBe('instructor.a');
    expect(await org.store.accounts.findLiveSession(token, org.clock.now)).toBeNull();
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await org.signIn('manager.prov', 'not the password');
    const unknown = await org.signIn('nobody.here', 'not the password');
    expect(wrong.answer.status).toBe(401);
    expect(unknown.answer.body).toEqual(wrong.answer.body);
    expect(wrong.cookie).toBeNull();
  });

  it('checks at most five wrong passwords for a username from one address, even 25 at once, and the owner still signs in from another', async () => {
    const attempts = await Promise.all(Array.from({ length: 25 }, (_, i) => org.signIn('spare.a', `guess ${i}`)));
    const statuses = attempts.map((a) => a.answer.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const blocked = await org.signIn('spare.a', PASSWORD);
    expect(blocked.answer.status).toBe(429);
    expect(Number(blocked.answer.headers.get('retry-after'))).toBeGreaterThan(50);
    const owner = await org.call('anonymous', 'POST', '/api/auth/login', { username: 'spare.a', password: PASSWORD }, { 'x-forwarded-for': '198.51.100.4' });
    expect(owner.status).toBe(200);
  });
});

describe('changing one\'s own password', () => {
  const change = (cookie: string | null, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${org.server.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers }, body: JSON.stringify(body) });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('needs a signed-in person and their current password', async () => {
    expect((await change(null, { currentPassword: PASSWORD, newPassword: 'một mật khẩu mới dài' })).status).toBe(401);
    const { cookie } = await org.signIn('trainee.b', PASSWORD);
    const wrong = await change(cookie, { currentPassword: 'not it', newPassword: 'một mật khẩu mới dài' }, { 'x-forwarded-for': '198.51.100.20' });
    expect(wrong.status).toBe(403);
    expect(await code(wrong)).toBe('wrongPassword');
  });

  it('refuses a short, a common or a repeated password, and one holding the username', async () => {
    const { cookie } = await org.signIn('trainee.b', PASSWORD);
    for (const [newPassword, expected] of [
      ['short one', 'passwordTooShort'],
      ['1111111111', 'passwordTooShort'],
      ['111111111111', 'passwordCommon'],
      ['1234567890123', 'passwordCommon'],
      ['Password1234', 'passwordCommon'],
      ['trainee.b is my name', 'passwordContainsUsername'],
    ] as const) {
      const res = await change(cookie, { currentPassword: PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(422);
      expect(await code(res), newPassword).toBe(expected);
    }
  });

  it('changes it, ends every other session and starts a new one', async () => {
    const made = await org.call('admin', 'POST', '/api/users', { username: 'doi.mat.khau', displayName: 'Đổi Mật Khẩu', role: 'trainee', unitId: 'unit-a', password: PASSWORD });
    expect(made.status).toBe(201);
    const other = await org.signIn('doi.mat.khau', PASSWORD);
    const here = await org.signIn('doi.mat.khau', PASSWORD);
    const res = await change(here.cookie, { currentPassword: PASSWORD, newPassword: 'bốn chữ cho đủ' });
    expect(res.status).toBe(204);
    const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await me(other.cookie)).toBe(401);
    expect(await me(here.cookie)).toBe(401);
    expect(await me(fresh)).toBe(200);
    expect((await org.signIn('doi.mat.khau', PASSWORD)).answer.status).toBe(401);
    expect((await org.signIn('doi.mat.khau', 'bốn chữ cho đủ')).answer.status).toBe(200);
  });

  it('holds for new accounts too', async () => {
    const res = await org.call('admin', 'POST', '/api/users', { username: 'weak.one', displayName: 'Yếu', role: 'trainee', unitId: 'unit-a', password: 'qwertyuiop12' });
    expect(res.status).toBe(422);
    expect((res.body as { error: { code: string; issues: { path: string }[] } }).error).toMatchObject({ code: 'passwordCommon', issues: [{ path: '$.password' }] });
  });
});

describe('sessions', () => {
  it('end at sign-out: the old cookie no longer works', async () => {
    const { cookie } = await org.signIn('trainee.b', PASSWORD);
    expect(await me(cookie)).toBe(200);
    const out = await fetch(`${org.server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie ?? '' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await me(cookie)).toBe(401);
  });

  it('expire after twelve hours', async () => {
    const { cookie } = await org.signIn('instructor.b', PASSWORD);
    org.clock.now = new Date(org.clock.now.getTime() + 11 * 60 * 60 * 1000);
    expect(await me(cookie)).toBe(200);
    org.clock.now = new Date(org.clock.now.getTime() + 61 * 60 * 1000);
    expect(await me(cookie)).toBe(401);
  });

  it('can all be revoked by an admin, which signs the person out everywhere', async () => {
    const first = await org.signIn('trainee.a', PASSWORD);
    const second = await org.signIn('trainee.a', PASSWORD);
    // The clock moved past the fixture's sessions above, so the admin signs in afresh.
    org.cookies.admin = (await org.signIn('admin', PASSWORD)).cookie ?? '';
    const revoke = await org.call('admin', 'POST', `/api/users/${org.users.trainee.id}/sessions/revoke`);
    expect(revoke.status).toBe(200);
    expect((revoke.body as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    expect(await me(first.cookie)).toBe(401);
    expect(await me(second.cookie)).toBe(401);
  });

  it('treat a forged or garbage cookie as signed out', async () => {
    expect(await me('fg_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(401);
    expect(await me('fg_session=<script>')).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state change that a browser marks as cross-site, before anything is stored', async () => {
    org.cookies.trainee = (await org.signIn('trainee.a', PASSWORD)).cookie ?? '';
    const { record } = playRecord(expertBot);
    const bySite = await org.call('trainee', 'POST', '/api/runs', record, { 'sec-fetch-site': 'cross-site' });
    expect(bySite.status).toBe(403);
    expect((bySite.body as { error: { code: string } }).error.code).toBe('crossOrigin');
    const byOrigin = await org.call('trainee', 'POST', '/api/runs', record, { origin: 'https://evil.example' });
    expect(byOrigin.status).toBe(403);
    expect((await org.call('admin', 'GET', `/api/runs/${record.id}`)).status).toBe(404);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const res = await org.call('anonymous', 'POST', '/api/auth/login', { username: 'admin', password: PASSWORD }, { origin: 'null' });
    expect(res.status).toBe(403);
  });

  it('accepts the same request from this origin', async () => {
    const { cookie } = await org.signIn('trainee.a', PASSWORD);
    const host = new URL(org.server.url).host;
    const { record } = playRecord(expertBot);
    const res = await fetch(`${org.server.url}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie ?? '', origin: org.server.url, 'sec-fetch-site': 'same-origin', host },
      body: JSON.stringify(record),
    });
    expect(res.status).toBe(201);
    expect((await org.store.getRun(record.id))?.ownerId).toBe(org.users.trainee.id);
  });
});
