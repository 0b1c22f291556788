/** Units, users, sessions and login failures as the store keeps them. Plain records and SQL only:
 *  who may see or change what is decided in access/policy.ts, never here. */
import { randomUUID } from 'node:crypto';
import type { SqlClient } from './SqlClient';

export const ROLES = ['trainee', 'instructor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const UNIT_KINDS = ['department', 'provincial', 'station', 'team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  /** 'root/child/.../id/': a unit's subtree is every unit whose path starts with this. */
  path: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  disabled: boolean;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string;
  disabled: boolean;
  password_hash: string;
}
interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  name: string;
  path: string;
}
const iso = (v: Date | string): string => new Date(v).toISOString();
const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, unitId: r.unit_id, disabled: r.disabled });
const toUnit = (r: UnitRow): Unit => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, path: r.path });

export class AccountStore {
  constructor(private readonly db: SqlClient) {}

  async createUnit(unit: { id: string; parentId: string | null; kind: UnitKind; name: string }): Promise<Unit> {
    const parent = unit.parentId === null ? null : await this.getUnit(unit.parentId);
    if (unit.parentId !== null && !parent) throw new Error(`no parent unit ${unit.parentId}`);
    const path = `${parent?.path ?? ''}${unit.id}/`;
    const rows = await this.db.query<UnitRow>('INSERT INTO units (id, parent_id, kind, name, path) VALUES ($1, $2, $3, $4, $5) RETURNING *', [unit.id, unit.parentId, unit.kind, unit.name, path]);
    return toUnit(rows[0] as UnitRow);
  }

  async getUnit(id: string): Promise<Unit | null> {
    const rows = await this.db.query<UnitRow>('SELECT * FROM units WHERE id = $1', [id]);
    return rows[0] ? toUnit(rows[0]) : null;
  }

  /** Every unit whose path starts with `pathPrefix` ('' for all), in tree order. */
  async listUnits(pathPrefix = ''): Promise<Unit[]> {
    const rows = await this.db.query<UnitRow>('SELECT * FROM units WHERE path LIKE $1 ORDER BY path', [`${pathPrefix}%`]);
    return rows.map(toUnit);
  }

  async createUser(user: { username: string; displayName: string; role: Role; unitId: string; passwordHash: string }): Promise<User> {
    const rows = await this.db.query<UserRow>(
      'INSERT INTO users (id, username, display_name, role, unit_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [randomUUID(), user.username.toLowerCase(), user.displayName, user.role, user.unitId, user.passwordHash],
    );
    return toUser(rows[0] as UserRow);
  }

  async findByUsername(username: string): Promise<UserWithHash | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username.toLowerCase()]);
    const row = rows[0];
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async getUser(id: string): Promise<User | null> {
    const rows = await this.db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Users whose unit path starts with `pathPrefix`, or exactly in `unitIds` when given. */
  async listUsers(filter: { pathPrefix?: string; unitIds?: readonly string[]; userId?: string }): Promise<User[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.pathPrefix !== undefined) {
      params.push(`${filter.pathPrefix}%`);
      where.push(`un.path LIKE $${params.length}`);
    }
    if (filter.unitIds !== undefined) {
      if (filter.unitIds.length === 0) return [];
      where.push(`u.unit_id IN (${filter.unitIds.map((id) => (params.push(id), `$${params.length}`)).join(', ')})`);
    }
    if (filter.userId !== undefined) {
      params.push(filter.userId);
      where.push(`u.id = $${params.length}`);
    }
    const rows = await this.db.query<UserRow>(
      `SELECT u.* FROM users u JOIN units un ON un.id = u.unit_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY un.path, u.display_name`,
      params,
    );
    return rows.map(toUser);
  }

  async createSession(session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<SessionRow> {
    const id = randomUUID();
    await this.db.query('INSERT INTO sessions (token_hash, id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      session.tokenHash,
      id,
      session.userId,
      session.createdAt.toISOString(),
      session.expiresAt.toISOString(),
    ]);
    return { id, userId: session.userId, createdAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString(), revokedAt: null };
  }

  /** The live session for a token hash with its user: null when unknown, expired, revoked or disabled. */
  async findLiveSession(tokenHash: string, now: Date): Promise<{ session: SessionRow; user: User; unitPath: string } | null> {
    const rows = await this.db.query<UserRow & { session_id: string; created_at: Date | string; expires_at: Date | string; unit_path: string }>(
      `SELECT u.*, s.id AS session_id, s.created_at, s.expires_at, un.path AS unit_path
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN units un ON un.id = u.unit_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
      [tokenHash, now.toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    return { session: { id: row.session_id, userId: row.id, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at), revokedAt: null }, user: toUser(row), unitPath: row.unit_path };
  }

  async revokeSession(tokenHash: string, now: Date): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now.toISOString()]);
  }

  /** Signs a person out everywhere; answers how many live sessions ended. */
  async revokeUserSessions(userId: string, now: Date): Promise<number> {
    const rows = await this.db.query<{ id: string }>('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id', [userId, now.toISOString()]);
    return rows.length;
  }

  /** Replaces a person's password hash (the caller has checked the old password and the policy). */
  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
  }
}
