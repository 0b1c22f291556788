/** The upload path: stores each run 'pending' in group-committed batches, acknowledges it, and has the
 *  VerifyPool replay and score it, storing verdicts in batches too; pending runs left by a crash are
 *  picked up again. Each record is replayed on the exact scenario version its content hash names.
 *  Decides no HTTP. */
import { contentHash, type RunRecord, type Scenario } from '../../engine/index';
import { ApiError } from '../http/ApiError';
import type { ScenarioSource } from '../scenarioCatalogue';
import type { GhostSummary } from '../store/ScenarioStore';
import type { InsertOutcome, PendingRun, RunStore, StoredRun, Verdict } from '../store/RunStore';
import { GroupCommit } from './GroupCommit';
import { answerExisting, type SubmitOutcome, type Uploader } from './submitRun';
import { VerifyPool } from './VerifyPool';

export interface IngestOptions {
  /** Worker threads replaying runs; at least one. */
  workers: number;
  /** After the server's verdict is stored (xAPI statements, for instance); its failure is reported, not retried. */
  onVerified?: (run: StoredRun) => Promise<void>;
  onError?: (error: unknown) => void;
  /** How often to look for pending runs nobody is verifying, and how old they must be. */
  sweepMs?: number;
}

export interface SubmitOptions {
  /** false answers 202 as soon as the run is stored; true (default) waits for the verdict. */
  wait?: boolean;
  /** Server-side importers only; uploads take the database clock. */
  receivedAt?: string;
}

const DEFAULT_SWEEP_MS = 30_000;
const VERDICT_MAX_WAIT_MS = 1_000;
const SWEEP_BATCH = 100;

export class RunIngest {
  private readonly inserts: GroupCommit<PendingRun, InsertOutcome>;
  private readonly verdicts: GroupCommit<{ id: string; record: RunRecord; verdict: Verdict }, { applied: boolean; run: StoredRun | null }>;
  private readonly pool: VerifyPool;
  /** Runs this process is verifying now, by id: a repeat upload waits on the same promise. */
  private readonly verifying = new Map<string, Promise<StoredRun>>();
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private readonly sweepMs: number;

  constructor(
    private readonly store: RunStore,
    private readonly scenarios: ScenarioSource,
    private readonly options: IngestOptions,
  ) {
    this.inserts = new GroupCommit((runs) => store.insertPendingRuns(runs), 128);
    this.verdicts = new GroupCommit(async (items) => {
      // Acknowledging uploads comes first: a verdict waits while uploads are being stored (on PGlite
      // both share one thread), but never longer than VERDICT_MAX_WAIT_MS under a steady stream.
      await this.uploadsQuiet();
      return store.completeRuns(items);
    });
    this.pool = new VerifyPool(options.workers);
    this.sweepMs = options.sweepMs ?? DEFAULT_SWEEP_MS;
  }

  async submit(record: RunRecord, uploader: Uploader | null, options: SubmitOptions = {}): Promise<SubmitOutcome> {
    const recordHash = contentHash(record);
    const scenario = await this.scenarios.resolve(record.scenarioId, record.contentHash);
    if (!scenario) {
      // A run stored before its scenario left the catalogue still answers as itself.
      const existing = await this.store.getRun(record.id);
      if (existing) return answerExisting(existing, recordHash, false, uploader);
      throw new ApiError(422, 'unknownScenario', `No scenario "${record.scenarioId}" on this server.`);
    }
    const recordJson = JSON.stringify(record);
    const { inserted, run } = await this.inserts.add({
      id: record.id,
      recordJson,
      scenarioId: record.scenarioId,
      scenarioVersion: record.scenarioVersion,
      record,
      recordHash,
      ownerId: uploader?.userId ?? null,
      unitId: uploader?.unitId ?? null,
      ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }),
    });
    // Conflicts first: a different record under this id must never be verified in its place.
    const answer = answerExisting(run, recordHash, inserted, uploader);
    if (run.status !== 'pending') return answer;
    const verdict = this.verify(run.id, scenario, record, recordJson);
    if (options.wait === false) return answer;
    return answerExisting(await verdict, recordHash, inserted, uploader);
  }

  private uploadsQuiet(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, VERDICT_MAX_WAIT_MS)));
    return Promise.race([this.inserts.idle(), late]).finally(() => clearTimeout(timer));
  }

  /** Starts a replay of a pending run unless this process already runs one; resolves with the stored row. */
  private verify(id: string, scenario: Scenario, record: RunRecord, recordJson: string): Promise<StoredRun> {
    const running = this.verifying.get(id);
    if (running) return running;
    const job = (async () => {
      const verdict = await this.pool.verify(scenario, recordJson);
      const { applied, run } = await this.verdicts.add({ id, record, verdict });
      if (!run) throw new Error(`run ${id} vanished while being verified`);
      if (applied && this.options.onVerified) await this.options.onVerified(run).catch((error: unknown) => this.options.onError?.(error));
      return run;
    })();
    this.verifying.set(id, job);
    // Left pending on failure: the sweep (or the next upload of the same record) tries again.
    job.then(
      () => this.verifying.delete(id),
      (error: unknown) => {
        this.verifying.delete(id);
        this.options.onError?.(error);
      },
    );
    return job;
  }

  /** Verifies pending runs older than one sweep interval that this process is not already verifying. */
  async sweep(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.sweepMs).toISOString();
    const pending = await this.store.pendingRuns(before, SWEEP_BATCH);
    let started = 0;
    for (const run of pending) {
      const scenario = await this.scenarios.resolve(run.scenarioId, run.record.contentHash);
      if (!scenario || this.verifying.has(run.id)) continue;
      started++;
      void this.verify(run.id, scenario, run.record, JSON.stringify(run.record)).catch(() => undefined);
    }
    return started;
  }

  /** The ghost run of a submitted draft, in the same worker threads as the replays. */
  ghost(scenario: Scenario): Promise<GhostSummary> {
    return this.pool.ghost(scenario);
  }

  /** Resolves when the verify workers have started; rejects with the reason if they cannot. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  /** Verifies what a previous process left pending, then keeps sweeping every `sweepMs`. */
  start(): void {
    const sweep = (): void => void this.sweep(new Date(Date.now() + this.sweepMs)).catch((error: unknown) => this.options.onError?.(error));
    sweep();
    this.sweeper = setInterval(() => void this.sweep().catch((error: unknown) => this.options.onError?.(error)), this.sweepMs);
    this.sweeper.unref();
  }

  /** Resolves once no replay started by this process is under way (tests, importers, shutdown). */
  async idle(): Promise<void> {
    while (this.verifying.size > 0) await Promise.allSettled([...this.verifying.values()]);
  }

  /** Waits for the replays under way, then stops the workers. Pending rows stay for the next start. */
  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.idle();
    await this.pool.close();
  }
}
