/** The Statement API's write rules (xAPI 1.0.3): ids assigned when absent, a repeat of a stored
 *  statement accepted as a no-op, a different statement under a stored id refused (409), a batch stored
 *  whole or not at all, voiding statements that may not void a voiding statement nor one the server
 *  recorded. Reads and writes a batch in a few multi-row statements. No HTTP here. */
import { createHash, randomUUID } from 'node:crypto';
import { ApiError } from '../http/ApiError';
import type { SqlStore } from '../store/SqlStore';
import type { NewStatement } from '../store/XapiStore';
import { agentKey, VOIDED, XAPI_VERSION, type Agent, type Group, type Statement } from './Statement';

/** Canonical JSON (sorted keys), so equal statements hash equally however their keys were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Two submissions are the same statement when they agree on everything but what the LRS sets. */
export function submittedHash(statement: Statement & { id: string }): string {
  const { stored: _stored, authority: _authority, version: _version, ...rest } = statement;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

function keysOf(actor: Agent | Group, object: Statement['object']): string[] {
  const keys = new Set<string>();
  const own = agentKey(actor);
  if (own) keys.add(own);
  // The `agent` filter matches the actor or an Agent or identified Group as the object.
  if ('objectType' in object && (object.objectType === 'Agent' || object.objectType === 'Group')) {
    const key = agentKey(object);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** What gets stored for one statement: the LRS's own properties set, the filter columns pulled out. */
export function prepare(statement: Statement, authority: Agent | Group, stored: string, runId: string | null = null): NewStatement {
  const id = statement.id ?? randomUUID();
  const withId = { ...statement, id };
  const full = { ...withId, timestamp: statement.timestamp ?? stored, stored, authority, version: statement.version ?? XAPI_VERSION };
  const object = statement.object;
  const isActivity = !('objectType' in object) || object.objectType === 'Activity' || object.objectType === undefined;
  return {
    id,
    statement: full,
    submittedHash: submittedHash(withId),
    agentKeys: keysOf(statement.actor, object),
    verbId: statement.verb.id,
    activityId: isActivity && 'id' in object ? object.id : null,
    registration: statement.context?.registration ?? null,
    voids: statement.verb.id === VOIDED && 'objectType' in object && object.objectType === 'StatementRef' ? object.id : null,
    runId,
    stored,
  };
}

/** The account the server signs its own statements with (attemptStatements.ts); an LRS client's
 *  authority is always `lrs-client:<name>`, set here, so no client can claim this one. */
export const SERVER_AUTHORITY_NAME = 'fireground-server';

function isServerAuthority(authority: unknown): boolean {
  const account = (authority as { account?: { name?: unknown } } | undefined)?.account;
  return account?.name === SERVER_AUTHORITY_NAME;
}

/** The most statements one POST may carry; a larger batch is refused before anything is checked. */
export const MAX_BATCH = 1000;

/** Stores a batch under the spec's rules; answers the ids in order. */
export async function storeStatements(store: SqlStore, statements: readonly Statement[], authority: Agent | Group, now: Date): Promise<string[]> {
  const stored = now.toISOString();
  const prepared = statements.map((s) => prepare(s, authority, stored));
  const ids = prepared.map((p) => p.id);
  if (new Set(ids).size !== ids.length) throw new ApiError(400, 'duplicateId', 'The batch holds two statements with the same id.');
  await store.xapi.transaction(async (db) => {
    const existing = await store.xapi.getMany([...ids, ...prepared.flatMap((p) => (p.voids === null ? [] : [p.voids]))], db);
    const fresh: NewStatement[] = [];
    for (const p of prepared) {
      const stored = existing.get(p.id);
      if (stored) {
        if (stored.submittedHash !== p.submittedHash) throw new ApiError(409, 'conflict', `A different statement is already stored under id ${p.id}; statements are immutable.`);
        continue;
      }
      if (p.voids !== null) {
        const target = existing.get(p.voids) ?? fresh.find((f) => f.id === p.voids) ?? null;
        const targetVoids = target && 'voids' in target ? target.voids : null;
        if (targetVoids !== null) throw new ApiError(400, 'cannotVoidVoiding', `Statement ${p.voids} is itself a voiding statement and cannot be voided.`);
        if (target && isServerAuthority((target.statement as { authority?: unknown }).authority)) {
          throw new ApiError(403, 'cannotVoidServerStatement', `Statement ${p.voids} was recorded by the server from a verified run; LRS clients cannot void it.`);
        }
      }
      fresh.push(p);
    }
    await store.xapi.insert(fresh, db);
  });
  return ids;
}
