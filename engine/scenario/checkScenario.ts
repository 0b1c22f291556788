/** Semantic checks on a parsed scenario: ids resolve, positions sit inside the map and off walls,
 *  catalogue names and params are valid, every phase is reachable and can finish (by XState's graph of
 *  the built machine), and every rubric
 *  criterion can be earned. Each problem comes back with its JSON path and the rule it broke. */
import { VEHICLE_WIDTH_M, type BehaviourRef, type Scenario, type StateDef, type TransitionDef } from './format';
import type { EventType } from './vocabulary';
import { toDirectedGraph } from 'xstate/graph';
import { INTENT_TYPES } from '../intents/Intent';
import { buildMachine } from '../machine/buildMachine';
import { ACTION_PARAMS, GUARD_PARAMS, isActionName, isGuardName } from '../machine/catalogue';
import { AGENT_MATRIX } from '../world/agents';
import { buildFloorGrid, Cell, cellAt, isDoor, isWalkable } from '../world/grid';
import { describeZodIssue } from './parseScenario';
import { jsonPath, type ScenarioIssue } from './ScenarioIssue';

type Path = (string | number)[];

function transitionsOf(state: StateDef): [string, TransitionDef, Path][] {
  const out: [string, TransitionDef, Path][] = [];
  for (const [event, t] of Object.entries(state.on ?? {})) {
    if (Array.isArray(t)) t.forEach((one, i) => out.push([event, one, ['on', event, i]]));
    else out.push([event, t, ['on', event]]);
  }
  return out;
}

function refName(ref: BehaviourRef): string {
  return typeof ref === 'string' ? ref : ref.type;
}
function refParams(ref: BehaviourRef): unknown {
  return typeof ref === 'string' ? {} : (ref.params ?? {});
}

function checkMap(s: Scenario, issues: ScenarioIssue[]): void {
  s.world.floors.forEach((floor, f) => {
    const width = floor.rows[0]?.length ?? 0;
    floor.rows.forEach((row, y) => {
      if (row.length !== width) issues.push({ path: jsonPath(['world', 'floors', f, 'rows', y]), rule: `every map row must be ${width} cells wide like the first, this one is ${row.length}` });
    });
  });
}

/** A door must join two places: across it, left and right or above and below, there must be something
 *  to stand on (not a wall, not a window, not off the map). */
function checkDoors(s: Scenario, issues: ScenarioIssue[]): void {
  const open = (row: string | undefined, x: number): boolean => row !== undefined && x >= 0 && x < row.length && !'#WGO'.includes(row[x] ?? '#');
  s.world.floors.forEach((floor, f) => {
    floor.rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (!'DdL'.includes(row[x] ?? '')) continue;
        const across = open(row, x - 1) && open(row, x + 1);
        const along = open(floor.rows[y - 1], x) && open(floor.rows[y + 1], x);
        if (!across && !along) issues.push({ path: jsonPath(['world', 'floors', f, 'rows', y]), rule: `the door at (${x}, ${y}) has no floor on one side: it must join two places, left and right or above and below` });
      }
    });
  });
}

function checkStairs(s: Scenario, issues: ScenarioIssue[]): void {
  const levels = s.world.floors.map((f) => f.level);
  s.world.floors.forEach((floor, f) => {
    if (levels.indexOf(floor.level) !== f) issues.push({ path: jsonPath(['world', 'floors', f, 'level']), rule: `level ${floor.level} is already used by floor "${s.world.floors[levels.indexOf(floor.level)]?.id ?? ''}"` });
    floor.rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (row[x] !== 'S') continue;
        const joins = [floor.level + 1, floor.level - 1].some((lv) => s.world.floors.find((o) => o.level === lv)?.rows[y]?.[x] === 'S');
        if (!joins) issues.push({ path: jsonPath(['world', 'floors', f, 'rows', y]), rule: `the stair at (${x}, ${y}) leads nowhere: no stair at the same place on the floor above or below` });
      }
    });
  });
}

function checkIds(s: Scenario, issues: ScenarioIssue[]): void {
  const groups: [string, { id: string }[]][] = [
    ['world.floors', s.world.floors],
    ['world.zones', s.world.zones],
    ['world.items', s.world.items],
    ['world.victims', s.world.victims],
    ['world.vehicles', s.world.vehicles],
    ['world.hydrants', s.world.hydrants],
    ['world.hazards', s.world.hazards],
    ['crew', s.crew],
    ['rubric.criteria', s.rubric.criteria],
    ['roles', s.roles],
  ];
  for (const [where, list] of groups) {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.id)) issues.push({ path: `${jsonPath([...where.split('.'), i])}.id`, rule: `id "${entry.id}" is used twice in ${where}` });
      seen.add(entry.id);
    });
  }
  const equipment = new Set<string>();
  s.crew.forEach((c, ci) =>
    c.equipment.forEach((e, ei) => {
      if (equipment.has(e.id)) issues.push({ path: jsonPath(['crew', ci, 'equipment', ei, 'id']), rule: `equipment id "${e.id}" is used twice` });
      equipment.add(e.id);
    }),
  );
}

function checkPositions(s: Scenario, issues: ScenarioIssue[]): void {
  const grids = new Map(s.world.floors.map((f) => [f.id, buildFloorGrid(f)]));
  const place = (path: Path, floor: string, x: number, y: number, needWalkable: boolean): void => {
    const g = grids.get(floor);
    if (!g) {
      issues.push({ path: jsonPath([...path, 'floor']), rule: `floor "${floor}" does not exist in world.floors` });
      return;
    }
    if (x >= g.width || y >= g.height) {
      issues.push({ path: jsonPath(path), rule: `position (${x}, ${y}) is outside floor "${floor}", which is ${g.width} x ${g.height} cells` });
      return;
    }
    const kind = cellAt(g, x, y);
    if (kind === Cell.wall) issues.push({ path: jsonPath(path), rule: `position (${x}, ${y}) is inside a wall` });
    else if (needWalkable && !isWalkable(kind)) issues.push({ path: jsonPath(path), rule: `position (${x}, ${y}) is not a cell a person can stand on` });
  };
  s.world.items.forEach((it, i) => place(['world', 'items', i], it.floor, it.x, it.y, false));
  s.crew.forEach((c, i) => place(['crew', i], c.floor, c.x, c.y, true));
  s.world.victims.forEach((v, i) => place(['world', 'victims', i], v.floor, v.x, v.y, true));
  s.world.vehicles.forEach((v, i) => place(['world', 'vehicles', i], v.floor, v.x, v.y, true));
  s.world.hydrants.forEach((h, i) => place(['world', 'hydrants', i], h.floor, h.x, h.y, true));
  s.world.hazards.forEach((h, i) => place(['world', 'hazards', i], h.floor, h.x, h.y, true));
  s.world.zones.forEach((z, i) => {
    const g = grids.get(z.floor);
    if (!g) issues.push({ path: jsonPath(['world', 'zones', i, 'floor']), rule: `floor "${z.floor}" does not exist in world.floors` });
    else if (z.x + z.w > g.width || z.y + z.h > g.height) issues.push({ path: jsonPath(['world', 'zones', i]), rule: `zone reaches outside floor "${z.floor}" (${g.width} x ${g.height} cells)` });
  });
}

function checkRef(s: Scenario, ref: BehaviourRef, path: Path, kind: 'guard' | 'action', issues: ScenarioIssue[]): void {
  const name = refName(ref);
  const known = kind === 'guard' ? isGuardName(name) : isActionName(name);
  if (!known) {
    const list = Object.keys(kind === 'guard' ? GUARD_PARAMS : ACTION_PARAMS).join(', ');
    issues.push({ path: jsonPath(typeof ref === 'string' ? path : [...path, 'type']), rule: `"${name}" is not a known ${kind}; use one of ${list}` });
    return;
  }
  const schema = kind === 'guard' ? GUARD_PARAMS[name as keyof typeof GUARD_PARAMS] : ACTION_PARAMS[name as keyof typeof ACTION_PARAMS];
  const parsed = schema.safeParse(refParams(ref));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const described of describeZodIssue(issue, refParams(ref), [...path, 'params'])) issues.push({ path: described.path, rule: `${kind} "${name}": ${described.rule}` });
    }
    return;
  }
  const params = parsed.data as Record<string, unknown>;
  if (name === 'zoneIs' && !s.world.zones.some((z) => z.id === params.zone)) issues.push({ path: jsonPath([...path, 'params', 'zone']), rule: `zone "${String(params.zone)}" does not exist in world.zones` });
  if (name === 'failHydrant' && !s.world.hydrants.some((h) => h.id === params.hydrant)) issues.push({ path: jsonPath([...path, 'params', 'hydrant']), rule: `hydrant "${String(params.hydrant)}" does not exist in world.hydrants` });
  if (name === 'collapse' && !s.world.hazards.some((h) => h.id === params.hazard)) issues.push({ path: jsonPath([...path, 'params', 'hazard']), rule: `hazard "${String(params.hazard)}" does not exist in world.hazards` });
  if (name === 'revealVictim' && !s.world.victims.some((v) => v.id === params.victim && v.hidden)) issues.push({ path: jsonPath([...path, 'params', 'victim']), rule: `victim "${String(params.victim)}" is not a hidden victim in world.victims` });
  if (name === 'igniteItem' && !s.world.items.some((it) => it.id === params.item)) issues.push({ path: jsonPath([...path, 'params', 'item']), rule: `item "${String(params.item)}" does not exist in world.items` });
}

function checkStatechart(s: Scenario, issues: ScenarioIssue[]): void {
  const { states, initial } = s.statechart;
  const names = Object.keys(states);
  if (!states[initial]) issues.push({ path: '$.statechart.initial', rule: `initial phase "${initial}" is not one of the states (${names.join(', ')})` });
  const edges = new Map<string, string[]>();
  // A phase with a broken target is already reported; do not also report what follows from it.
  const broken = new Set<string>();
  for (const [name, state] of Object.entries(states)) {
    const base: Path = ['statechart', 'states', name];
    state.entry?.forEach((a, i) => checkRef(s, a, [...base, 'entry', i], 'action', issues));
    const targets: string[] = [];
    for (const [, t, tPath] of transitionsOf(state)) {
      if (t.target !== undefined) {
        if (!states[t.target]) {
          issues.push({ path: jsonPath([...base, ...tPath, 'target']), rule: `target "${t.target}" is not one of the states` });
          broken.add(name);
        }
        else targets.push(t.target);
      }
      if (t.guard !== undefined) checkRef(s, t.guard, [...base, ...tPath, 'guard'], 'guard', issues);
      t.actions?.forEach((a, i) => checkRef(s, a, [...base, ...tPath, 'actions', i], 'action', issues));
    }
    state.meta?.intents?.forEach((t, j) => {
      if (!(INTENT_TYPES as readonly string[]).includes(t)) issues.push({ path: jsonPath([...base, 'meta', 'intents', j]), rule: `"${t}" is not an intent; use one of ${INTENT_TYPES.join(', ')}` });
    });
    if (state.type === 'final' && state.on) issues.push({ path: jsonPath([...base, 'on']), rule: 'a final phase cannot have transitions' });
    edges.set(name, targets);
  }
  const finals = names.filter((n) => states[n]?.type === 'final');
  if (finals.length === 0) issues.push({ path: '$.statechart.states', rule: 'needs at least one final phase (type "final") so a run can finish' });
  if (!states[initial] || broken.size > 0) return;
  // The chart is well formed: ask XState's own graph of the built machine which phase leads where.
  const graph = toDirectedGraph(buildMachine(s));
  edges.clear();
  for (const node of graph.children) edges.set(node.stateNode.key, node.edges.map((e) => e.target.key));
  const reached = new Set<string>();
  const stack = [initial];
  while (stack.length > 0) {
    const n = stack.pop() ?? '';
    if (reached.has(n)) continue;
    reached.add(n);
    stack.push(...(edges.get(n) ?? []));
  }
  for (const n of names) {
    if (!reached.has(n)) issues.push({ path: jsonPath(['statechart', 'states', n]), rule: `phase "${n}" can never be reached from "${initial}"` });
  }
  const canFinish = new Set(finals);
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of names) {
      if (!canFinish.has(n) && (edges.get(n) ?? []).some((t) => canFinish.has(t))) {
        canFinish.add(n);
        changed = true;
      }
    }
  }
  if (finals.length > 0) {
    for (const n of names) {
      if (reached.has(n) && !canFinish.has(n) && !broken.has(n)) issues.push({ path: jsonPath(['statechart', 'states', n]), rule: `phase "${n}" has no way on to a final phase, so a run could never finish` });
    }
  }
}

/** Whether the world of `s` can ever produce `event`: the rubric must not ask for the impossible. */
function eventPossible(s: Scenario, event: EventType): boolean {
  const agents = s.crew.flatMap((c) => c.equipment.map((e) => e.agent));
  const fires = s.world.items.filter((it) => it.ignitedAtS !== undefined);
  const doors = s.world.floors.some((f) => [...buildFloorGrid(f).cells].some((k) => isDoor(k) && k !== Cell.doorLocked));
  switch (event) {
    case 'VALVE_CLOSED':
      return s.world.items.some((it) => it.valve === 'open');
    case 'AGENT_FLARE_UP':
      return agents.some((a) => fires.some((f) => AGENT_MATRIX[a][f.fireClass] === 'flareUp'));
    case 'AGENT_APPLIED':
    case 'EXTINGUISHER_EMPTY':
      return agents.length > 0;
    case 'ITEM_IGNITED':
    case 'FIRE_OUT':
    case 'ALL_FIRES_OUT':
      return fires.length > 0;
    case 'DOOR_OPENED':
    case 'DOOR_CLOSED':
      return doors;
    case 'ZONE_ENTERED':
      return s.world.zones.length > 0;
    case 'VICTIM_REACHED':
    case 'VICTIM_TRIAGED':
    case 'AIRWAY_OPENED':
    case 'VICTIM_CARRIED':
    case 'VICTIM_RESCUED':
      return s.world.victims.length > 0;
    case 'VICTIM_REPORTED':
      return s.world.victims.some((v) => v.hidden);
    case 'VICTIM_ESCAPED':
      return s.world.victims.some((v) => v.mobility === 'walks');
    case 'VICTIM_FREED':
      return s.world.victims.some((v) => v.trapped) && s.crew.some((c) => c.tools.includes('hydraulicSpreader'));
    case 'FORCED_OPEN':
      return s.crew.some((c) => c.tools.includes('halligan') || c.tools.includes('cutter'));
    case 'AIR_ALARM':
    case 'AIR_EMPTY':
      return s.crew.some((c) => c.breathingSet !== undefined);
    case 'FLOOR_CHANGED':
      return s.world.floors.length > 1 || s.crew.some((c) => c.tools.includes('ladder'));
    case 'HOSE_TAKEN':
    case 'HOSE_SHORT':
    case 'WATER_ON':
    case 'TANK_EMPTY':
      return s.world.vehicles.length > 0;
    case 'HYDRANT_CONNECTED':
    case 'HYDRANT_FAILED':
      return s.world.vehicles.length > 0 && s.world.hydrants.length > 0;
    case 'POWER_ISOLATED':
    case 'ELECTRIC_SHOCK':
      return s.world.items.some((it) => it.electrics === 'live');
    case 'LPG_FAILURE':
      return s.world.items.some((it) => it.failureS !== undefined);
    case 'COLLAPSE':
    case 'CREW_INJURED':
      return s.world.hazards.length > 0;
    default:
      return true;
  }
}

function checkRubric(s: Scenario, issues: ScenarioIssue[]): void {
  const [one, two, three] = s.rubric.starsPercent;
  if (!(one <= two && two <= three)) issues.push({ path: '$.rubric.starsPercent', rule: 'star thresholds must rise from one star to three' });
  if (one < s.rubric.passPercent) issues.push({ path: '$.rubric.starsPercent[0]', rule: `one star (${one}) cannot be below the pass mark (${s.rubric.passPercent})` });
  s.rubric.criteria.forEach((c, i) => {
    const needed: [string, EventType][] =
      c.kind === 'order' ? [['first', c.first], ['then', c.then]] : c.kind === 'time' || c.kind === 'count' ? [['event', c.event]] : [];
    for (const [field, ev] of needed) {
      if (!eventPossible(s, ev)) issues.push({ path: jsonPath(['rubric', 'criteria', i, field]), rule: `nothing in this scenario can produce ${ev}, so the criterion can never be earned` });
    }
    if (c.kind === 'time' && c.withinS > s.timeLimitS) issues.push({ path: jsonPath(['rubric', 'criteria', i, 'withinS']), rule: `${c.withinS} s is beyond the scenario's time limit of ${s.timeLimitS} s` });
  });
}

/** Access: a vehicle cannot be placed in an alley narrower than itself (engines wait at the mouth). */
function checkAccess(s: Scenario, issues: ScenarioIssue[]): void {
  s.world.vehicles.forEach((v, i) => {
    const width = v.widthM ?? VEHICLE_WIDTH_M[v.kind];
    for (const z of s.world.zones) {
      const inside = z.floor === v.floor && v.x >= z.x && v.y >= z.y && v.x < z.x + z.w && v.y < z.y + z.h;
      if (inside && z.accessWidthM !== undefined && z.accessWidthM < width) {
        issues.push({ path: jsonPath(['world', 'vehicles', i]), rule: `a ${width} m wide vehicle cannot enter zone "${z.id}", which is ${z.accessWidthM} m wide` });
      }
    }
  });
}

function checkRoles(s: Scenario, issues: ScenarioIssue[]): void {
  const known = new Set<string>(INTENT_TYPES);
  s.roles.forEach((r, i) => {
    if (r.minPlayers > r.maxPlayers) issues.push({ path: jsonPath(['roles', i, 'minPlayers']), rule: `${r.minPlayers} is more than maxPlayers (${r.maxPlayers})` });
    r.may?.forEach((t, j) => {
      if (!known.has(t)) issues.push({ path: jsonPath(['roles', i, 'may', j]), rule: `"${t}" is not an intent; use one of ${INTENT_TYPES.join(', ')}` });
    });
  });
  if (s.roles.length === 0) return;
  const ids = new Set(s.roles.map((r) => r.id));
  s.crew.forEach((c, i) => {
    if (!ids.has(c.role)) issues.push({ path: jsonPath(['crew', i, 'role']), rule: `role "${c.role}" is not one of the scenario's roles (${[...ids].join(', ')})` });
  });
}

/** Every semantic problem in `s`; an empty list means the scenario can be built and run. */
export function checkScenario(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  checkMap(s, issues);
  checkDoors(s, issues);
  checkStairs(s, issues);
  checkIds(s, issues);
  checkPositions(s, issues);
  checkStatechart(s, issues);
  checkRubric(s, issues);
  checkRoles(s, issues);
  checkAccess(s, issues);
  return issues;
}
