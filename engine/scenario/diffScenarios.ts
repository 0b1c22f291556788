/** What changed between two versions of a scenario, in the terms an author and a reviewer use: map
 *  cells per floor, entities by id, statechart states, rubric criteria and text. Pure; compares the
 *  parsed objects, never their file layout. */
import { canonicalJson } from '../hash';
import type { Scenario } from './format';

export interface CellChange {
  floor: string;
  x: number;
  y: number;
  from: string;
  to: string;
}

export interface ByIdChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface TextChange {
  /** JSON path of the field: `$.title`, `$.debrief.lessons`. */
  path: string;
  from: unknown;
  to: unknown;
}

export interface ScenarioDiff {
  /** Cells that differ, floor by floor (a floor added or removed counts every cell of it). */
  cells: { count: number; floorsAdded: string[]; floorsRemoved: string[]; changes: CellChange[] };
  /** Items, victims, hazards, vehicles, hydrants, zones, crew and roles, by id. */
  entities: Record<string, ByIdChanges>;
  statechart: ByIdChanges & { initialChanged: boolean };
  rubric: ByIdChanges & { thresholdsChanged: boolean };
  text: TextChange[];
  /** Anything else that differs (time limit, difficulty, floor heights...), by JSON path. */
  other: string[];
  same: boolean;
}

/** At most this many cell changes are listed; `count` still counts them all. */
export const MAX_LISTED_CELLS = 500;

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

function byId<T>(before: readonly T[], after: readonly T[], idOf: (t: T) => string): ByIdChanges {
  const a = new Map(before.map((t) => [idOf(t), t]));
  const b = new Map(after.map((t) => [idOf(t), t]));
  return {
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed: [...b.keys()].filter((id) => a.has(id) && !same(a.get(id), b.get(id))),
  };
}

function cellDiff(a: Scenario, b: Scenario): ScenarioDiff['cells'] {
  const out: ScenarioDiff['cells'] = { count: 0, floorsAdded: [], floorsRemoved: [], changes: [] };
  const before = new Map(a.world.floors.map((f) => [f.id, f.rows]));
  const after = new Map(b.world.floors.map((f) => [f.id, f.rows]));
  const cellsOf = (rows: readonly string[]): number => rows.reduce((n, r) => n + r.length, 0);
  for (const [id, rows] of before) {
    if (after.has(id)) continue;
    out.floorsRemoved.push(id);
    out.count += cellsOf(rows);
  }
  for (const [id, rows] of after) {
    const old = before.get(id);
    if (!old) {
      out.floorsAdded.push(id);
      out.count += cellsOf(rows);
      continue;
    }
    const height = Math.max(old.length, rows.length);
    for (let y = 0; y < height; y++) {
      const r0 = old[y] ?? '';
      const r1 = rows[y] ?? '';
      for (let x = 0; x < Math.max(r0.length, r1.length); x++) {
        const from = r0[x] ?? '';
        const to = r1[x] ?? '';
        if (from === to) continue;
        out.count++;
        if (out.changes.length < MAX_LISTED_CELLS) out.changes.push({ floor: id, x, y, from, to });
      }
    }
  }
  return out;
}

const TEXT_PATHS: readonly (readonly string[])[] = [['title'], ['summary'], ['notes'], ['author'], ['debrief', 'lessons'], ['debrief', 'handbook'], ['doctrine']];

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

export function diffScenarios(a: Scenario, b: Scenario): ScenarioDiff {
  const id = (t: { id: string }): string => t.id;
  const entities: ScenarioDiff['entities'] = {
    items: byId(a.world.items, b.world.items, id),
    victims: byId(a.world.victims, b.world.victims, id),
    hazards: byId(a.world.hazards, b.world.hazards, id),
    vehicles: byId(a.world.vehicles, b.world.vehicles, id),
    hydrants: byId(a.world.hydrants, b.world.hydrants, id),
    zones: byId(a.world.zones, b.world.zones, id),
    crew: byId(a.crew, b.crew, id),
    roles: byId(a.roles, b.roles, id),
  };
  const states = (s: Scenario): { id: string; def: unknown }[] => Object.entries(s.statechart.states).map(([k, def]) => ({ id: k, def }));
  const statechart = { ...byId(states(a), states(b), id), initialChanged: a.statechart.initial !== b.statechart.initial };
  const rubric = {
    ...byId(a.rubric.criteria, b.rubric.criteria, id),
    thresholdsChanged: a.rubric.passPercent !== b.rubric.passPercent || !same(a.rubric.starsPercent, b.rubric.starsPercent),
  };
  const text: TextChange[] = [];
  for (const path of TEXT_PATHS) {
    const from = at(a, path);
    const to = at(b, path);
    if (!same(from ?? null, to ?? null)) text.push({ path: `$.${path.join('.')}`, from, to });
  }
  const covered = new Set(['title', 'summary', 'notes', 'author', 'debrief', 'doctrine', 'world', 'crew', 'roles', 'statechart', 'rubric']);
  const other: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!covered.has(key) && !same(at(a, [key]) ?? null, at(b, [key]) ?? null)) other.push(`$.${key}`);
  }
  for (const key of ['cellSizeM', 'lighting'] as const) if (!same(a.world[key] ?? null, b.world[key] ?? null)) other.push(`$.world.${key}`);
  const floorsA = new Map(a.world.floors.map((f) => [f.id, f]));
  for (const f of b.world.floors) {
    const old = floorsA.get(f.id);
    if (old && !same({ ...old, rows: [] }, { ...f, rows: [] })) other.push(`$.world.floors[${f.id}]`);
  }
  const cells = cellDiff(a, b);
  const empty = (c: ByIdChanges): boolean => c.added.length + c.removed.length + c.changed.length === 0;
  const nothing =
    cells.count === 0 &&
    Object.values(entities).every(empty) &&
    empty(statechart) &&
    !statechart.initialChanged &&
    empty(rubric) &&
    !rubric.thresholdsChanged &&
    text.length === 0 &&
    other.length === 0;
  return { cells, entities, statechart, rubric, text, other, same: nothing };
}
