/** Every kind of issue the engine's parser and checker report lands on an element of the studio: one
 *  broken draft per rule of checkScenario (their number is counted from its source, so a new rule needs
 *  a case here), plus parse errors; each issue's location names a view and an element that exists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../engine/index';
import { locateIssue, parsePath } from '../../../client/studio/check/locateIssue';
import { runCheck } from '../../../client/studio/check/runCheck';
import { getIn, setIn } from '../../../client/studio/model/paths';
import { THING_PATH } from '../../../client/studio/model/things';
import { fromTemplate } from '../../../client/studio/templates/templates';

type Break = (s: Scenario) => unknown;
const base = (): Scenario => JSON.parse(JSON.stringify(fromTemplate('tubeHouse', 'broken', 'hlv'))) as Scenario;
const chart = (s: Scenario, states: Record<string, unknown>, initial = 'a'): Scenario => ({ ...s, statechart: { initial, states } as Scenario['statechart'] });
const addZone = (s: Scenario, zone: Record<string, unknown>): Scenario => ({ ...s, world: { ...s.world, zones: [...s.world.zones, zone as never] } });
const L = { vi: 'x', en: 'x' };

/** One case per rule of checkScenario, in the order they appear there. */
const CHECKER_CASES: [RegExp, Break][] = [
  [/cells wide like the first/, (s) => setIn(s, ['world', 'floors', 0, 'rows', 3], ',,,')],
  [/has no floor on one side/, (s) => setIn(s, ['world', 'floors', 0, 'rows', 0], `D${s.world.floors[0]?.rows[0]?.slice(1) ?? ''}`)],
  [/is already used by floor/, (s) => setIn(s, ['world', 'floors', 1, 'level'], 0)],
  [/leads nowhere/, (s) => setIn(s, ['world', 'floors'], s.world.floors.slice(0, 1))],
  [/is used twice in world.items/, (s) => setIn(s, ['world', 'items', 1, 'id'], s.world.items[0]?.id)],
  [/equipment id .* is used twice/, (s) => setIn(s, ['crew', 0, 'equipment'], [{ id: 'e', kind: 'extinguisher', agent: 'water', dischargeS: 60, rangeM: 4 }, { id: 'e', kind: 'extinguisher', agent: 'water', dischargeS: 60, rangeM: 4 }])],
  [/floor "nowhere" does not exist/, (s) => setIn(s, ['world', 'victims', 0, 'floor'], 'nowhere')],
  [/is outside floor/, (s) => setIn(s, ['world', 'items', 0, 'x'], 500)],
  [/is inside a wall/, (s) => setIn(setIn(s, ['world', 'items', 0, 'x'], 4), ['world', 'items', 0, 'y'], 10)],
  [/not a cell a person can stand on/, (s) => setIn(setIn(s, ['crew', 0, 'x'], 8), ['crew', 0, 'y'], 6)],
  [/floor "upstairs" does not exist/, (s) => addZone(s, { id: 'z', name: L, floor: 'upstairs', x: 0, y: 0, w: 1, h: 1 })],
  [/zone reaches outside floor/, (s) => addZone(s, { id: 'z', name: L, floor: 'tang-1', x: 20, y: 0, w: 10, h: 1 })],
  [/is not a known guard/, (s) => setIn(s, ['statechart', 'states', 'response', 'on', 'TICK', 'guard'], 'whenever')],
  [/guard "elapsedAtLeast":/, (s) => setIn(s, ['statechart', 'states', 'dispatch', 'on', 'TICK', 'guard', 'params', 'seconds'], -4)],
  [/zone "kitchen" does not exist/, (s) => setIn(s, ['statechart', 'states', 'response', 'on', 'TICK', 'guard'], { type: 'zoneIs', params: { zone: 'kitchen' } })],
  [/hydrant "h" does not exist/, (s) => setIn(s, ['statechart', 'states', 'dispatch', 'entry', 0], { type: 'failHydrant', params: { hydrant: 'h' } })],
  [/hazard "w" does not exist/, (s) => setIn(s, ['statechart', 'states', 'dispatch', 'entry', 0], { type: 'collapse', params: { hazard: 'w' } })],
  [/is not a hidden victim/, (s) => setIn(s, ['statechart', 'states', 'dispatch', 'entry', 0], { type: 'revealVictim', params: { victim: s.world.victims[0]?.id } })],
  [/item "ghost" does not exist/, (s) => setIn(s, ['statechart', 'states', 'dispatch', 'entry', 0], { type: 'igniteItem', params: { item: 'ghost' } })],
  [/initial phase "start" is not one of the states/, (s) => setIn(s, ['statechart', 'initial'], 'start')],
  [/target "later" is not one of the states/, (s) => setIn(s, ['statechart', 'states', 'response', 'on', 'TICK', 'target'], 'later')],
  [/"fly" is not an intent/, (s) => setIn(s, ['statechart', 'states', 'response', 'meta'], { intents: ['fly'] })],
  [/a final phase cannot have transitions/, (s) => setIn(s, ['statechart', 'states', 'debrief', 'on'], { TICK: { target: 'dispatch' } })],
  [/needs at least one final phase/, (s) => chart(s, { a: { on: { TICK: { target: 'b' } } }, b: { on: { TICK: { target: 'a' } } } })],
  [/can never be reached/, (s) => chart(s, { a: { on: { TICK: { target: 'end' } } }, lost: { on: { TICK: { target: 'end' } } }, end: { type: 'final' } })],
  [/has no way on to a final phase/, (s) => chart(s, { a: { on: { TICK: [{ target: 'end', guard: 'allFiresOut' }, { target: 'loop' }] } }, loop: {}, end: { type: 'final' } })],
  [/star thresholds must rise/, (s) => setIn(s, ['rubric', 'starsPercent'], [90, 80, 95])],
  [/cannot be below the pass mark/, (s) => setIn(s, ['rubric', 'starsPercent'], [50, 80, 95])],
  [/nothing in this scenario can produce/, (s) => setIn(s, ['rubric', 'criteria', 0], { ...s.rubric.criteria[0], kind: 'count', event: 'VICTIM_FREED', atLeast: 1, where: undefined, withinS: undefined })],
  [/is beyond the scenario's time limit/, (s) => setIn(s, ['timeLimitS'], 100)],
  [/m wide vehicle cannot enter zone/, (s) => addZone(s, { id: 'alley', name: L, floor: 'tang-1', x: 0, y: 0, w: 4, h: 4, accessWidthM: 2 })],
  [/is more than maxPlayers/, (s) => setIn(s, ['roles'], [{ id: 'nozzle', name: L, minPlayers: 3, maxPlayers: 1 }, { id: 'rescue', name: L }])],
  [/"swim" is not an intent/, (s) => setIn(s, ['roles'], [{ id: 'nozzle', name: L, may: ['swim'] }, { id: 'rescue', name: L }])],
  [/role "rescue" is not one of the scenario's roles/, (s) => setIn(s, ['roles'], [{ id: 'nozzle', name: L }])],
];

/** Faults the parser reports before the checker runs. */
const PARSE_CASES: [RegExp, Break][] = [
  [/must be "fireground-scenario"/, (s) => setIn(s, ['format'], 'other')],
  [/newer than this engine reads/, (s) => setIn(s, ['version'], 99)],
  [/a scenario file must hold one JSON object/, () => [1, 2]],
  [/must be at least|exclusive/, (s) => setIn(s, ['world', 'items', 0, 'peakKW'], -5)],
  [/must be one of/, (s) => setIn(s, ['world', 'victims', 0, 'mobility'], 'flies')],
  [/is not a known field/, (s) => setIn(s, ['crew', 0, 'rank'], 'captain')],
  [/must list at least 1/, (s) => setIn(s, ['crew'], [])],
  [/must not be empty/, (s) => setIn(s, ['rubric', 'criteria', 0, 'title', 'vi'], '')],
  [/map rows may only use/, (s) => setIn(s, ['world', 'floors', 0, 'rows', 0], 'XX')],
  [/is required/, (s) => setIn(s, ['statechart', 'initial'], undefined)],
];

/** Whether the element the location names exists in this draft. */
function targetExists(doc: unknown, where: ReturnType<typeof locateIssue>): boolean {
  if (where.thing) return getIn(doc, [...THING_PATH[where.thing.kind], where.thing.index]) !== undefined;
  if (where.floor !== undefined) return getIn(doc, ['world', 'floors', where.floor]) !== undefined;
  if (where.criterion !== undefined) return getIn(doc, ['rubric', 'criteria', where.criterion]) !== undefined;
  if (where.phase !== undefined) return getIn(doc, ['statechart', 'states', where.phase]) !== undefined;
  // List-level and envelope paths: the list or the scenario's own settings show them.
  return where.target.startsWith('$');
}

describe('issue locations', () => {
  it('has a case for every rule of the checker', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../engine/scenario/checkScenario.ts'), 'utf8');
    expect(CHECKER_CASES).toHaveLength(source.split('issues.push(').length - 1);
  });

  for (const [rule, breakIt] of [...CHECKER_CASES, ...PARSE_CASES]) {
    it(`"${rule.source}" is reported and lands on the element it concerns`, () => {
      const doc = breakIt(base());
      const issues = runCheck(doc);
      const hit = issues.filter((i) => rule.test(i.rule));
      expect(hit.length, JSON.stringify(issues)).toBeGreaterThan(0);
      for (const i of issues) {
        const where = locateIssue(i.path, i.rule);
        expect(['plan', 'phases', 'rubric', 'scenario']).toContain(where.view);
        expect(targetExists(doc, where), `${i.path} -> ${JSON.stringify(where)}`).toBe(true);
      }
    });
  }

  it('reads JSON paths back into segments, quoted names included', () => {
    expect(parsePath('$.statechart.states["size up"].on.TICK[0].guard')).toEqual(['statechart', 'states', 'size up', 'on', 'TICK', 0, 'guard']);
  });

  it('puts a stair that leads nowhere on its floor, row and cell', () => {
    expect(locateIssue('$.world.floors[2].rows[31]', 'the stair at (11, 31) leads nowhere: ...')).toMatchObject({ view: 'plan', floor: 2, row: 31, cell: { x: 11, y: 31 } });
  });

  it('puts a thing’s field issue on the thing, a phase’s on the phase, a criterion’s on the criterion', () => {
    expect(locateIssue('$.world.victims[1].findings.respiratoryRate')).toMatchObject({ view: 'plan', thing: { kind: 'victim', index: 1 } });
    expect(locateIssue('$.crew[0].role')).toMatchObject({ view: 'plan', thing: { kind: 'crew', index: 0 } });
    expect(locateIssue('$.statechart.states.attack.on.TICK[1].guard.params.seconds')).toMatchObject({ view: 'phases', phase: 'attack' });
    expect(locateIssue('$.rubric.criteria[3].withinS')).toMatchObject({ view: 'rubric', criterion: 3 });
  });
});
