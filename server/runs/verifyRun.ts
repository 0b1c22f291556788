/** Re-simulates an uploaded record with the engine and scores the replay: the only source of a
 *  stored score. Reads nothing the client claims about its result (clientScore, finalHash aside). */
import { contentHash, replayRecord, scoreRun, type RunRecord, type Scenario } from '../../engine/index';
import type { NewRun } from '../store/RunStore';

export function verifyRun(scenario: Scenario, record: RunRecord): NewRun {
  const base = {
    id: record.id,
    scenarioId: record.scenarioId,
    scenarioVersion: record.scenarioVersion,
    record,
    recordHash: contentHash(record),
  };
  const rejected = (error: string): NewRun => ({ ...base, status: 'rejected', error, percent: null, passed: null, stars: null, result: null, hashMatches: null });

  let replay: ReturnType<typeof replayRecord>;
  try {
    replay = replayRecord(scenario, record);
  } catch (error) {
    // An engine fault on odd input must not lose the upload: keep it for inspection.
    return rejected(`replayFailed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!replay.ok) return rejected(`${replay.error.code}: ${replay.error.message}`);

  const result = scoreRun(scenario, replay.run.events);
  return {
    ...base,
    status: 'verified',
    error: null,
    percent: result.percent,
    passed: result.passed,
    stars: result.stars,
    result,
    // A mismatch means the client's simulation diverged (or was edited); the replay's score stands.
    hashMatches: replay.hashMatches,
  };
}
