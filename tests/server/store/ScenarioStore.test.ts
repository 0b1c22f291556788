/** The scenario library's store on the embedded PGlite and on a real PostgreSQL server: built-ins load
 *  once by content hash, versions are immutable, the workflow's transitions are atomic and logged,
 *  and the catalogue honours each publication's scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type Scenario } from '../../../engine/index';
import { ScenarioLibrary } from '../../../server/library/ScenarioLibrary';
import { loadScenarioCatalogue } from '../../../server/scenarioCatalogue';
import type { User } from '../../../server/store/AccountStore';
import { LibraryConflict, type GhostSummary } from '../../../server/store/ScenarioStore';
import type { SqlStore } from '../../../server/store/SqlStore';
import { kitchenScenario } from '../fixtures';
import { BACKENDS } from '../storeBackends';

const GHOST: GhostSummary = {
  expert: { passed: true, percent: 100, stars: 3, endReason: 'complete', endTick: 900 },
  novice: { passed: false, percent: 20, stars: 0, endReason: 'timeUp', endTick: 3000 },
};

/** The kitchen scenario under another id, with a title that marks the edit. */
function authored(id: string, edit = ''): { scenario: Scenario; hash: string } {
  const scenario: Scenario = { ...kitchenScenario(), id, title: { vi: `Bếp ${edit}`, en: `Kitchen ${edit}` } };
  return { scenario, hash: contentHash(scenario) };
}

describe.each(BACKENDS)('ScenarioStore on %s', (_name, make) => {
  const backend = make();
  let store: SqlStore;
  let author: User;
  let other: User;
  let reviewer: User;

  beforeAll(async () => {
    store = await backend.open();
    await store.migrate();
    const a = store.accounts;
    await a.createUnit({ id: 'dept', parentId: null, kind: 'department', name: 'Cục' });
    await a.createUnit({ id: 'hn', parentId: 'dept', kind: 'provincial', name: 'Hà Nội' });
    await a.createUnit({ id: 'hn-a', parentId: 'hn', kind: 'station', name: 'Đội A' });
    await a.createUnit({ id: 'hcm', parentId: 'dept', kind: 'provincial', name: 'Hồ Chí Minh' });
    author = await a.createUser({ username: 'author', displayName: 'Tác giả', role: 'instructor', unitId: 'hn-a', passwordHash: 'x' });
    other = await a.createUser({ username: 'other', displayName: 'Người khác', role: 'instructor', unitId: 'hn-a', passwordHash: 'x' });
    reviewer = await a.createUser({ username: 'reviewer', displayName: 'Quản lý', role: 'manager', unitId: 'hn', passwordHash: 'x' });
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('loads the shipped scenarios once: a second start adds nothing, and content keeps its hash', async () => {
    const first = await new ScenarioLibrary(store.scenarios, loadScenarioCatalogue()).loadBuiltins();
    expect(first.added.length).toBeGreaterThanOrEqual(4);
    const again = await new ScenarioLibrary(store.scenarios, loadScenarioCatalogue()).loadBuiltins();
    expect(again).toEqual({ added: [], updated: [], unchanged: first.added, conflicts: [] });
    const kitchen = kitchenScenario();
    const stored = await store.scenarios.versionContent(kitchen.id, 1);
    expect(stored?.info).toMatchObject({ version: 1, status: 'published', contentHash: contentHash(kitchen) });
    // jsonb reorders keys; the canonical hash of what comes back is still the file's.
    expect(contentHash(stored?.content)).toBe(contentHash(kitchen));
    expect(await store.scenarios.versions(kitchen.id)).toHaveLength(1);
  });

  it('adds a changed built-in file as its next version and supersedes the old one', async () => {
    const changed = { ...kitchenScenario(), estimatedMinutes: 99 };
    expect(await store.scenarios.ensureBuiltin(changed, contentHash(changed))).toBe('updated');
    const versions = await store.scenarios.versions(changed.id);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect((await store.scenarios.get(changed.id))?.publishedVersion).toBe(2);
  });

  it("refuses a draft under an id someone else's scenario holds, and leaves theirs untouched", async () => {
    const mine = authored('ban-cong', 'v1');
    const saved = await store.scenarios.saveDraft({ id: 'ban-cong', ownerId: author.id, unitId: 'hn-a', content: mine.scenario, hash: mine.hash });
    expect(saved).toMatchObject({ created: true, scenario: { ownerId: author.id, unitPath: 'dept/hn/hn-a/', draftHash: mine.hash } });
    const theirs = authored('ban-cong', 'hijack');
    await expect(store.scenarios.saveDraft({ id: 'ban-cong', ownerId: other.id, unitId: 'hn-a', content: theirs.scenario, hash: theirs.hash })).rejects.toMatchObject({ code: 'idTaken' });
    await expect(store.scenarios.saveDraft({ id: 'apartment-kitchen-oil', ownerId: other.id, unitId: 'hn-a', content: theirs.scenario, hash: theirs.hash })).rejects.toBeInstanceOf(LibraryConflict);
    expect((await store.scenarios.get('ban-cong'))?.draftHash).toBe(mine.hash);
  });

  it('walks submit, return, resubmit and publish, logging each step with who and why', async () => {
    const s = store.scenarios;
    const v1 = authored('ban-cong', 'v1');
    expect(await s.submit({ id: 'ban-cong', actorId: author.id, content: v1.scenario, hash: v1.hash, draftHash: v1.hash, ghost: GHOST, comment: null })).toMatchObject({ version: 1, status: 'submitted', ghost: GHOST });
    await expect(s.submit({ id: 'ban-cong', actorId: author.id, content: v1.scenario, hash: v1.hash, draftHash: v1.hash, ghost: GHOST, comment: null })).rejects.toMatchObject({ code: 'reviewPending' });
    await s.transition({ id: 'ban-cong', version: 1, action: 'return', from: ['submitted', 'approved'], to: 'returned', actorId: reviewer.id, comment: 'Thêm nạn nhân ở ban công' });
    await expect(s.transition({ id: 'ban-cong', version: 1, action: 'publish', from: ['submitted', 'approved'], to: 'published', actorId: reviewer.id, comment: null, scopeUnitId: 'hn' })).rejects.toMatchObject({ code: 'notAllowed' });
    await expect(s.submit({ id: 'ban-cong', actorId: author.id, content: v1.scenario, hash: v1.hash, draftHash: v1.hash, ghost: GHOST, comment: null })).rejects.toMatchObject({ code: 'unchanged' });

    const v2 = authored('ban-cong', 'v2');
    await s.saveDraft({ id: 'ban-cong', ownerId: author.id, unitId: 'hn-a', content: v2.scenario, hash: v2.hash });
    expect((await s.submit({ id: 'ban-cong', actorId: author.id, content: v2.scenario, hash: v2.hash, draftHash: v2.hash, ghost: GHOST, comment: 'Đã sửa' })).version).toBe(2);
    await s.transition({ id: 'ban-cong', version: 2, action: 'publish', from: ['submitted', 'approved'], to: 'published', actorId: reviewer.id, comment: 'Đạt', scopeUnitId: 'hn' });

    expect((await s.versions('ban-cong')).map((v) => [v.version, v.status])).toEqual([
      [1, 'returned'],
      [2, 'published'],
    ]);
    const log = await s.transitions('ban-cong');
    expect(log.map((t) => [t.action, t.version, t.fromStatus, t.toStatus])).toEqual([
      ['create', null, null, 'draft'],
      ['submit', 1, 'draft', 'submitted'],
      ['return', 1, 'submitted', 'returned'],
      ['submit', 2, 'draft', 'submitted'],
      ['publish', 2, 'submitted', 'published'],
    ]);
    expect(log[2]).toMatchObject({ actorId: reviewer.id, comment: 'Thêm nạn nhân ở ban công' });
    expect(log[4]).toMatchObject({ actorId: reviewer.id, scopeUnitId: 'hn' });
  });

  it('shows a publication only within its scope: the province sees it, another province and anonymous do not', async () => {
    const ids = async (scope: Parameters<SqlStore['scenarios']['published']>[0]) => (await store.scenarios.published(scope, false)).map((e) => e.id);
    expect(await ids({ kind: 'unitPath', path: 'dept/hn/hn-a/' })).toContain('ban-cong');
    expect(await ids({ kind: 'unitPath', path: 'dept/hn/' })).toContain('ban-cong');
    expect(await ids({ kind: 'unitPath', path: 'dept/hcm/' })).not.toContain('ban-cong');
    expect(await ids({ kind: 'unitPath', path: 'dept/' })).not.toContain('ban-cong');
    expect(await ids({ kind: 'builtin' })).not.toContain('ban-cong');
    expect(await ids({ kind: 'builtin' })).toContain('apartment-kitchen-oil');
    expect(await ids({ kind: 'unitPath', path: 'dept/hcm/' })).toContain('apartment-kitchen-oil');
  });

  it('keeps every version as it was written: the database refuses to change or delete one', async () => {
    const v1 = authored('ban-cong', 'v1');
    const before = await store.scenarios.versionContent('ban-cong', 1);
    const db = (store as unknown as { db: { query: (sql: string, p?: unknown[]) => Promise<unknown[]> } }).db;
    await expect(db.query("UPDATE scenario_versions SET content = '{}'::jsonb WHERE scenario_id = 'ban-cong' AND version = 1")).rejects.toThrow(/immutable/);
    await db.query("DELETE FROM scenario_versions WHERE scenario_id = 'ban-cong'");
    const after = await store.scenarios.versionContent('ban-cong', 1);
    expect(after).toEqual(before);
    expect(after?.info.contentHash).toBe(v1.hash);
    expect(contentHash(after?.content)).toBe(v1.hash);
    expect((await store.scenarios.versionByHash('ban-cong', v1.hash))?.info.version).toBe(1);
  });

  it('withdraws the published version: out of the catalogue, content kept, logged', async () => {
    await store.scenarios.withdraw('ban-cong', reviewer.id, 'Sai quy trình');
    expect((await store.scenarios.published({ kind: 'all' }, false)).map((e) => e.id)).not.toContain('ban-cong');
    expect((await store.scenarios.versionContent('ban-cong', 2))?.info.status).toBe('withdrawn');
    await expect(store.scenarios.withdraw('ban-cong', reviewer.id, 'again')).rejects.toMatchObject({ code: 'notAllowed' });
    expect((await store.scenarios.transitions('ban-cong')).at(-1)).toMatchObject({ action: 'withdraw', actorId: reviewer.id, comment: 'Sai quy trình' });
  });
});
