/** A server said to be reached over HTTPS (HTTPS=true behind a proxy): HSTS on every answer, requests
 *  upgraded by the CSP, and the session cookie marked Secure. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/passwordHash';
import { startTestServer, type TestServer } from '../fixtures';

let secure: TestServer;
beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'fg-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Fireground</title>');
  secure = await startTestServer({ clientDir, security: { https: true } });
}, 60_000);
afterAll(async () => {
  await secure?.stop();
});

describe('over HTTPS', () => {
  it('add HSTS and upgrade requests when the server is reached over HTTPS', async () => {
    for (const path of ['/', '/api/health', '/xapi/about']) {
      const res = await fetch(`${secure.url}${path}`);
      await res.arrayBuffer();
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    }
  });

  it('make the session cookie Secure when the server is reached over HTTPS', async () => {
    await secure.store.accounts.createUnit({ id: 'u', parentId: null, kind: 'department', name: 'Cục' });
    await secure.store.accounts.createUser({ username: 'an.nguyen', displayName: 'An', role: 'trainee', unitId: 'u', passwordHash: await hashPassword('mật khẩu dài đủ mười hai') });
    const login = await fetch(`${secure.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'an.nguyen', password: 'mật khẩu dài đủ mười hai' }) });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/; Secure$/);
  });
});
