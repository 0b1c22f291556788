/** Re-simulates a drill from its record and injects, and scores it for the team and per participant:
 *  the only source of a drill's stored scores. Mirrors engine replay, with injects applied before the
 *  tick they were logged on; uses only the engine's public API. */
import { contentHash, createRun, ENGINE_VERSION, scoreRun, stateHash, stepRun, submitIntent, TICKS_PER_SECOND, type Run, type RunRecord, type Scenario, type ScoreResult } from '../../engine/index';
import type { NewRun } from '../store/RunStore';
import { applyInject } from './DrillInject';
import type { DrillExtras, DrillResult, InjectResponse } from './DrillRecord';

export type DrillReplay = { ok: true; run: Run; hashMatches: boolean } | { ok: false; error: string };

export function replayDrill(scenario: Scenario, record: RunRecord, injects: DrillExtras['injects']): DrillReplay {
  const run = createRun(scenario, record.seed);
  if (record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version || record.contentHash !== run.contentHash) {
    return { ok: false, error: `scenarioMismatch: record was played on ${record.scenarioId} content ${record.contentHash}` };
  }
  if (record.engineVersion !== ENGINE_VERSION) return { ok: false, error: `engineMismatch: record needs engine ${record.engineVersion}` };
  let i = 0;
  let k = 0;
  while (run.world.tick < record.endTick && run.endReason === null) {
    const tick = run.world.tick;
    for (; k < injects.length && (injects[k]?.tick ?? Infinity) <= tick; k++) {
      const logged = injects[k];
      if (logged?.tick === tick) applyInject(run, logged.inject);
    }
    for (; i < record.intents.length && (record.intents[i]?.tick ?? Infinity) <= tick; i++) {
      const logged = record.intents[i];
      if (logged?.tick === tick) submitIntent(run, logged.intent);
    }
    stepRun(run);
  }
  if (run.endReason === null || run.world.tick !== record.endTick || i < record.intents.length) {
    return { ok: false, error: `didNotEnd: the log does not end the drill at tick ${record.endTick} (replay at ${run.world.tick}, ${run.endReason ?? 'still running'})` };
  }
  return { ok: true, run, hashMatches: stateHash(run) === record.finalHash };
}

/** A participant's score: the rubric over the world's own events and those of their crew members, so
 *  another member's mistake is not theirs, while shared outcomes (fire out, flashover) count for all. */
export function participantScore(scenario: Scenario, run: Run, crewIds: readonly string[]): ScoreResult {
  const mine = new Set(crewIds);
  return scoreRun(scenario, run.events.filter((e) => e.crewId === undefined || mine.has(e.crewId)));
}

/** Seconds from each inject to the first intent of a crew member a trainee steered, on or after it. */
export function injectResponses(record: RunRecord, extras: DrillExtras): InjectResponse[] {
  const steered = new Set(extras.participants.filter((p) => !p.instructor).flatMap((p) => p.crewIds));
  return extras.injects.map((logged) => {
    const answer = record.intents.find((i) => i.tick >= logged.tick && 'crewId' in i.intent && steered.has(i.intent.crewId));
    return { tick: logged.tick, kind: logged.inject.kind, responseS: answer ? (answer.tick - logged.tick) / TICKS_PER_SECOND : null };
  });
}

export function verifyDrill(scenario: Scenario, record: RunRecord, extras: DrillExtras): NewRun & { drill: DrillResult } {
  const base = { id: record.id, scenarioId: record.scenarioId, scenarioVersion: record.scenarioVersion, record, recordHash: contentHash({ record, extras }) };
  let replay: DrillReplay;
  try {
    replay = replayDrill(scenario, record, extras.injects);
  } catch (error) {
    replay = { ok: false, error: `replayFailed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!replay.ok) return { ...base, status: 'rejected', error: replay.error, percent: null, passed: null, stars: null, result: null, hashMatches: null, drill: { ...extras, team: null, scores: {} } };
  const team = scoreRun(scenario, replay.run.events);
  const scores: Record<string, ScoreResult> = {};
  for (const p of extras.participants) if (p.crewIds.length > 0) scores[p.id] = participantScore(scenario, replay.run, p.crewIds);
  return {
    ...base,
    status: 'verified',
    error: null,
    percent: team.percent,
    passed: team.passed,
    stars: team.stars,
    result: team,
    hashMatches: replay.hashMatches,
    drill: { ...extras, team, scores, injectResponses: injectResponses(record, extras) },
  };
}
