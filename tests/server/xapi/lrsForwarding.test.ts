/** Forwarding to an external LRS. Fireground runs as `npm start` does (a child process configured by
 *  XAPI_FORWARD_*), and a second Fireground process is the LRS: statements of an uploaded run arrive
 *  there, wait out an outage, and a statement the LRS refuses as a conflict does not stop the rest. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expertBot } from '../../../engine/index';
import { statementId } from '../../../server/xapi/attemptStatements';
import { startServerProcess, stopGently, type ServerProcess } from '../durability/serverProcess';
import { playRecord } from '../fixtures';

const LRS_CLIENT = { username: 'central-lrs', password: 'forward-pass' };
const AUTH = `Basic ${Buffer.from(`${LRS_CLIENT.username}:${LRS_CLIENT.password}`).toString('base64')}`;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 60_000);

/** A server process with its own data folder, stopped and removed after the test. */
async function startProcess(env: Record<string, string>): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fireground-forward-'));
  const server: ServerProcess = startServerProcess({ DATA_DIR: dataDir, ...env });
  cleanups.push(async () => {
    await stopGently(server);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server.ready;
}

/** The external LRS: another Fireground that accepts our credentials on /xapi. */
const startLrs = (port = 0): Promise<string> => startProcess({ PORT: String(port), XAPI_BASE_IRI: 'https://central.example.vn/xapi', XAPI_CLIENTS: `${LRS_CLIENT.username}:${LRS_CLIENT.password}` });

/** Fireground from the command line, forwarding to `lrsUrl`. */
const startForwarding = (lrsUrl: string): Promise<string> =>
  startProcess({
    XAPI_BASE_IRI: 'https://training.example.vn/xapi',
    XAPI_FORWARD_URL: `${lrsUrl}/xapi`,
    XAPI_FORWARD_USERNAME: LRS_CLIENT.username,
    XAPI_FORWARD_PASSWORD: LRS_CLIENT.password,
    // Short pauses between tries, so the outage test does not wait out minutes of backoff.
    XAPI_FORWARD_MAX_BACKOFF_S: '2',
  });

async function upload(url: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

async function statementsAt(lrs: string, registration: string): Promise<{ id: string; verb: { id: string }; result?: { score?: { scaled?: number } } }[]> {
  const res = await fetch(`${lrs}/xapi/statements?registration=${registration}`, { headers: { 'x-experience-api-version': '1.0.3', authorization: AUTH } });
  if (!res.ok) throw new Error(`LRS answered ${res.status}`);
  return ((await res.json()) as { statements: { id: string; verb: { id: string } }[] }).statements;
}

/** A port nothing listens on right now, to be taken later. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Each test starts two server processes, which takes a while on a busy machine. */
const PROCESS_TEST_MS = 180_000;

describe('forwarding statements to an external LRS', () => {
  it('sends the statements of an uploaded run on, with the server score', async () => {
    const lrs = await startLrs();
    const fireground = await startForwarding(lrs);
    const { record, score } = playRecord(expertBot, { clientScore: 100 });
    expect(await upload(fireground, record)).toBe(201);
    await expect.poll(() => statementsAt(lrs, record.id).then((s) => s.length), { timeout: 30_000 }).toBe(3);
    const passed = (await statementsAt(lrs, record.id)).find((s) => s.verb.id.endsWith('/passed'));
    expect(passed?.id).toBe(statementId(record.id, 'passed'));
    expect(passed?.result?.score?.scaled).toBeCloseTo(score.percent / 100, 3);
  }, PROCESS_TEST_MS);

  it('keeps statements through an outage and sends them once the LRS is back', async () => {
    const port = await freePort();
    const fireground = await startForwarding(`http://127.0.0.1:${port}`);
    const { record } = playRecord(expertBot);
    expect(await upload(fireground, record)).toBe(201);
    // Nothing listens yet; the LRS comes up after the upload and must still get all three.
    const lrs = await startLrs(port);
    await expect.poll(() => statementsAt(lrs, record.id).then((s) => s.length), { timeout: 60_000 }).toBe(3);
  }, PROCESS_TEST_MS);

  it('does not let a statement the LRS refuses as a conflict hold back the others', async () => {
    const lrs = await startLrs();
    const { record } = playRecord(expertBot);
    const clash = statementId(record.id, 'initialized');
    // The LRS already holds a different statement under the id Fireground will use.
    const taken = await fetch(`${lrs}/xapi/statements?statementId=${clash}`, {
      method: 'PUT',
      headers: { 'x-experience-api-version': '1.0.3', authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ actor: { mbox: 'mailto:someone@example.vn' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'https://central.example.vn/xapi/activities/other' } }),
    });
    expect(taken.status).toBe(204);
    const fireground = await startForwarding(lrs);
    expect(await upload(fireground, record)).toBe(201);
    await expect.poll(() => statementsAt(lrs, record.id).then((s) => s.map((x) => x.id).sort()), { timeout: 30_000 }).toEqual([statementId(record.id, 'completed'), statementId(record.id, 'passed')].sort());
    const res = await fetch(`${lrs}/xapi/statements?statementId=${clash}`, { headers: { 'x-experience-api-version': '1.0.3', authorization: AUTH } });
    expect(((await res.json()) as { verb: { id: string } }).verb.id).toBe('http://adlnet.gov/expapi/verbs/experienced');
  }, PROCESS_TEST_MS);
});
