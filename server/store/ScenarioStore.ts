/** The scenario library as the store keeps it: drafts, immutable versions, the published pointer and
 *  scope, and the transition log. SQL only: whether a caller may save, review or see something is
 *  decided in access/policy.ts and the library routes; each change here is one transaction. */
import { randomUUID } from 'node:crypto';
import type { Scenario } from '../../engine/index';
import type { SqlClient } from './SqlClient';

export const VERSION_STATUSES = ['submitted', 'returned', 'approved', 'published', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export type TransitionAction = 'create' | 'submit' | 'return' | 'approve' | 'publish' | 'withdraw' | 'comment' | 'builtin';

/** What the server's ghost run found at submission. */
export interface GhostSummary {
  expert: { passed: boolean; percent: number; stars: number; endReason: string; endTick: number };
  novice: { passed: boolean; percent: number; stars: number; endReason: string; endTick: number };
}

export interface LibraryScenario {
  id: string;
  builtin: boolean;
  ownerId: string | null;
  unitId: string | null;
  /** The owner's unit path ('' for built-ins): reviewers act over the subtree holding it. */
  unitPath: string;
  draftHash: string | null;
  draftSavedAt: string | null;
  publishedVersion: number | null;
  scopeUnitId: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
}

export interface VersionInfo {
  scenarioId: string;
  version: number;
  contentHash: string;
  authorId: string | null;
  createdAt: string;
  status: VersionStatus;
  ghost: GhostSummary | null;
}

export interface Transition {
  id: string;
  scenarioId: string;
  version: number | null;
  action: TransitionAction;
  fromStatus: string | null;
  toStatus: string | null;
  actorId: string | null;
  at: string;
  comment: string | null;
  scopeUnitId: string | null;
}

/** One playable entry of the catalogue: the published version of a scenario. */
export interface PublishedEntry {
  id: string;
  builtin: boolean;
  version: number;
  contentHash: string;
  publishedAt: string;
  scopeUnitId: string | null;
  /** An earlier version of it was published before this one. */
  republished: boolean;
  content: Scenario;
}

/** Which published scenarios a caller may play; chosen by access/policy.ts. */
export type CatalogueScope = { kind: 'builtin' } | { kind: 'unitPath'; path: string } | { kind: 'all' };

/** A refused change: the library routes turn the code into a 409. */
export class LibraryConflict extends Error {
  constructor(
    readonly code: 'idTaken' | 'reviewPending' | 'unchanged' | 'notAllowed' | 'noDraft' | 'notFound',
    message: string,
  ) {
    super(message);
    this.name = 'LibraryConflict';
  }
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

interface ScenarioRow {
  id: string;
  builtin: boolean;
  owner_id: string | null;
  unit_id: string | null;
  unit_path: string | null;
  draft_hash: string | null;
  draft_saved_at: Date | string | null;
  published_version: number | null;
  scope_unit_id: string | null;
  published_at: Date | string | null;
  withdrawn_at: Date | string | null;
  created_at: Date | string;
}
const toScenario = (r: ScenarioRow): LibraryScenario => ({
  id: r.id,
  builtin: r.builtin,
  ownerId: r.owner_id,
  unitId: r.unit_id,
  unitPath: r.unit_path ?? '',
  draftHash: r.draft_hash,
  draftSavedAt: iso(r.draft_saved_at),
  publishedVersion: r.published_version,
  scopeUnitId: r.scope_unit_id,
  publishedAt: iso(r.published_at),
  withdrawnAt: iso(r.withdrawn_at),
  createdAt: iso(r.created_at) ?? '',
});

interface VersionRow {
  scenario_id: string;
  version: number;
  content_hash: string;
  author_id: string | null;
  created_at: Date | string;
  status: VersionStatus;
  ghost: GhostSummary | null;
}
const toVersion = (r: VersionRow): VersionInfo => ({
  scenarioId: r.scenario_id,
  version: r.version,
  contentHash: r.content_hash,
  authorId: r.author_id,
  createdAt: iso(r.created_at) ?? '',
  status: r.status,
  ghost: r.ghost,
});

interface TransitionRow {
  id: string;
  scenario_id: string;
  version: number | null;
  action: TransitionAction;
  from_status: string | null;
  to_status: string | null;
  actor_id: string | null;
  at: Date | string;
  comment: string | null;
  scope_unit_id: string | null;
}

const SCENARIO_SELECT = 'SELECT s.*, un.path AS unit_path FROM scenarios s LEFT JOIN units un ON un.id = s.unit_id';
const VERSION_COLUMNS = 'scenario_id, version, content_hash, author_id, created_at, status, ghost';

async function log(db: SqlClient, t: Omit<Transition, 'id' | 'at'> & { at?: string }): Promise<void> {
  await db.query(
    `INSERT INTO scenario_transitions (id, scenario_id, version, action, from_status, to_status, actor_id, at, comment, scope_unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now()), $9, $10)`,
    [randomUUID(), t.scenarioId, t.version, t.action, t.fromStatus, t.toStatus, t.actorId, t.at ?? null, t.comment, t.scopeUnitId],
  );
}

export class ScenarioStore {
  constructor(private readonly db: SqlClient) {}

  async get(id: string): Promise<LibraryScenario | null> {
    const rows = await this.db.query<ScenarioRow>(`${SCENARIO_SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ? toScenario(rows[0]) : null;
  }

  async draft(id: string): Promise<Scenario | null> {
    const rows = await this.db.query<{ draft: Scenario | null }>('SELECT draft FROM scenarios WHERE id = $1', [id]);
    return rows[0]?.draft ?? null;
  }

  /** Adds a shipped scenario as a published built-in: a new id as version 1, changed content as the
   *  next version (the previous one superseded), the same content as nothing at all. */
  async ensureBuiltin(scenario: Scenario, hash: string): Promise<'added' | 'updated' | 'unchanged' | 'conflict'> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO scenarios (id, builtin, created_at) VALUES ($1, true, now()) ON CONFLICT (id) DO NOTHING', [scenario.id]);
      const [row] = await tx.query<{ builtin: boolean; published_version: number | null }>('SELECT builtin, published_version FROM scenarios WHERE id = $1 FOR UPDATE', [scenario.id]);
      if (!row?.builtin) return 'conflict';
      const same = await tx.query<{ version: number }>('SELECT version FROM scenario_versions WHERE scenario_id = $1 AND content_hash = $2', [scenario.id, hash]);
      if (same.length > 0) return 'unchanged';
      const version = await this.nextVersion(tx, scenario.id);
      await tx.query("UPDATE scenario_versions SET status = 'superseded' WHERE scenario_id = $1 AND status = 'published'", [scenario.id]);
      await tx.query("INSERT INTO scenario_versions (scenario_id, version, content, content_hash, status) VALUES ($1, $2, $3::jsonb, $4, 'published')", [scenario.id, version, JSON.stringify(scenario), hash]);
      await tx.query('UPDATE scenarios SET published_version = $2, published_at = now(), withdrawn_at = NULL WHERE id = $1', [scenario.id, version]);
      await log(tx, { scenarioId: scenario.id, version, action: 'builtin', fromStatus: null, toStatus: 'published', actorId: null, comment: null, scopeUnitId: null });
      return version === 1 ? 'added' : 'updated';
    });
  }

  private async nextVersion(tx: SqlClient, id: string): Promise<number> {
    const [max] = await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM scenario_versions WHERE scenario_id = $1', [id]);
    return Number(max?.v ?? 0) + 1;
  }

  /** Creates the scenario (owned by `ownerId`) or replaces its draft; throws idTaken when the id
   *  belongs to a built-in or to another owner, so nothing of theirs is touched. */
  async saveDraft(d: { id: string; ownerId: string; unitId: string; content: Scenario; hash: string }): Promise<{ created: boolean; scenario: LibraryScenario }> {
    return this.db.transaction(async (tx) => {
      const created = await tx.query<{ id: string }>(
        `INSERT INTO scenarios (id, owner_id, unit_id, draft, draft_hash, draft_saved_at) VALUES ($1, $2, $3, $4::jsonb, $5, now())
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [d.id, d.ownerId, d.unitId, JSON.stringify(d.content), d.hash],
      );
      if (created.length > 0) {
        await log(tx, { scenarioId: d.id, version: null, action: 'create', fromStatus: null, toStatus: 'draft', actorId: d.ownerId, comment: null, scopeUnitId: null });
      } else {
        const updated = await tx.query<{ id: string }>(
          'UPDATE scenarios SET draft = $2::jsonb, draft_hash = $3, draft_saved_at = now() WHERE id = $1 AND owner_id = $4 AND NOT builtin RETURNING id',
          [d.id, JSON.stringify(d.content), d.hash, d.ownerId],
        );
        if (updated.length === 0) throw new LibraryConflict('idTaken', `The id "${d.id}" is already used by another scenario; choose another id.`);
      }
      const [row] = await tx.query<ScenarioRow>(`${SCENARIO_SELECT} WHERE s.id = $1`, [d.id]);
      return { created: created.length > 0, scenario: toScenario(row as ScenarioRow) };
    });
  }

  /** Freezes the current draft as the next version, 'submitted'. Refused while another version
   *  awaits review, when the draft is already a version, or when the draft changed since `draftHash`. */
  async submit(s: { id: string; actorId: string; content: Scenario; hash: string; draftHash: string; ghost: GhostSummary; comment: string | null }): Promise<VersionInfo> {
    const { id, actorId, content, hash, ghost, comment } = s;
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ draft_hash: string | null }>('SELECT draft_hash FROM scenarios WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw new LibraryConflict('notFound', `No scenario "${id}".`);
      if (row.draft_hash !== s.draftHash) throw new LibraryConflict('unchanged', 'The draft changed while it was being checked; submit again.');
      const pending = await tx.query<{ version: number; status: string }>("SELECT version, status FROM scenario_versions WHERE scenario_id = $1 AND status IN ('submitted', 'approved')", [id]);
      if (pending[0]) throw new LibraryConflict('reviewPending', `Version ${pending[0].version} is ${pending[0].status} and awaits a reviewer; it must be returned or published first.`);
      const same = await tx.query<{ version: number }>('SELECT version FROM scenario_versions WHERE scenario_id = $1 AND content_hash = $2', [id, hash]);
      if (same[0]) throw new LibraryConflict('unchanged', `This draft is already version ${same[0].version}; change it before submitting again.`);
      const version = await this.nextVersion(tx, id);
      const [inserted] = await tx.query<VersionRow>(
        `INSERT INTO scenario_versions (scenario_id, version, content, content_hash, author_id, status, ghost)
         VALUES ($1, $2, $3::jsonb, $4, $5, 'submitted', $6::jsonb) RETURNING ${VERSION_COLUMNS}`,
        [id, version, JSON.stringify(content), hash, actorId, JSON.stringify(ghost)],
      );
      await log(tx, { scenarioId: id, version, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorId, comment, scopeUnitId: null });
      return toVersion(inserted as VersionRow);
    });
  }

  /** Moves one version from one of `from` to `to` (null: stays, a comment) atomically; publishing also supersedes the version
   *  published before and points the scenario (and its scope) at this one, all in one transaction. */
  async transition(t: { id: string; version: number; action: 'return' | 'approve' | 'publish' | 'comment'; from: readonly VersionStatus[]; to: VersionStatus | null; actorId: string; comment: string | null; scopeUnitId?: string | null }): Promise<VersionInfo> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: VersionStatus }>('SELECT status FROM scenario_versions WHERE scenario_id = $1 AND version = $2 FOR UPDATE', [t.id, t.version]);
      if (!row) throw new LibraryConflict('notFound', `No version ${t.version} of "${t.id}".`);
      if (!t.from.includes(row.status)) throw new LibraryConflict('notAllowed', `Version ${t.version} is ${row.status}; it cannot be ${t.action === 'return' ? 'returned' : `${t.action}d`} now.`);
      if (t.action === 'publish') {
        await tx.query('SELECT id FROM scenarios WHERE id = $1 FOR UPDATE', [t.id]);
        await tx.query("UPDATE scenario_versions SET status = 'superseded' WHERE scenario_id = $1 AND status = 'published'", [t.id]);
        await tx.query('UPDATE scenarios SET published_version = $2, scope_unit_id = $3, published_at = now(), withdrawn_at = NULL WHERE id = $1', [t.id, t.version, t.scopeUnitId ?? null]);
      }
      // A comment (to: null) leaves the status as it is.
      const to = t.to ?? row.status;
      const [updated] = await tx.query<VersionRow>(`UPDATE scenario_versions SET status = $3 WHERE scenario_id = $1 AND version = $2 RETURNING ${VERSION_COLUMNS}`, [t.id, t.version, to]);
      await log(tx, { scenarioId: t.id, version: t.version, action: t.action, fromStatus: row.status, toStatus: to, actorId: t.actorId, comment: t.comment, scopeUnitId: t.scopeUnitId ?? null });
      return toVersion(updated as VersionRow);
    });
  }

  /** Takes the published version out of the catalogue (no new plays); its content and runs stay. */
  async withdraw(id: string, actorId: string, comment: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ published_version: number | null; withdrawn_at: unknown }>('SELECT published_version, withdrawn_at FROM scenarios WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw new LibraryConflict('notFound', `No scenario "${id}".`);
      if (row.published_version === null || row.withdrawn_at !== null) throw new LibraryConflict('notAllowed', `"${id}" has no published version to withdraw.`);
      await tx.query('UPDATE scenarios SET withdrawn_at = now() WHERE id = $1', [id]);
      await tx.query("UPDATE scenario_versions SET status = 'withdrawn' WHERE scenario_id = $1 AND version = $2", [id, row.published_version]);
      await log(tx, { scenarioId: id, version: row.published_version, action: 'withdraw', fromStatus: 'published', toStatus: 'withdrawn', actorId, comment, scopeUnitId: null });
    });
  }

  async versions(id: string): Promise<VersionInfo[]> {
    const rows = await this.db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM scenario_versions WHERE scenario_id = $1 ORDER BY version`, [id]);
    return rows.map(toVersion);
  }

  async versionContent(id: string, version: number): Promise<{ info: VersionInfo; content: Scenario } | null> {
    const rows = await this.db.query<VersionRow & { content: Scenario }>(`SELECT ${VERSION_COLUMNS}, content FROM scenario_versions WHERE scenario_id = $1 AND version = $2`, [id, version]);
    const row = rows[0];
    return row ? { info: toVersion(row), content: row.content } : null;
  }

  /** The exact version a run record names by its content hash, whatever its status now. */
  async versionByHash(id: string, hash: string): Promise<{ info: VersionInfo; content: Scenario } | null> {
    const rows = await this.db.query<VersionRow & { content: Scenario }>(`SELECT ${VERSION_COLUMNS}, content FROM scenario_versions WHERE scenario_id = $1 AND content_hash = $2`, [id, hash]);
    const row = rows[0];
    return row ? { info: toVersion(row), content: row.content } : null;
  }

  async transitions(id: string): Promise<Transition[]> {
    const rows = await this.db.query<TransitionRow>('SELECT * FROM scenario_transitions WHERE scenario_id = $1 ORDER BY at, id', [id]);
    return rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenario_id,
      version: r.version,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      actorId: r.actor_id,
      at: iso(r.at) ?? '',
      comment: r.comment,
      scopeUnitId: r.scope_unit_id,
    }));
  }

  /** Published, not withdrawn scenarios within `scope`, each at its published version. */
  async published(scope: CatalogueScope, withContent = true): Promise<PublishedEntry[]> {
    const params: unknown[] = [];
    let where = 'TRUE';
    if (scope.kind === 'builtin') where = 's.builtin';
    if (scope.kind === 'unitPath') {
      params.push(scope.path);
      // The caller's unit lies under the scope unit: its path starts with the scope's path.
      where = `(s.builtin OR $1 LIKE su.path || '%')`;
    }
    const rows = await this.db.query<{ id: string; builtin: boolean; version: number; content_hash: string; published_at: Date | string; scope_unit_id: string | null; republished: boolean; content: Scenario | null }>(
      `SELECT s.id, s.builtin, v.version, v.content_hash, s.published_at, s.scope_unit_id, ${withContent ? 'v.content' : 'NULL AS content'},
         EXISTS (SELECT 1 FROM scenario_versions p WHERE p.scenario_id = s.id AND p.version < v.version AND p.status IN ('superseded', 'withdrawn')) AS republished
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.published_version
       LEFT JOIN units su ON su.id = s.scope_unit_id
       WHERE s.withdrawn_at IS NULL AND ${where} ORDER BY s.id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, builtin: r.builtin, version: r.version, contentHash: r.content_hash, publishedAt: iso(r.published_at) ?? '', scopeUnitId: r.scope_unit_id, republished: r.republished, content: r.content as Scenario }));
  }

  /** Scenarios a person owns, or (reviewers) whose owner's unit lies under `reviewPath`. */
  async workspace(ownerId: string, reviewPath: string | null): Promise<(LibraryScenario & { latest: VersionInfo | null })[]> {
    const params: unknown[] = [ownerId];
    let where = 's.owner_id = $1';
    if (reviewPath !== null) {
      params.push(`${reviewPath}%`);
      where = `(${where} OR (NOT s.builtin AND un.path LIKE $2))`;
    }
    const rows = await this.db.query<ScenarioRow>(`${SCENARIO_SELECT} WHERE ${where} ORDER BY s.created_at DESC, s.id`, params);
    const out = [];
    for (const row of rows) {
      const [latest] = await this.db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM scenario_versions WHERE scenario_id = $1 ORDER BY version DESC LIMIT 1`, [row.id]);
      out.push({ ...toScenario(row), latest: latest ? toVersion(latest) : null });
    }
    return out;
  }

  async isReviewer(userId: string): Promise<boolean> {
    const rows = await this.db.query<{ user_id: string }>('SELECT user_id FROM scenario_reviewers WHERE user_id = $1', [userId]);
    return rows.length > 0;
  }

  /** Gives a (senior) instructor the reviewer permission. */
  async grantReviewer(userId: string): Promise<void> {
    await this.db.query('INSERT INTO scenario_reviewers (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
  }
}
