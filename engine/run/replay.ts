/** Re-simulates a run from its record, to its end or to any tick, and builds records from live runs.
 *  The server's score is always the score of this replay, never the client's claim. */
import { ENGINE_VERSION } from '../version';
import type { Scenario } from '../scenario/format';
import { createRun, stepRun, submitInject, submitIntent, type Run } from './Run';
import type { RunRecord } from './RunRecord';
import { stateHash } from './stateHash';

export type ReplayError =
  | { code: 'scenarioMismatch'; message: string }
  | { code: 'engineMismatch'; message: string }
  | { code: 'intentsOutOfOrder'; message: string }
  | { code: 'intentAfterEnd'; message: string }
  | { code: 'didNotEnd'; message: string };

export type ReplayResult = { ok: true; run: Run; hashMatches: boolean } | { ok: false; error: ReplayError };

/** What re-simulating needs from a record: its seed and its logs of intents and injects. */
export type ReplayLog = Pick<RunRecord, 'seed' | 'intents' | 'injects'>;

/** A record being re-simulated: the one path by which the server, the debrief and the replay viewer
 *  play a record, so injects and intents apply on the same ticks, in the same order, everywhere. */
export interface Replay {
  /** The re-simulated run, at the tick reached so far. */
  readonly run: Run;
  /** Steps until the world reaches `tick` or the run ends, feeding the logged injects, then the logged
   *  intents, of each tick before stepping it. Never steps back: start a new replay for that. */
  advanceTo(tick: number): void;
}

/** A fresh run of `scenario` with the record's seed, ready to be advanced through the record's logs. */
export function startReplay(scenario: Scenario, log: ReplayLog): Replay {
  const run = createRun(scenario, log.seed);
  const intents = log.intents;
  const injects = log.injects ?? [];
  let i = 0;
  let j = 0;
  return {
    run,
    advanceTo(tick: number): void {
      while (run.world.tick < tick && run.endReason === null) {
        while (j < injects.length && injects[j]?.tick === run.world.tick) {
          const logged = injects[j];
          if (logged) submitInject(run, logged.action);
          j += 1;
        }
        while (i < intents.length && intents[i]?.tick === run.world.tick) {
          const logged = intents[i];
          if (logged) submitIntent(run, logged.intent);
          i += 1;
        }
        stepRun(run);
      }
    },
  };
}

/** Replays a whole record and verifies it is self-consistent. */
export function replayRecord(scenario: Scenario, record: RunRecord): ReplayResult {
  const replay = startReplay(scenario, record);
  const fresh = replay.run;
  if (record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version || record.contentHash !== fresh.contentHash) {
    return { ok: false, error: { code: 'scenarioMismatch', message: `record was played on ${record.scenarioId} content ${record.contentHash}, not ${scenario.id} content ${fresh.contentHash}` } };
  }
  if (record.engineVersion !== ENGINE_VERSION) {
    return { ok: false, error: { code: 'engineMismatch', message: `record needs engine ${record.engineVersion}, this is ${ENGINE_VERSION}` } };
  }
  for (let k = 1; k < record.intents.length; k++) {
    if ((record.intents[k]?.tick ?? 0) < (record.intents[k - 1]?.tick ?? 0)) {
      return { ok: false, error: { code: 'intentsOutOfOrder', message: `intent ${k} is logged before intent ${k - 1}` } };
    }
  }
  const last = record.intents[record.intents.length - 1];
  if (last && last.tick >= record.endTick) {
    return { ok: false, error: { code: 'intentAfterEnd', message: `intent at tick ${last.tick} is at or after the end tick ${record.endTick}` } };
  }
  const injects = record.injects ?? [];
  for (let k = 1; k < injects.length; k++) {
    if ((injects[k]?.tick ?? 0) < (injects[k - 1]?.tick ?? 0)) {
      return { ok: false, error: { code: 'intentsOutOfOrder', message: `inject ${k} is logged before inject ${k - 1}` } };
    }
  }
  replay.advanceTo(record.endTick);
  if (fresh.endReason === null || fresh.world.tick !== record.endTick) {
    return { ok: false, error: { code: 'didNotEnd', message: `the log does not end the run at tick ${record.endTick} (replay is at tick ${fresh.world.tick}, ${fresh.endReason ?? 'still running'})` } };
  }
  return { ok: true, run: fresh, hashMatches: stateHash(fresh) === record.finalHash };
}

/** Re-simulates a record up to `tick` (for scrubbing a replay); no consistency checks. */
export function replayToTick(scenario: Scenario, record: ReplayLog, tick: number): Run {
  const replay = startReplay(scenario, record);
  replay.advanceTo(tick);
  return replay.run;
}

/** The record of a finished (or abandoned) run. `id` is a UUID the client generates once. */
export function toRunRecord(run: Run, id: string, extra: Pick<RunRecord, 'clientScore' | 'startedAt'> = {}): RunRecord {
  return {
    id,
    scenarioId: run.scenario.id,
    scenarioVersion: run.scenario.version,
    contentHash: run.contentHash,
    seed: run.seed,
    engineVersion: ENGINE_VERSION,
    intents: run.intents.slice(),
    ...(run.injects.length > 0 ? { injects: run.injects.slice() } : {}),
    endTick: run.world.tick,
    finalHash: stateHash(run),
    ...extra,
  };
}
