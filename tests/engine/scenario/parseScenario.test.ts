/** Scenario errors name the JSON path and the rule in plain words: each broken file in the corpus
 *  below must give exactly the error listed with it. */
import { describe, expect, it } from 'vitest';
import { INTENT_TYPES, validateScenario, validateScenarioText } from '../../../engine/index';
import { KITCHEN, readScenarioJson } from '../../support/scenarios';

type Json = Record<string, unknown>;
const base = (): Json => readScenarioJson(KITCHEN);
function at(obj: Json, path: (string | number)[]): Json {
  let cur: unknown = obj;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur as Json;
}

/** [name, how to break the kitchen scenario, the one issue expected]. */
const CORPUS: [string, (s: Json) => void, { path: string; rule: string }][] = [
  ['wrong format', (s) => (s.format = 'something-else'), { path: '$.format', rule: 'must be "fireground-scenario" (this is not a Fireground scenario)' }],
  ['future version', (s) => (s.version = 9), { path: '$.version', rule: 'is 9, newer than this engine reads (1); update Fireground' }],
  ['missing title', (s) => delete s.title, { path: '$.title', rule: 'is required (an object)' }],
  ['title without English', (s) => delete at(s, ['title']).en, { path: '$.title.en', rule: 'is required (text)' }],
  ['difficulty out of range', (s) => (s.difficulty = 7), { path: '$.difficulty', rule: 'must be at most 5, found number 7' }],
  ['unknown category', (s) => (s.category = 'volcano'), { path: '$.category', rule: 'must be one of "structureFire", "rescue", "hazmat", "waterRescue", "vehicle", "collapse", "massCasualty", "wildland", found the text "volcano"' }],
  ['misspelt field', (s) => (s.titel = 'x'), { path: '$.titel', rule: 'is not a known field (check the spelling)' }],
  ['bad growth class', (s) => (at(s, ['world', 'items', 0]).growth = 'quick'), { path: '$.world.items[0].growth', rule: 'must be one of "slow", "medium", "fast", "ultraFast", found the text "quick"' }],
  ['electrical fire class', (s) => (at(s, ['world', 'items', 0]).fireClass = 'E'), { path: '$.world.items[0].fireClass', rule: 'must be one of "A", "B", "C", "D", "F", found the text "E"' }],
  ['negative peak', (s) => (at(s, ['world', 'items', 0]).peakKW = -5), { path: '$.world.items[0].peakKW', rule: 'must be at least 0 (exclusive), found number -5' }],
  ['item inside a wall', (s) => (at(s, ['world', 'items', 0]).y = 0), { path: '$.world.items[0]', rule: 'position (3, 0) is inside a wall' }],
  ['crew outside the map', (s) => (at(s, ['crew', 0]).x = 40), { path: '$.crew[0]', rule: 'position (40, 13) is outside floor "floor-5", which is 24 x 15 cells' }],
  ['unknown floor', (s) => (at(s, ['crew', 0]).floor = 'floor-9'), { path: '$.crew[0].floor', rule: 'floor "floor-9" does not exist in world.floors' }],
  ['ragged map row', (s) => ((at(s, ['world', 'floors', 0]).rows as string[])[2] = '#...#'), { path: '$.world.floors[0].rows[2]', rule: 'every map row must be 24 cells wide like the first, this one is 5' }],
  ['bad map character', (s) => ((at(s, ['world', 'floors', 0]).rows as string[])[2] = '#....X..................#'), { path: '$.world.floors[0].rows[2]', rule: 'map rows may only use the legend characters # . , D d L W G S O' }],
  ['duplicate item id', (s) => (at(s, ['world', 'items', 1]).id = 'pan-oil'), { path: '$.world.items[1].id', rule: 'id "pan-oil" is used twice in world.items' }],
  ['unknown initial phase', (s) => (at(s, ['statechart']).initial = 'arrival'), { path: '$.statechart.initial', rule: 'initial phase "arrival" is not one of the states (dispatch, sizeUp, attack, overhaul, debrief)' }],
  ['unknown target', (s) => (at(s, ['statechart', 'states', 'attack', 'on', 'ALL_FIRES_OUT']).target = 'mopUp'), { path: '$.statechart.states.attack.on.ALL_FIRES_OUT.target', rule: 'target "mopUp" is not one of the states' }],
  ['unknown guard', (s) => (at(s, ['statechart', 'states', 'dispatch', 'on', 'TICK', 'guard']).type = 'isRaining'), { path: '$.statechart.states.dispatch.on.TICK.guard.type', rule: '"isRaining" is not a known guard; use one of elapsedAtLeast, phaseElapsedAtLeast, atElapsed, atPhaseElapsed, zoneIs, allFiresOut, allValvesClosed, allVictimsSafe, allVictimsTriaged, noVictimTrapped, incidentUnderControl' }],
  ['guard param of the wrong type', (s) => (at(s, ['statechart', 'states', 'dispatch', 'on', 'TICK', 'guard', 'params']).seconds = 'two'), { path: '$.statechart.states.dispatch.on.TICK.guard.params.seconds', rule: 'guard "elapsedAtLeast": must be a number, found the text "two"' }],
  ['zone that does not exist', (s) => (at(s, ['statechart', 'states', 'sizeUp', 'on', 'ZONE_ENTERED', 'guard', 'params']).zone = 'garage'), { path: '$.statechart.states.sizeUp.on.ZONE_ENTERED.guard.params.zone', rule: 'zone "garage" does not exist in world.zones' }],
  ['unknown action', (s) => ((at(s, ['statechart', 'states', 'dispatch']).entry as Json[])[0] = { type: 'explode' }), { path: '$.statechart.states.dispatch.entry[0].type', rule: '"explode" is not a known action; use one of radio, igniteItem, failHydrant, collapse, revealVictim' }],
  ['no final phase', (s) => delete at(s, ['statechart', 'states', 'debrief']).type, { path: '$.statechart.states', rule: 'needs at least one final phase (type "final") so a run can finish' }],
  ['unknown criterion kind', (s) => ((at(s, ['rubric', 'criteria']) as unknown as Json[])[0] = { ...(at(s, ['rubric', 'criteria', 0])), kind: 'vibes' }), { path: '$.rubric.criteria[0].kind', rule: 'is not a known kind; use one of "time", "forbidden", "critical", "order", "count", "dwell", "outAfterAlarm"' }],
  ['star thresholds falling', (s) => (at(s, ['rubric']).starsPercent = [90, 80, 100]), { path: '$.rubric.starsPercent', rule: 'star thresholds must rise from one star to three' }],
  ['stair that leads nowhere', (s) => ((at(s, ['world', 'floors', 0]).rows as string[])[2] = '#...S.....#............#'), { path: '$.world.floors[0].rows[2]', rule: 'the stair at (4, 2) leads nowhere: no stair at the same place on the floor above or below' }],
  ['two floors on one level', (s) => (at(s, ['world']).floors = [at(s, ['world', 'floors', 0]), { ...at(s, ['world', 'floors', 0]), id: 'floor-6' }]), { path: '$.world.floors[1].level', rule: 'level 0 is already used by floor "floor-5"' }],
  ['casualty inside a wall', (s) => (at(s, ['world']).victims = [{ id: 'v1', name: { vi: 'a', en: 'a' }, floor: 'floor-5', x: 10, y: 2, mobility: 'walks', findings: { breathing: true, respiratoryRate: 20, poorPerfusion: false, obeysCommands: true } }]), { path: '$.world.victims[0]', rule: 'position (10, 2) is inside a wall' }],
  ['casualty without findings', (s) => (at(s, ['world']).victims = [{ id: 'v1', name: { vi: 'a', en: 'a' }, floor: 'floor-5', x: 2, y: 2, mobility: 'walks' }]), { path: '$.world.victims[0].findings', rule: 'is required (an object)' }],
  ['inject on a hydrant that does not exist', (s) => ((at(s, ['statechart', 'states', 'attack'])).entry = [{ type: 'failHydrant', params: { hydrant: 'h9' } }]), { path: '$.statechart.states.attack.entry[0].params.hydrant', rule: 'hydrant "h9" does not exist in world.hydrants' }],
  ['water criterion without an engine', (s) => ((at(s, ['rubric', 'criteria', 1])).event = 'WATER_ON'), { path: '$.rubric.criteria[1].event', rule: 'nothing in this scenario can produce WATER_ON, so the criterion can never be earned' }],
  ['unknown tool', (s) => (at(s, ['crew', 0]).tools = ['chainsaw']), { path: '$.crew[0].tools[0]', rule: 'must be one of "halligan", "cutter", "hydraulicSpreader", "ladder", "thermalCamera", "stretcher", found the text "chainsaw"' }],
  ['breathing set over pressure', (s) => (at(s, ['crew', 0, 'breathingSet']).fullBar = 450), { path: '$.crew[0].breathingSet.fullBar', rule: 'must be at most 350, found number 450' }],
  ['crew in a role the scenario does not have', (s) => (at(s, ['crew', 0]).role = 'pilot'), { path: '$.crew[0].role', rule: 'role "pilot" is not one of the scenario\'s roles (nozzle)' }],
  ['role allowed an intent that does not exist', (s) => (at(s, ['roles', 0]).may = ['fly']), { path: '$.roles[0].may[0]', rule: `"fly" is not an intent; use one of ${INTENT_TYPES.join(', ')}` }],
  ['debrief without lessons', (s) => (at(s, ['debrief']).lessons = []), { path: '$.debrief.lessons', rule: 'must list at least 1 entry' }],
  ['engine parked in an alley too narrow for it', (s) => {
    (at(s, ['world'])).vehicles = [{ id: 'engine-1', name: { vi: 'Xe', en: 'Engine' }, kind: 'engine', floor: 'floor-5', x: 2, y: 13, tankL: 2000, pumpLpm: 400, hoseM: 60 }];
    (at(s, ['world', 'zones', 3])).accessWidthM = 2;
  }, { path: '$.world.vehicles[0]', rule: 'a 2.5 m wide vehicle cannot enter zone "landing", which is 2 m wide' }],
  ['phase that allows an intent that does not exist', (s) => ((at(s, ['statechart', 'states', 'dispatch'])).meta = { intents: ['teleport'] }), { path: '$.statechart.states.dispatch.meta.intents[0]', rule: `"teleport" is not an intent; use one of ${INTENT_TYPES.join(', ')}` }],
  ['time beyond the limit', (s) => (at(s, ['rubric', 'criteria', 1]).withinS = 900), { path: '$.rubric.criteria[1].withinS', rule: '900 s is beyond the scenario\'s time limit of 300 s' }],
];

describe('scenario errors', () => {
  it.each(CORPUS)('%s', (_name, breakIt, expected) => {
    const s = base();
    breakIt(s);
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues).toEqual([expected]);
  });

  it('reports JSON syntax errors at the root', () => {
    const result = validateScenarioText('{ "format": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.path).toBe('$');
  });

  it('refuses a criterion nothing in the world can earn', () => {
    const s = base();
    at(s, ['world', 'items', 1]).valve = 'closed';
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues).toContainEqual({ path: '$.rubric.criteria[2].event', rule: 'nothing in this scenario can produce VALVE_CLOSED, so the criterion can never be earned' });
  });

  it('refuses a door with no floor on one side, at its row', () => {
    const s = base();
    const rows = at(s, ['world', 'floors', 0, 'rows']) as unknown as string[];
    // A door cut into the outer wall at the top edge leads off the map.
    const x = rows[0]?.indexOf('##') ?? -1;
    rows[0] = `${rows[0]?.slice(0, x) ?? ''}D${rows[0]?.slice(x + 1) ?? ''}`;
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues).toContainEqual({ path: '$.world.floors[0].rows[0]', rule: `the door at (${x}, 0) has no floor on one side: it must join two places, left and right or above and below` });
  });

  it('refuses a phase that can never be reached', () => {
    const s = base();
    at(s, ['statechart', 'states']).drill = { on: { TICK: { target: 'debrief' } } };
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues).toEqual([{ path: '$.statechart.states.drill', rule: 'phase "drill" can never be reached from "dispatch"' }]);
  });
});
