/** Scores a run's event log against its scenario's rubric: per-criterion result with evidence, total,
 *  pass, stars and a competency breakdown. The same function scores live, replayed and uploaded runs. */
import type { Criterion, EventFilter, LocalizedText, Scenario } from '../scenario/format';
import type { Competency, EventType } from '../scenario/vocabulary';
import { TICKS_PER_SECOND } from '../world/constants';
import type { WorldEvent } from '../world/WorldState';

export interface CriterionResult {
  id: string;
  kind: Criterion['kind'];
  title: LocalizedText;
  competency: Competency;
  doctrine: string;
  weight: number;
  passed: boolean;
  /** The event that earned or lost the criterion, so the debrief can jump to it. */
  evidence: { tick: number; type: EventType } | null;
  feedback: LocalizedText;
}

export interface ScoreResult {
  /** Weighted percentage, 0-100, one decimal. */
  percent: number;
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  criticalFailure: boolean;
  criteria: CriterionResult[];
  competencies: Partial<Record<Competency, { earned: number; possible: number }>>;
}

function matches(e: WorldEvent, where: EventFilter | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) => v === undefined || (e as unknown as Record<string, unknown>)[k] === v);
}

/** Whether crew member `crewId` is in a hazardous atmosphere at `tick`, from its entries and exits. */
function insideAt(all: readonly WorldEvent[], crewId: string | undefined, tick: number): boolean {
  const end = all[all.length - 1]?.tick ?? 0;
  if (tick > end) tick = end;
  let inside = false;
  for (const e of all) {
    if (e.tick > tick) break;
    if (e.crewId !== crewId) continue;
    if (e.type === 'ENTERED_HAZARD') inside = true;
    else if (e.type === 'LEFT_HAZARD') inside = false;
  }
  return inside;
}

/** The first stay in a hazardous atmosphere (an ENTERED_HAZARD matching `where`) that lasts past `limit`
 *  of its entry tick, up to the end of the log. */
function overstay(all: readonly WorldEvent[], where: EventFilter | undefined, limit: (enteredTick: number) => number): { passed: boolean; evidence: WorldEvent | undefined } {
  const end = all[all.length - 1]?.tick ?? 0;
  const entries = all.filter((e) => e.type === 'ENTERED_HAZARD' && matches(e, where));
  for (const entry of entries) {
    const left = all.find((e) => e.type === 'LEFT_HAZARD' && e.crewId === entry.crewId && e.tick >= entry.tick);
    if ((left?.tick ?? end) > limit(entry.tick)) return { passed: false, evidence: entry };
  }
  return { passed: true, evidence: undefined };
}

function judge(c: Criterion, all: readonly WorldEvent[]): { passed: boolean; evidence: WorldEvent | undefined } {
  const events = c.where ? all.filter((e) => matches(e, c.where)) : all;
  const first = (list: readonly WorldEvent[], type: EventType): WorldEvent | undefined => list.find((e) => e.type === type);
  switch (c.kind) {
    case 'time': {
      const e = first(events, c.event);
      return { passed: e !== undefined && e.tick <= c.withinS * TICKS_PER_SECOND, evidence: e };
    }
    case 'forbidden':
    case 'critical': {
      const e = first(events, c.event);
      return { passed: e === undefined, evidence: e };
    }
    case 'order': {
      const a = first(events, c.first);
      const b = first(events, c.then);
      return { passed: a !== undefined && (b === undefined || a.tick <= b.tick), evidence: a ?? b };
    }
    case 'dwell':
      return overstay(all, c.where, (enteredTick) => enteredTick + c.maxS * TICKS_PER_SECOND);
    case 'outAfterAlarm': {
      const alarms = events.filter((e) => e.type === 'AIR_ALARM');
      for (const a of alarms) {
        const deadline = a.tick + c.withinS * TICKS_PER_SECOND;
        if (insideAt(all, a.crewId, deadline)) return { passed: false, evidence: a };
      }
      return { passed: true, evidence: alarms[0] };
    }
    case 'count': {
      const limit = c.withinS === undefined ? Infinity : c.withinS * TICKS_PER_SECOND;
      const all = events.filter((e) => e.type === c.event && e.tick <= limit);
      return { passed: all.length >= c.atLeast, evidence: all[c.atLeast - 1] ?? all[all.length - 1] };
    }
  }
}

export function scoreRun(scenario: Scenario, events: readonly WorldEvent[]): ScoreResult {
  const { rubric } = scenario;
  const criteria: CriterionResult[] = rubric.criteria.map((c) => {
    const { passed, evidence } = judge(c, events);
    return {
      id: c.id,
      kind: c.kind,
      title: c.title,
      competency: c.competency,
      doctrine: c.doctrine,
      weight: c.weight,
      passed,
      evidence: evidence ? { tick: evidence.tick, type: evidence.type } : null,
      feedback: passed ? c.feedback.pass : c.feedback.fail,
    };
  });
  const possible = criteria.reduce((s, c) => s + c.weight, 0);
  const earned = criteria.reduce((s, c) => s + (c.passed ? c.weight : 0), 0);
  const percent = possible > 0 ? Math.round((earned / possible) * 1000) / 10 : 0;
  const criticalFailure = criteria.some((c) => c.kind === 'critical' && !c.passed);
  const passed = !criticalFailure && percent >= rubric.passPercent;
  const stars = passed ? (rubric.starsPercent.filter((t) => percent >= t).length as 0 | 1 | 2 | 3) : 0;
  const competencies: ScoreResult['competencies'] = {};
  for (const c of criteria) {
    const slot = (competencies[c.competency] ??= { earned: 0, possible: 0 });
    slot.possible += c.weight;
    if (c.passed) slot.earned += c.weight;
  }
  return { percent, passed, stars, criticalFailure, criteria, competencies };
}
