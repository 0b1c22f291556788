/** Worker thread body of VerifyPool: replays and scores run records, and plays the ghost run of a
 *  submitted draft, off the main thread so that uploads, the API and drill rooms stay responsive.
 *  Touches no database; answers verdicts and ghost results only. */
import { parentPort } from 'node:worker_threads';
import type { RunRecord, Scenario } from '../../engine/index';
import { ghostRun } from '../library/ghostRun';
import type { Verdict } from '../store/RunStore';
import type { GhostSummary } from '../store/ScenarioStore';
import { verifyRun } from './verifyRun';

export interface VerifyJob {
  jobId: number;
  /** Names the scenario's content: the worker keeps each scenario it has been sent once. */
  scenarioKey: string;
  scenario?: Scenario;
  /** The record as JSON text: a string crosses to the worker far cheaper than an object graph. */
  recordJson: string;
}

/** A submitted draft to play with the expert and novice bots; the scenario is parsed and checked. */
export interface GhostJob {
  jobId: number;
  ghost: Scenario;
}

export type VerifyAnswer = { jobId: number; verdict: Verdict } | { jobId: number; ghost: GhostSummary } | { jobId: number; error: string };

const scenarios = new Map<string, Scenario>();

parentPort?.on('message', (job: VerifyJob | GhostJob) => {
  try {
    if ('ghost' in job) {
      parentPort?.postMessage({ jobId: job.jobId, ghost: ghostRun(job.ghost) } satisfies VerifyAnswer);
      return;
    }
    if (job.scenario) scenarios.set(job.scenarioKey, job.scenario);
    const scenario = scenarios.get(job.scenarioKey);
    if (!scenario) throw new Error(`scenario ${job.scenarioKey} was never sent to this worker`);
    const { status, error, percent, passed, stars, result, hashMatches } = verifyRun(scenario, JSON.parse(job.recordJson) as RunRecord);
    if (status === 'pending') throw new Error('verifyRun answered pending');
    parentPort?.postMessage({ jobId: job.jobId, verdict: { status, error, percent, passed, stars, result, hashMatches } } satisfies VerifyAnswer);
  } catch (error) {
    parentPort?.postMessage({ jobId: job.jobId, error: error instanceof Error ? error.message : String(error) } satisfies VerifyAnswer);
  }
});

// Tells the pool the module loaded: a worker that dies before this will not be respawned.
parentPort?.postMessage('ready');
