/** Security headers and CORS on a real server: every answer (pages, /api, /xapi, the matchmaker) carries
 *  the CSP, nosniff, frame and referrer headers, and no HSTS over plain HTTP; only origins in the
 *  allow-list get CORS answers. The HTTPS case is in httpsHeaders.test.ts (one server per file). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../fixtures';

const ALLOWED = 'https://lms.pccc.example.org';
const EVIL = 'https://evil.example';
const XAPI_AUTH = `Basic ${Buffer.from('lms:s3cret pass').toString('base64')}`;

let plain: TestServer;
beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'fg-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Fireground</title><script type="module" src="/assets/a.js"></script>');
  plain = await startTestServer({ clientDir, security: { corsOrigins: [ALLOWED] }, xapi: { baseIri: 'https://lrs.example.org/xapi', clients: [{ username: 'lms', password: 's3cret pass' }] } });
}, 60_000);
afterAll(async () => {
  await plain?.stop();
});

const REQUESTS: { what: string; path: string; init?: RequestInit }[] = [
  { what: 'a page', path: '/' },
  { what: 'a client route', path: '/dashboard' },
  { what: 'an /api answer', path: '/api/health' },
  { what: 'an /api error', path: '/api/no-such-route' },
  { what: 'an /xapi answer', path: '/xapi/about' },
  { what: 'an /xapi refusal', path: '/xapi/statements', init: { headers: { 'x-experience-api-version': '1.0.3' } } },
  { what: 'the matchmaker', path: '/matchmake/joinOrCreate/drill', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } },
  { what: 'a preflight', path: '/api/runs', init: { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } } },
];

describe('security headers', () => {
  it.each(REQUESTS)('are on $what', async ({ path, init }) => {
    const res = await fetch(`${plain.url}${path}`, init);
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('cross-origin access', () => {
  it.each(['/api/health', '/xapi/about', '/'])('is not granted to an origin outside the allow-list on %s', async (path) => {
    const res = await fetch(`${plain.url}${path}`, { headers: { origin: EVIL } });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('is not granted by preflight to an origin outside the allow-list, on /api or the matchmaker', async () => {
    for (const path of ['/api/runs', '/matchmake/joinOrCreate/drill', '/xapi/statements']) {
      const res = await fetch(`${plain.url}${path}`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('is not granted to the matchmaker for an outside origin, while the request itself is answered', async () => {
    const res = await fetch(`${plain.url}/matchmake/joinOrCreate/drill`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: '{}' });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cannot be granted by a client sending the internal mark itself', async () => {
    const res = await fetch(`${plain.url}/api/health`, { headers: { origin: EVIL, 'x-fireground-cors-allowed': '1' } });
    await res.arrayBuffer();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is granted, with credentials, to an origin in the allow-list on /api, /xapi and the matchmaker', async () => {
    for (const path of ['/api/runs', '/matchmake/joinOrCreate/drill', '/xapi/statements']) {
      const pre = await fetch(`${plain.url}${path}`, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
      expect(pre.headers.get('vary')).toContain('Origin');
    }
    const xapi = await fetch(`${plain.url}/xapi/statements`, { headers: { origin: ALLOWED, authorization: XAPI_AUTH, 'x-experience-api-version': '1.0.3' } });
    expect(xapi.status).toBe(200);
    expect(xapi.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('lets an allowed origin change state past the cross-site check, and still refuses any other', async () => {
    const allowed = await fetch(`${plain.url}/api/auth/login`, { method: 'POST', headers: { origin: ALLOWED, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
    expect(allowed.status).toBe(401);
    const refused = await fetch(`${plain.url}/api/auth/login`, { method: 'POST', headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
    expect(refused.status).toBe(403);
  });
});
