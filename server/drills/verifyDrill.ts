/** Re-scores a drill from its record and injects, for the team and per participant: the only source of
 *  a drill's stored scores. The record carries the injects as engine inject actions, so it replays
 *  through the engine's own replay, exactly like a solo run. */
import { COMMANDER_ROLE, contentHash, replayRecord, scoreRun, TICKS_PER_SECOND, type Run, type RunRecord, type Scenario, type ScoreResult } from '../../engine/index';
import type { NewRun } from '../store/RunStore';
import type { DrillExtras, DrillResult, InjectResponse } from './DrillRecord';

export type DrillReplay = { ok: true; run: Run; hashMatches: boolean } | { ok: false; error: string };

export function replayDrill(scenario: Scenario, record: RunRecord): DrillReplay {
  const replay = replayRecord(scenario, record);
  return replay.ok ? replay : { ok: false, error: `${replay.error.code}: ${replay.error.message}` };
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
    replay = replayDrill(scenario, record);
  } catch (error) {
    replay = { ok: false, error: `replayFailed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!replay.ok) return { ...base, status: 'rejected', error: replay.error, percent: null, passed: null, stars: null, result: null, hashMatches: null, drill: { ...extras, team: null, scores: {} } };
  const team = scoreRun(scenario, replay.run.events);
  const scores: Record<string, ScoreResult> = {};
  // The commander answers for the whole incident, so whoever held that seat gets the team's score.
  for (const p of extras.participants) if (p.crewIds.length > 0) scores[p.id] = p.roles.includes(COMMANDER_ROLE) ? team : participantScore(scenario, replay.run, p.crewIds);
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
