/** Upload limits on a real server, checked before the body is parsed: per address (anonymous), and per
 *  account from any address; concurrent uploads never pass them, and the answer says when to retry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOADS_PER_ACCOUNT, MAX_UPLOADS_PER_ADDRESS } from '../../../server/runs/uploadLimits';
import { startOrgServer, type OrgServer } from '../orgFixture';

let org: OrgServer;
beforeAll(async () => {
  org = await startOrgServer({ trustProxy: 'loopback' });
}, 60_000);
afterAll(async () => {
  await org?.server.stop();
});

// An empty record is refused by its schema (400) after the limit is taken, so no replay runs here.
const upload = (headers: Record<string, string>) => org.call('anonymous', 'POST', '/api/runs', {}, headers);

describe('upload limits', () => {
  it('hold per address even when the uploads arrive at once, and name a retry time', async () => {
    const answers = await Promise.all(Array.from({ length: MAX_UPLOADS_PER_ADDRESS + 5 }, () => upload({ 'x-forwarded-for': '198.51.100.60' })));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(MAX_UPLOADS_PER_ADDRESS);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(5);
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((refused[0]?.body as { error: { code: string } }).error.code).toBe('tooManyUploads');
    expect((await upload({ 'x-forwarded-for': '198.51.100.61' })).status).toBe(400);
  });

  it('hold per account from any address', async () => {
    const cookie = org.cookies.trainee ?? '';
    const answers = await Promise.all(Array.from({ length: MAX_UPLOADS_PER_ACCOUNT + 3 }, (_, i) => upload({ cookie, 'x-forwarded-for': `198.51.100.${100 + i}` })));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(MAX_UPLOADS_PER_ACCOUNT);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(3);
  });
});
