/** Makes any decoded JSON object editable: the lists and objects the studio walks (floors, things,
 *  crew, phases, criteria) exist and have the right type. Values are never changed or dropped, except a
 *  container of the wrong type, which is replaced; the caller keeps the original text. Pure. */
import type { Scenario } from '../../../engine/index';

type Json = Record<string, unknown>;
const obj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export function normalizeDraft(raw: unknown): { draft: Scenario; replaced: string[] } {
  const replaced: string[] = [];
  const root: Json = obj(raw) ? { ...raw } : (replaced.push('$'), {});
  const need = (o: Json, key: string, kind: 'list' | 'object', where: string, fill: unknown): Json => {
    const ok = kind === 'list' ? Array.isArray(o[key]) : obj(o[key]);
    if (!ok) {
      if (o[key] !== undefined) replaced.push(`${where}.${key}`);
      o[key] = fill;
    }
    return o;
  };
  need(root, 'world', 'object', '$', {});
  const world = { ...(root.world as Json) };
  root.world = world;
  for (const k of ['floors', 'zones', 'items', 'victims', 'hazards', 'vehicles', 'hydrants']) need(world, k, 'list', '$.world', []);
  world.floors = (world.floors as unknown[]).map((f, i) => {
    const floor: Json = obj(f) ? { ...f } : (replaced.push(`$.world.floors[${i}]`), {});
    need(floor, 'rows', 'list', `$.world.floors[${i}]`, []);
    floor.rows = (floor.rows as unknown[]).map((r) => (typeof r === 'string' ? r : ''));
    need(floor, 'name', 'object', `$.world.floors[${i}]`, { vi: '', en: '' });
    return floor;
  });
  need(root, 'crew', 'list', '$', []);
  need(root, 'roles', 'list', '$', []);
  need(root, 'statechart', 'object', '$', { initial: '', states: {} });
  const chart = { ...(root.statechart as Json) };
  root.statechart = chart;
  need(chart, 'states', 'object', '$.statechart', {});
  need(root, 'rubric', 'object', '$', { passPercent: 60, starsPercent: [60, 80, 95], criteria: [] });
  const rubric = { ...(root.rubric as Json) };
  root.rubric = rubric;
  need(rubric, 'criteria', 'list', '$.rubric', []);
  need(root, 'debrief', 'object', '$', { lessons: [], handbook: [] });
  need(root, 'title', 'object', '$', { vi: '', en: '' });
  return { draft: root as unknown as Scenario, replaced };
}
