/** The results store's contract: what routes may ask of it. Backends (PGlite, PostgreSQL) implement
 *  it with the same SQL; nothing here scores or validates runs. */
import type { RunRecord, ScoreResult } from '../../engine/index';
import type { DrillResult } from '../drills/DrillRecord';
import type { RunScope } from '../access/RunScope';

/** 'pending': stored and acknowledged, not yet replayed by the server; it never carries a score. */
export type RunStatus = 'pending' | 'verified' | 'rejected';

/** A row as the server decided it: never the client's own claims. */
export interface NewRun {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  record: RunRecord;
  recordHash: string;
  status: RunStatus;
  error: string | null;
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  result: ScoreResult | null;
  hashMatches: boolean | null;
  /** The signed-in uploader and their unit at upload time; null for anonymous practice runs. */
  ownerId?: string | null;
  unitId?: string | null;
  /** Only server-side tools that import history (the demo seed) set this; uploads take the database clock. */
  receivedAt?: string;
  /** Team drills only: participants, roles, injects and the scores per participant; absent for solo runs. */
  drill?: DrillResult | null;
}

/** An upload as accepted, before the server's replay: stored 'pending' so that a restart can finish it. */
export type PendingRun = Pick<NewRun, 'id' | 'scenarioId' | 'scenarioVersion' | 'record' | 'recordHash' | 'ownerId' | 'unitId' | 'receivedAt'> & {
  /** JSON.stringify(record), when the caller already has it. */
  recordJson?: string;
};

/** What the server's replay decided about a pending run. */
export type Verdict = Pick<NewRun, 'error' | 'percent' | 'passed' | 'stars' | 'result' | 'hashMatches'> & { status: 'verified' | 'rejected' };

export interface StoredRun extends NewRun {
  ownerId: string | null;
  unitId: string | null;
  /** ISO 8601, from the database clock. */
  receivedAt: string;
}

/** A run without its (possibly large) record, for listings. */
export type RunSummary = Omit<StoredRun, 'record' | 'result'>;

export interface BestResult {
  scenarioId: string;
  stars: number;
  percent: number;
  passed: boolean;
}

/** `inserted: false` means a row with that id already existed; `run` is then the existing row. */
export interface InsertOutcome {
  inserted: boolean;
  run: StoredRun;
}

export interface RunStore {
  /** Applies pending numbered migrations; safe to call on every start and from several processes. */
  migrate(): Promise<void>;
  /** `scope` (default: every run) comes from access/policy.ts; a run outside it reads as absent. */
  getRun(id: string, scope?: RunScope): Promise<StoredRun | null>;
  /** Inserts unless the id exists: idempotent by id, never overwrites. */
  insertRun(run: NewRun): Promise<InsertOutcome>;
  /** One multi-row INSERT of pending runs, idempotent by id like insertRun; outcomes in input order. */
  insertPendingRuns(runs: readonly PendingRun[]): Promise<InsertOutcome[]>;
  /** Stores the replay's verdict on a pending run (`record` is the run's own, not read back); a run no
   *  longer pending is left as it is. `applied`
   *  says whether this call decided it (another process may have verified it first). */
  completeRun(id: string, record: RunRecord, verdict: Verdict): Promise<{ applied: boolean; run: StoredRun | null }>;
  /** completeRun for many runs in one statement; outcomes in input order. */
  completeRuns(items: readonly { id: string; record: RunRecord; verdict: Verdict }[]): Promise<{ applied: boolean; run: StoredRun | null }[]>;
  /** Pending runs received before `before` (ISO 8601), oldest first: work a crashed process left. */
  pendingRuns(before: string, limit: number): Promise<StoredRun[]>;
  /** One person's best verified result per scenario: most stars, then highest percent. */
  bestByScenario(ownerId: string): Promise<BestResult[]>;
  /** Newest first, within `scope` (default: every run). */
  listRuns(limit: number, scope?: RunScope): Promise<RunSummary[]>;
  close(): Promise<void>;
}
