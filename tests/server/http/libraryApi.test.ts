/** The scenario library over HTTP on a real server: bad input refused with its reason and nothing
 *  stored; submit, return, resubmit, publish to a province; the catalogue by scope; runs verified
 *  against the exact version they were played on; diff and withdrawal. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRun, expertBot, noviceBot, playWithBot, toRunRecord, type Bot, type Scenario } from '../../../engine/index';
import { hashPassword } from '../../../server/auth/passwordHash';
import { kitchenScenario } from '../fixtures';
import { PASSWORD, startOrgServer, type Answer, type OrgServer } from '../orgFixture';

let org: OrgServer;
let farCookie = '';

/** The kitchen incident as an instructor's own scenario, with an edit mark in its title. */
function draft(edit: string, change: (s: Scenario) => Scenario = (s) => s): Scenario {
  return change({ ...kitchenScenario(), id: 'ban-cong', title: { vi: `Ban công ${edit}`, en: `Balcony ${edit}` } });
}
const error = (a: Answer): { code: string; message: string; issues?: { path: string; message: string }[] } => (a.body as { error: { code: string; message: string } }).error;
const record = (scenario: Scenario, bot: Bot) => toRunRecord(playWithBot(createRun(scenario, 7), bot), randomUUID());

beforeAll(async () => {
  org = await startOrgServer();
  // A trainee in another province, who must never see what is published to this one.
  await org.store.accounts.createUnit({ id: 'far-station', parentId: 'other-prov', kind: 'station', name: 'Đội xa' });
  await org.store.accounts.createUser({ username: 'trainee.far', displayName: 'Xa', role: 'trainee', unitId: 'far-station', passwordHash: await hashPassword(PASSWORD) });
  farCookie = (await org.signIn('trainee.far', PASSWORD)).cookie ?? '';
}, 60_000);
afterAll(async () => {
  await org?.server.stop();
});

const far = async (path: string): Promise<Answer> => {
  const res = await fetch(`${org.server.url}${path}`, { headers: { cookie: farCookie } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
};
const stored = async (id: string) => org.store.scenarios.get(id);

describe('saving drafts', () => {
  it('refuses bad input with the reason, storing nothing', async () => {
    expect((await org.call('anonymous', 'PUT', '/api/library/ban-cong/draft', draft('a'))).status).toBe(401);
    expect((await org.call('trainee', 'PUT', '/api/library/ban-cong/draft', draft('a'))).status).toBe(403);

    const huge = { ...draft('a'), notes: 'x'.repeat(2_100_000) };
    const tooBig = await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', huge);
    expect(tooBig.status).toBe(413);
    expect(error(tooBig).code).toBe('payloadTooLarge');

    const broken = draft('a', (s) => ({ ...s, world: { ...s.world, items: s.world.items.map((i, k) => (k === 0 ? { ...i, growth: 'explosive' } : i)) } }) as unknown as Scenario);
    const refused = await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', broken);
    expect(refused.status).toBe(422);
    expect(error(refused).code).toBe('checkFailed');
    expect(error(refused).issues?.[0]?.path).toBe('$.world.items[0].growth');

    const builtinId = await org.call('instructorA', 'PUT', '/api/library/apartment-kitchen-oil/draft', { ...draft('a'), id: 'apartment-kitchen-oil' });
    expect(builtinId.status).toBe(409);
    expect(error(builtinId).code).toBe('idTaken');
    expect((await org.call('instructorA', 'PUT', '/api/library/other-id/draft', draft('a'))).status).toBe(400);
    expect(await stored('ban-cong')).toBeNull();
    expect(await stored('other-id')).toBeNull();
  });

  it("saves an instructor's draft and refuses the same id to someone else", async () => {
    const saved = await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('v1'));
    expect(saved.status).toBe(201);
    const hash = (await stored('ban-cong'))?.draftHash;
    const taken = await org.call('instructorB', 'PUT', '/api/library/ban-cong/draft', draft('stolen'));
    expect(taken.status).toBe(409);
    expect(error(taken).code).toBe('idTaken');
    expect((await stored('ban-cong'))?.draftHash).toBe(hash);
    expect((await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('v1'))).status).toBe(200);
  });
});

describe('review workflow', () => {
  it('will not submit a draft the ghost run refuses (the novice passes), and stores no version', async () => {
    // Nothing to pass and no critical criterion: even the novice passes, so the rubric tells nothing.
    await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('easy', (s) => ({ ...s, rubric: { ...s.rubric, passPercent: 0, starsPercent: [0, 0, 0], criteria: s.rubric.criteria.filter((c) => c.kind !== 'critical') } })));
    const refused = await org.call('instructorA', 'POST', '/api/library/ban-cong/submit', {});
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(error(refused)).toMatchObject({ code: 'ghostRunFailed', message: expect.stringMatching(/novice bot passes/) as unknown });
    expect(await org.store.scenarios.versions('ban-cong')).toEqual([]);
  }, 60_000);

  it('submits, is returned with a comment, resubmits and is published to the province', async () => {
    await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('v1'));
    const v1 = await org.call('instructorA', 'POST', '/api/library/ban-cong/submit', { comment: 'Xin duyệt' });
    expect(v1.status, JSON.stringify(v1.body)).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, status: 'submitted', ghost: { expert: { passed: true }, novice: { passed: false } } });

    // Not the author's to review; not visible to another station's instructor.
    expect((await org.call('instructorA', 'POST', '/api/library/ban-cong/versions/1/return', { comment: 'tự duyệt' })).status).toBe(403);
    expect((await org.call('instructorB', 'POST', '/api/library/ban-cong/versions/1/return', { comment: 'x' })).status).toBe(404);
    expect((await org.call('instructorA', 'POST', '/api/library/ban-cong/submit', {})).status).toBe(409);

    const returned = await org.call('manager', 'POST', '/api/library/ban-cong/versions/1/return', { comment: 'Thiếu nạn nhân ở ban công', item: '$.world.victims' });
    expect(returned.body).toMatchObject({ status: 'returned' });
    const late = await org.call('manager', 'POST', '/api/library/ban-cong/versions/1/publish', { scopeUnitId: 'prov' });
    expect(late.status).toBe(409);
    expect(error(late).code).toBe('notAllowed');

    await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('v2'));
    expect((await org.call('instructorA', 'POST', '/api/library/ban-cong/submit', { comment: 'Đã sửa' })).status).toBe(201);
    expect((await org.call('manager', 'POST', '/api/library/ban-cong/versions/2/publish', { scopeUnitId: 'other-prov' })).status).toBe(403);
    const published = await org.call('manager', 'POST', '/api/library/ban-cong/versions/2/publish', { scopeUnitId: 'prov', comment: 'Đạt' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const detail = (await org.call('instructorA', 'GET', '/api/library/ban-cong')).body as { publishedVersion: number; scopeUnitId: string; transitions: { action: string; comment: string | null; actorName: string | null }[] };
    expect(detail).toMatchObject({ publishedVersion: 2, scopeUnitId: 'prov' });
    expect(detail.transitions.map((t) => t.action)).toEqual(['create', 'submit', 'return', 'submit', 'publish']);
    expect(detail.transitions[2]).toMatchObject({ comment: '[$.world.victims] Thiếu nạn nhân ở ban công', actorName: 'manager.prov' });
  }, 120_000);

  it('lists it for trainees in the province, never in another province or for anonymous visitors', async () => {
    const listed = (await org.call('trainee', 'GET', '/api/scenarios')).body as { id: string; version: number; mark: string | null }[];
    expect(listed.find((s) => s.id === 'ban-cong')).toMatchObject({ version: 2, mark: 'new' });
    expect(listed.find((s) => s.id === 'apartment-kitchen-oil')).toMatchObject({ version: 1, mark: null });
    expect(((await org.call('anonymous', 'GET', '/api/scenarios')).body as { id: string }[]).map((s) => s.id)).not.toContain('ban-cong');
    expect(((await far('/api/scenarios')).body as { id: string }[]).map((s) => s.id)).not.toContain('ban-cong');
    expect(((await far('/api/scenarios')).body as { id: string }[]).map((s) => s.id)).toContain('apartment-kitchen-oil');
    expect((await org.call('trainee', 'GET', '/api/scenarios/ban-cong')).body).toMatchObject({ title: { en: 'Balcony v2' } });
    expect((await far('/api/scenarios/ban-cong')).status).toBe(404);
    expect((await org.call('anonymous', 'GET', '/api/scenarios/ban-cong')).status).toBe(404);
  });
});

describe('versions', () => {
  it('verifies a version 2 run against version 2 with the same score after version 3 is published', async () => {
    const v2 = draft('v2');
    const first = await org.call('trainee', 'POST', '/api/runs', record(v2, expertBot));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const score = first.body as { percent: number; passed: boolean };
    expect(score.passed).toBe(true);

    // Version 3 raises the bar so high that the same play would fail it.
    await org.call('instructorA', 'PUT', '/api/library/ban-cong/draft', draft('v3', (s) => ({ ...s, rubric: { ...s.rubric, passPercent: 100, starsPercent: [100, 100, 100] } })));
    expect((await org.call('instructorA', 'POST', '/api/library/ban-cong/submit', {})).status).toBe(201);
    expect((await org.call('admin', 'POST', '/api/library/ban-cong/versions/3/approve', {})).status).toBe(200);
    expect((await org.call('admin', 'POST', '/api/library/ban-cong/versions/3/publish', { scopeUnitId: 'prov' })).status).toBe(200);
    expect(((await org.call('trainee', 'GET', '/api/scenarios')).body as { id: string; version: number; mark: string }[]).find((s) => s.id === 'ban-cong')).toMatchObject({ version: 3, mark: 'updated' });

    const replayed = record(v2, expertBot);
    const again = await org.call('trainee', 'POST', '/api/runs', replayed);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'verified', percent: score.percent, passed: score.passed });
    // Its xAPI statements name the library version it was scored on.
    const statements = await org.store.xapi.query({ registration: replayed.id, limit: 10, ascending: true });
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const ext = (s.statement as { context: { extensions: Record<string, unknown> } }).context.extensions;
      expect(Object.entries(ext).find(([k]) => k.endsWith('/extensions/scenario-library-version'))?.[1]).toBe(2);
    }
    const novice = await org.call('trainee', 'POST', '/api/runs', record(v2, noviceBot));
    expect(novice.body).toMatchObject({ status: 'verified', passed: false });
  }, 120_000);

  it('diffs two versions: rubric thresholds and title', async () => {
    const diff = (await org.call('manager', 'GET', '/api/library/ban-cong/diff?from=2&to=3')).body as { rubric: { thresholdsChanged: boolean }; text: { path: string }[]; cells: { count: number }; same: boolean };
    expect(diff).toMatchObject({ rubric: { thresholdsChanged: true }, cells: { count: 0 }, same: false });
    expect(diff.text.map((t) => t.path)).toEqual(['$.title']);
    expect((await org.call('instructorB', 'GET', '/api/library/ban-cong/diff?from=2&to=3')).status).toBe(404);
  });

  it('withdraws it: no new plays, but its runs still verify', async () => {
    expect((await org.call('instructorA', 'POST', '/api/library/ban-cong/withdraw', { comment: 'x' })).status).toBe(403);
    expect((await org.call('manager', 'POST', '/api/library/ban-cong/withdraw', { comment: 'Sai quy trình' })).status).toBe(204);
    expect(((await org.call('trainee', 'GET', '/api/scenarios')).body as { id: string }[]).map((s) => s.id)).not.toContain('ban-cong');
    const late = await org.call('trainee', 'POST', '/api/runs', record(draft('v2'), expertBot));
    expect(late.body).toMatchObject({ status: 'verified', passed: true });
  }, 60_000);
});
