/** Accepts one uploaded run record: idempotent by id, replayed and scored by the server, stored once.
 *  Decides the HTTP outcome but does no HTTP itself, so the rules are testable without a socket. */
import { contentHash, type RunRecord } from '../../engine/index';
import { ApiError } from '../http/ApiError';
import type { ScenarioCatalogue } from '../scenarioCatalogue';
import type { RunStore, StoredRun } from '../store/RunStore';
import { verifyRun } from './verifyRun';

export interface RunReceipt {
  id: string;
  status: StoredRun['status'];
  percent: number | null;
  passed: boolean | null;
  stars: number | null;
  result: StoredRun['result'];
  hashMatches: boolean | null;
}

export interface SubmitOutcome {
  httpStatus: 200 | 201;
  receipt: RunReceipt;
}

function receiptOf(run: StoredRun): RunReceipt {
  return { id: run.id, status: run.status, percent: run.percent, passed: run.passed, stars: run.stars, result: run.result, hashMatches: run.hashMatches };
}

/** Answers for a row that is already stored: same record -> same answer; different -> conflict. */
function answerExisting(run: StoredRun, recordHash: string, fresh: boolean): SubmitOutcome {
  if (run.recordHash !== recordHash) {
    throw new ApiError(409, 'idConflict', `A different record is already stored under id ${run.id}.`);
  }
  if (run.status === 'rejected') {
    throw new ApiError(422, 'replayRejected', `The intent log does not replay: ${run.error ?? 'unknown reason'}`);
  }
  return { httpStatus: fresh ? 201 : 200, receipt: receiptOf(run) };
}

export async function submitRun(store: RunStore, catalogue: ScenarioCatalogue, record: RunRecord): Promise<SubmitOutcome> {
  const recordHash = contentHash(record);
  const existing = await store.getRun(record.id);
  if (existing) return answerExisting(existing, recordHash, false);

  const scenario = catalogue.get(record.scenarioId);
  if (!scenario) throw new ApiError(422, 'unknownScenario', `No scenario "${record.scenarioId}" on this server.`);

  const { inserted, run } = await store.insertRun(verifyRun(scenario, record));
  return answerExisting(run, recordHash, inserted);
}
