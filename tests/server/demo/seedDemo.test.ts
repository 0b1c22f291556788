/** The demo seed on a real server: its people can sign in with the README's password, and the
 *  dashboards show the history it played through the verify path, scoped per role. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo, type SeedSummary } from '../../../server/demo/seedDemo';
import { startTestServer, type TestServer } from '../fixtures';

const NOW = new Date('2025-06-15T09:00:00Z');
let server: TestServer;
let summary: SeedSummary;
const cookies = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ auth: { now: () => NOW } });
  summary = await seedDemo(server.store, server.catalogue, NOW);
  // The seed plays and replays about 150 bot runs over every reference scenario: minutes on a busy 2-core machine.
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

async function as(username: string, path: string): Promise<{ status: number; body: unknown; text: string }> {
  if (!cookies.has(username)) {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    cookies.set(username, (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
  }
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: cookies.get(username) ?? '' } });
  // Buffer keeps a byte order mark that fetch's text() would strip.
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text };
}

describe('npm run seed:demo', () => {
  it('creates units, people of every role, months of runs and assignments', async () => {
    expect(summary).toMatchObject({ units: 7, users: 19, assignments: 8 });
    expect(summary.runs).toBeGreaterThan(100);
    const runs = await (server.store).listRuns(1000);
    expect(runs.every((r) => r.status === 'verified' && r.ownerId !== null)).toBe(true);
    expect(runs.some((r) => r.passed) && runs.some((r) => r.passed === false)).toBe(true);
    await expect(seedDemo(server.store, server.catalogue, NOW)).rejects.toThrow(/already/);
  });

  it('spreads the history over six months with improving pass rates', async () => {
    const trends = (await as('admin', '/api/dashboard/trends')).body as { month: string; runs: number; passed: number }[];
    expect(trends.length).toBeGreaterThanOrEqual(6);
    const rate = (t: { runs: number; passed: number } | undefined): number => (t ? t.passed / t.runs : 0);
    expect(rate(trends.at(-1))).toBeGreaterThan(rate(trends[0]));
  });

  it("shows a station instructor only their station's trainees and a manager only their province", async () => {
    const units = ((await as('hlv.caugiay', '/api/dashboard/competencies')).body as { unitId: string }[]).map((c) => c.unitId);
    expect(new Set(units)).toEqual(new Set(['hn-cau-giay']));
    const province = ((await as('quanly.hcm', '/api/dashboard/competencies')).body as { unitId: string }[]).map((c) => c.unitId);
    expect(new Set(province)).toEqual(new Set(['hcm-quan-1', 'hcm-thu-duc']));
  });

  it('drills down from unit to trainee to run', async () => {
    const trainees = (await as('quanly.hn', '/api/dashboard/units/hn-cau-giay/trainees')).body as { userId: string; displayName: string; runs: number }[];
    expect(trainees.map((t) => t.displayName)).toContain('Trung úy Nguyễn Đức An');
    const first = trainees.find((t) => t.runs > 0);
    const runs = (await as('quanly.hn', `/api/dashboard/trainees/${first?.userId ?? ''}/runs`)).body as { id: string }[];
    expect(runs.length).toBe(first?.runs);
    const run = await as('quanly.hn', `/api/runs/${runs[0]?.id ?? ''}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'verified', record: { intents: expect.any(Array) as unknown } });
  });

  it('fills the compliance matrix with completed and overdue people', async () => {
    const c = (await as('quanly.hn', '/api/dashboard/compliance')).body as { assignments: unknown[]; rows: { unitId: string; cells: { people: number; counts: Record<string, number> }[] }[] };
    expect(c.rows.map((r) => r.unitId).sort()).toEqual(['hn-cau-giay', 'hn-hoan-kiem']);
    const cells = c.rows.flatMap((r) => r.cells.filter((cell) => cell.people > 0));
    expect(cells.length).toBe(4);
    expect(cells.every((cell) => cell.people === 3)).toBe(true);
    const total = (k: string) => cells.reduce((n, cell) => n + (cell.counts[k] ?? 0), 0);
    expect(total('completed')).toBeGreaterThan(0);
    expect(total('completed') + total('overdue') + total('inProgress') + total('assigned')).toBe(cells.length * 3);
  });

  it('lists the criteria most often failed, with their titles', async () => {
    const failed = (await as('admin', '/api/dashboard/failed-criteria')).body as { failed: number; title: { vi: string } }[];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.failed).toBeGreaterThanOrEqual(failed.at(-1)?.failed ?? 0);
    expect(failed[0]?.title.vi.length).toBeGreaterThan(0);
  });

  it('exports CSV with Vietnamese headings by default and English on request', async () => {
    const vi = await as('admin', '/api/dashboard/export/trends.csv');
    expect(vi.text.startsWith('\uFEFFTháng,Số lượt')).toBe(true);
    const en = await as('admin', '/api/dashboard/export/compliance.csv?lang=en');
    expect(en.text).toContain('Unit,Scenario,Due');
    expect(en.text).toContain('Đội Cảnh sát PCCC và CNCH quận Cầu Giấy');
  });

  it('keeps a trainee out of the dashboard but shows them their own assignments', async () => {
    expect((await as('cb.an', '/api/dashboard/trends')).status).toBe(403);
    const mine = (await as('cb.an', '/api/assignments')).body as { people: number; status: string }[];
    expect(mine.length).toBe(2);
    expect(mine.every((a) => a.people === 1 && ['assigned', 'inProgress', 'completed', 'overdue'].includes(a.status))).toBe(true);
  });
});
