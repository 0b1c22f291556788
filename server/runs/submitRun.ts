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
  /** 202: stored and acknowledged, not yet verified (the caller asked not to wait). */
  httpStatus: 200 | 201 | 202;
  receipt: RunReceipt;
}

export function receiptOf(run: StoredRun): RunReceipt {
  return { id: run.id, status: run.status, percent: run.percent, passed: run.passed, stars: run.stars, result: run.result, hashMatches: run.hashMatches };
}

/** Who uploads: the signed-in person and their unit, or null for an anonymous practice run. */
export interface Uploader {
  userId: string;
  unitId: string;
}

/** Answers for a row that is already stored: same record -> same answer; different -> conflict. A run
 *  someone else owns is a conflict too, so one person's record never answers (or moves) to another. */
export function answerExisting(run: StoredRun, recordHash: string, fresh: boolean, uploader: Uploader | null): SubmitOutcome {
  if (run.recordHash !== recordHash || (run.ownerId !== null && run.ownerId !== uploader?.userId)) {
    throw new ApiError(409, 'idConflict', `A different record is already stored under id ${run.id}.`);
  }
  if (run.status === 'rejected') {
    throw new ApiError(422, 'replayRejected', `The intent log does not replay: ${run.error ?? 'unknown reason'}`);
  }
  if (run.status === 'pending') return { httpStatus: 202, receipt: receiptOf(run) };
  return { httpStatus: fresh ? 201 : 200, receipt: receiptOf(run) };
}

/** Verifies on the calling thread and stores the verdict in one insert: for server-side importers (the
 *  demo seed), whose `receivedAt` sets the history. Uploads go through RunIngest instead. */
export async function submitRun(store: RunStore, catalogue: ScenarioCatalogue, record: RunRecord, uploader: Uploader | null = null, receivedAt?: string): Promise<SubmitOutcome> {
  const recordHash = contentHash(record);
  const existing = await store.getRun(record.id);
  if (existing) return answerExisting(existing, recordHash, false, uploader);

  const scenario = catalogue.get(record.scenarioId);
  if (!scenario) throw new ApiError(422, 'unknownScenario', `No scenario "${record.scenarioId}" on this server.`);

  const verified = verifyRun(scenario, record);
  const { inserted, run } = await store.insertRun({ ...verified, ownerId: uploader?.userId ?? null, unitId: uploader?.unitId ?? null, ...(receivedAt === undefined ? {} : { receivedAt }) });
  return answerExisting(run, recordHash, inserted, uploader);
}
