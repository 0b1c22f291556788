/** The xAPI statements one verified attempt produces: initialized, completed, then passed or failed
 *  with the server's score, an ISO 8601 duration and the run id as context.registration (the crew as
 *  context.team for drills). Ids derive from the run, so generating twice stores nothing new. */
import { createHash } from 'node:crypto';
import { TICK_MS } from '../../engine/index';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { SqlStore } from '../store/SqlStore';
import type { StoredRun } from '../store/RunStore';
import type { ForwarderOptions, LrsForwardConfig } from './LrsForwarder';
import type { Agent, Group, Statement } from './Statement';
import { prepare, SERVER_AUTHORITY_NAME } from './storeStatements';

export interface XapiConfig {
  /** Base IRI of activities and accounts, e.g. https://training.example.vn/xapi (no trailing slash). */
  baseIri: string;
  /** LRS clients allowed to use the Statement API with HTTP Basic auth. */
  clients: readonly { username: string; password: string }[];
  /** An external LRS that every generated statement is sent on to; none when unset. */
  forward?: LrsForwardConfig & Pick<ForwarderOptions, 'intervalMs' | 'maxBackoffMs'>;
}

/** Until configured: example.org is reserved, so these IRIs can never name someone else's activities. */
export const DEFAULT_XAPI_CONFIG: XapiConfig = { baseIri: 'https://fireground.example.org/xapi', clients: [] };

const VERB = (name: string, vi: string, en: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': en, vi } });
export const VERBS = {
  initialized: VERB('initialized', 'đã bắt đầu', 'initialized'),
  completed: VERB('completed', 'đã hoàn thành', 'completed'),
  passed: VERB('passed', 'đạt', 'passed'),
  failed: VERB('failed', 'không đạt', 'failed'),
};

/** A name-based UUID (version 5 layout over SHA-256), stable for one run and verb. */
export function statementId(runId: string, verb: string): string {
  const h = createHash('sha256').update(`fireground-xapi:${runId}:${verb}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Seconds as an ISO 8601 duration: PT83.4S. */
export function isoDuration(seconds: number): string {
  return `PT${Math.round(seconds * 10) / 10}S`;
}

export interface AttemptActor {
  /** The user id, or null for an anonymous practice run. */
  userId: string | null;
  displayName: string;
}

/** The scenario library's version the run was played on (found by the record's content hash). */
export interface PlayedVersion {
  version: number;
  contentHash: string;
}

export function attemptStatements(run: StoredRun, actor: AttemptActor, title: { vi: string; en: string }, baseIri: string, played: PlayedVersion | null = null): Statement[] {
  if (run.status !== 'verified' || run.percent === null || run.passed === null) return [];
  const agent: Agent = { objectType: 'Agent', name: actor.displayName, account: { homePage: baseIri, name: actor.userId ?? 'anonymous' } };
  const object = {
    objectType: 'Activity' as const,
    id: `${baseIri}/activities/scenarios/${encodeURIComponent(run.scenarioId)}`,
    definition: { name: { vi: title.vi, 'en-US': title.en }, type: 'http://adlnet.gov/expapi/activities/simulation' },
  };
  const seconds = (run.record.endTick * TICK_MS) / 1000;
  const end = new Date(run.receivedAt);
  const start = run.record.startedAt !== undefined && !Number.isNaN(Date.parse(run.record.startedAt)) ? new Date(run.record.startedAt) : new Date(end.getTime() - seconds * 1000);
  const team: Group | undefined = run.drill
    ? {
        objectType: 'Group',
        name: `Drill ${run.drill.code}`,
        member: run.drill.participants.map((p) => ({ objectType: 'Agent' as const, name: p.name, account: { homePage: `${baseIri}/drills/${run.drill?.code ?? ''}`, name: p.id } })),
      }
    : undefined;
  const context = {
    registration: run.id,
    platform: 'Fireground',
    ...(team && team.member && team.member.length > 0 ? { team } : {}),
    extensions: {
      [`${baseIri}/extensions/scenario-version`]: run.scenarioVersion,
      // Which library version was scored: publishing a later one never changes what this run was.
      ...(played ? { [`${baseIri}/extensions/scenario-library-version`]: played.version, [`${baseIri}/extensions/scenario-content-hash`]: played.contentHash } : {}),
    },
  };
  const result = {
    score: { scaled: Math.round(run.percent * 10) / 1000, raw: run.percent, min: 0, max: 100 },
    success: run.passed,
    completion: true,
    duration: isoDuration(seconds),
    extensions: { [`${baseIri}/extensions/stars`]: run.stars ?? 0 },
  };
  return [
    { id: statementId(run.id, 'initialized'), actor: agent, verb: VERBS.initialized, object, context, timestamp: start.toISOString() },
    { id: statementId(run.id, 'completed'), actor: agent, verb: VERBS.completed, object, result: { completion: true, duration: result.duration }, context, timestamp: end.toISOString() },
    { id: statementId(run.id, run.passed ? 'passed' : 'failed'), actor: agent, verb: run.passed ? VERBS.passed : VERBS.failed, object, result, context, timestamp: end.toISOString() },
  ];
}

/** Stores the statements of a verified run unless they are there already. Safe to call again on a
 *  repeated upload, which is how a crash between storing the run and its statements heals. */
export async function recordAttempt(store: SqlStore, catalogue: ScenarioCatalogue, run: StoredRun, baseIri: string): Promise<void> {
  if (run.status !== 'verified' || (await store.xapi.hasRunStatements(run.id))) return;
  const owner = run.ownerId === null ? null : await store.accounts.getUser(run.ownerId);
  const title = catalogue.get(run.scenarioId)?.title ?? { vi: run.scenarioId, en: run.scenarioId };
  const found = await store.scenarios.versionByHash(run.scenarioId, run.record.contentHash);
  const played = found ? { version: found.info.version, contentHash: found.info.contentHash } : null;
  const statements = attemptStatements(run, { userId: owner?.id ?? null, displayName: owner?.displayName ?? 'Anonymous' }, title, baseIri, played);
  const authority: Agent = { objectType: 'Agent', name: 'Fireground', account: { homePage: baseIri, name: SERVER_AUTHORITY_NAME } };
  const stored = new Date().toISOString();
  await store.xapi.insert(statements.map((s) => prepare(s, authority, stored, run.id)));
}
