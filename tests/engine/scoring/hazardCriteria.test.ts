/** Rubric criteria about where crews are and for how long: hazard events carry floor and zone (the
 *  scenario's named room), a criterion can ask "in this room" through `where`, "not inside a hazardous
 *  atmosphere longer than T" (dwell) and "out within T of the air alarm" (outAfterAlarm); exposure
 *  beyond the protective clothing's limit is the CREW_BEYOND_GEAR_LIMIT event a forbidden criterion names. */
import { describe, expect, it } from 'vitest';
import { loadScenario, scoreRun, TICKS_PER_SECOND, type WorldEvent } from '../../../engine/index';
import { trackHazardEntry } from '../../../engine/world/crewSafety';
import { crew, customRun } from '../../support/customScenario';
import { KITCHEN, readScenarioJson } from '../../support/scenarios';

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
const base = { title: L('c'), weight: 1, competency: 'breathingApparatus', doctrine: 'EN 137 / two-in two-out', feedback: { pass: L('ok'), fail: L('no') } };

function judged(criterion: Record<string, unknown>, events: WorldEvent[]): { passed: boolean; tick: number | null } {
  const s = readScenarioJson(KITCHEN) as { rubric: { criteria: unknown[] } };
  s.rubric.criteria = [{ id: 'c', ...base, ...criterion }];
  const scenario = loadScenario(s);
  const c = scoreRun(scenario, events).criteria[0];
  return { passed: c?.passed ?? false, tick: c?.evidence?.tick ?? null };
}

const s = (seconds: number): number => seconds * TICKS_PER_SECOND;
// Crew member a in the kitchen's smoke from 0 to 20 s; its whistle at 10 s; the run ends at 100 s.
const log: WorldEvent[] = [
  { tick: 0, type: 'ENTERED_HAZARD', crewId: 'a', floor: 0, zoneId: 'kitchen' },
  { tick: s(10), type: 'AIR_ALARM', crewId: 'a' },
  { tick: s(20), type: 'LEFT_HAZARD', crewId: 'a', floor: 0, zoneId: 'kitchen' },
  { tick: s(100), type: 'RUN_ENDED' },
];

describe('hazard criteria', () => {
  it('dwell: a 20 s stay passes a 30 s limit and fails a 10 s one, with the entry as evidence', () => {
    expect(judged({ kind: 'dwell', maxS: 30 }, log).passed).toBe(true);
    expect(judged({ kind: 'dwell', maxS: 10 }, log)).toEqual({ passed: false, tick: 0 });
  });

  it('dwell "in this room": only stays in the zone named by where count', () => {
    expect(judged({ kind: 'dwell', maxS: 10, where: { zoneId: 'living' } }, log).passed).toBe(true);
    expect(judged({ kind: 'dwell', maxS: 10, where: { zoneId: 'kitchen' } }, log).passed).toBe(false);
  });

  it('dwell: a crew member who never comes out stays until the end of the run', () => {
    expect(judged({ kind: 'dwell', maxS: 60 }, log.filter((e) => e.type !== 'LEFT_HAZARD')).passed).toBe(false);
  });

  it('outAfterAlarm: out 10 s after the whistle passes a 15 s rule and fails a 5 s one', () => {
    expect(judged({ kind: 'outAfterAlarm', withinS: 15 }, log).passed).toBe(true);
    expect(judged({ kind: 'outAfterAlarm', withinS: 5 }, log)).toEqual({ passed: false, tick: s(10) });
  });

  it('exposure above the protective clothing\u2019s limit is a forbidden event in a room', () => {
    const burned: WorldEvent[] = [{ tick: 7, type: 'CREW_BEYOND_GEAR_LIMIT', crewId: 'a', floor: 0, zoneId: 'kitchen' }];
    expect(judged({ kind: 'forbidden', event: 'CREW_BEYOND_GEAR_LIMIT', where: { zoneId: 'kitchen' } }, burned)).toEqual({ passed: false, tick: 7 });
    expect(judged({ kind: 'forbidden', event: 'CREW_BEYOND_GEAR_LIMIT', where: { zoneId: 'living' } }, burned).passed).toBe(true);
  });

  it('the schema refuses a dwell without a positive limit', () => {
    const sc = readScenarioJson(KITCHEN) as { rubric: { criteria: unknown[] } };
    sc.rubric.criteria = [{ id: 'c', ...base, kind: 'dwell', maxS: 0 }];
    expect(() => loadScenario(sc)).toThrow(/rubric\.criteria\[0\]\.maxS/);
  });
});

describe('hazard events carry floor and zone', () => {
  it('entering and leaving a smoky room is logged with the floor and the zone the crew member is in', () => {
    const run = customRun({ floors: [{ id: 'g', rows: ['#####', '#...#', '#####'] }], zones: [{ id: 'hall', name: L('hall'), floor: 'g', x: 1, y: 1, w: 3, h: 1 }], crew: [crew('ff', 'g', 3, 1)] });
    const w = run.world;
    const c = w.crew[0];
    if (c) c.zoneId = 'hall';
    const events: WorldEvent[] = [];
    w.smoke[0]?.fill(500);
    trackHazardEntry(w, events);
    w.smoke[0]?.fill(0);
    trackHazardEntry(w, events);
    expect(events.filter((e) => e.type.endsWith('_HAZARD'))).toEqual([
      { tick: 0, type: 'ENTERED_HAZARD', crewId: 'ff', floor: 0, zoneId: 'hall' },
      { tick: 0, type: 'LEFT_HAZARD', crewId: 'ff', floor: 0, zoneId: 'hall' },
    ]);
  });
});
