/** A fixed set of worker threads running verifyWorker.ts: verify() resolves with the replay's verdict.
 *  A worker that dies is replaced and its jobs fail (their runs stay pending for a later try). */
import { Worker } from 'node:worker_threads';
import { contentHash, type Scenario } from '../../engine/index';
import type { Verdict } from '../store/RunStore';
import type { GhostSummary } from '../store/ScenarioStore';
import type { GhostJob, VerifyAnswer, VerifyJob } from './verifyWorker';

interface Slot {
  worker: Worker;
  /** Resolves when the worker has loaded the engine; rejects if it dies first. */
  ready: Promise<void>;
  /** Scenario keys this worker already holds. */
  sent: Set<string>;
  jobs: Map<number, { resolve: (v: Verdict | GhostSummary) => void; reject: (e: Error) => void }>;
}

const WORKER_URL = new URL('./verifyWorker.ts', import.meta.url);

/** Keyed by content, not id and version: two catalogues may hold different texts under one id. */
const scenarioKeys = new WeakMap<Scenario, string>();
function keyOf(scenario: Scenario): string {
  let key = scenarioKeys.get(scenario);
  if (key === undefined) {
    key = `${scenario.id}@${contentHash(scenario)}`;
    scenarioKeys.set(scenario, key);
  }
  return key;
}

export class VerifyPool {
  private readonly slots: Slot[] = [];
  private nextJob = 1;
  private closed = false;
  /** Set when a worker fails before it said it was ready: respawning would only fail again. */
  private broken: Error | null = null;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a verify pool needs at least one worker, got ${size}`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // The server runs its TypeScript through tsx; the worker needs the same loader whatever ran the parent.
    const worker = new Worker(WORKER_URL, { execArgv: ['--import', 'tsx'] });
    let online = false;
    let markReady = (): void => undefined;
    let failReady = (_: Error): void => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // A pool nobody awaits must not report an unhandled rejection.
    ready.catch(() => undefined);
    const slot: Slot = { worker, ready, sent: new Set(), jobs: new Map() };
    worker.on('message', (answer: VerifyAnswer | 'ready') => {
      if (answer === 'ready') {
        online = true;
        markReady();
        return;
      }
      const job = slot.jobs.get(answer.jobId);
      if (!job) return;
      slot.jobs.delete(answer.jobId);
      if ('verdict' in answer) job.resolve(answer.verdict);
      else if ('ghost' in answer) job.resolve(answer.ghost);
      else job.reject(new Error(answer.error));
    });
    const fail = (why: string): void => {
      for (const job of slot.jobs.values()) job.reject(new Error(why));
      slot.jobs.clear();
      if (!online) {
        this.broken ??= new Error(why);
        failReady(this.broken);
      }
      const at = this.slots.indexOf(slot);
      if (at >= 0 && !this.closed && !this.broken) this.slots[at] = this.spawn();
    };
    worker.on('error', (error: Error) => fail(`verify worker failed: ${error.message}`));
    worker.on('exit', (code) => fail(`verify worker exited with code ${code}`));
    return slot;
  }

  /** Resolves when every worker has loaded; rejects if one cannot start (its reason). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** `recordJson` is the run record as JSON text (see VerifyJob). */
  verify(scenario: Scenario, recordJson: string): Promise<Verdict> {
    return this.send((slot, jobId) => {
      const scenarioKey = keyOf(scenario);
      const job: VerifyJob = { jobId, scenarioKey, recordJson, ...(slot.sent.has(scenarioKey) ? {} : { scenario }) };
      slot.sent.add(scenarioKey);
      return job;
    }) as Promise<Verdict>;
  }

  /** Plays a parsed and checked draft with the expert and novice bots (the library's submission). */
  ghost(scenario: Scenario): Promise<GhostSummary> {
    return this.send((_slot, jobId): GhostJob => ({ jobId, ghost: scenario })) as Promise<GhostSummary>;
  }

  private send(makeJob: (slot: Slot, jobId: number) => VerifyJob | GhostJob): Promise<Verdict | GhostSummary> {
    if (this.closed) return Promise.reject(new Error('the verify pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    // The least busy worker; ties go to the first.
    const slot = this.slots.reduce((best, s) => (s.jobs.size < best.jobs.size ? s : best));
    const jobId = this.nextJob++;
    const job = makeJob(slot, jobId);
    return new Promise<Verdict | GhostSummary>((resolve, reject) => {
      slot.jobs.set(jobId, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
