/** Where on screen a checker issue belongs, from its JSON path: the view, and in it the floor and map
 *  row, the thing on the plan, the phase or the criterion, down to the field. Every path the parser or
 *  the checker can produce lands somewhere (tests/client/studio/locateIssue.test.ts). Pure. */
import type { View } from '../model/studioStore';
import { THING_KINDS, THING_PATH, type ThingKind } from '../model/things';

export interface IssueLocation {
  view: View;
  /** The floor to show (plan issues on a floor or a thing on it is found by the panel). */
  floor?: number;
  row?: number;
  /** A cell named in the rule, such as a stair's "(x, y)". */
  cell?: { x: number; y: number };
  thing?: { kind: ThingKind; index: number };
  phase?: string;
  criterion?: number;
  /** The JSON path of the element that shows the issue (a field, a row of a list). */
  target: string;
}

/** `$.a.b[2]["c d"]` -> ['a', 'b', 2, 'c d']. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.slice(1).matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

const sameStart = (segs: (string | number)[], prefix: readonly (string | number)[]): boolean => prefix.every((p, i) => segs[i] === p);

export function locateIssue(path: string, rule = ''): IssueLocation {
  const segs = parsePath(path);
  if (segs[0] === 'world' && segs[1] === 'floors') {
    const floor = typeof segs[2] === 'number' ? segs[2] : undefined;
    if (floor === undefined) return { view: 'plan', target: '$.world.floors' };
    if (segs[3] === 'rows') {
      const row = typeof segs[4] === 'number' ? segs[4] : undefined;
      const m = /\((\d+), (\d+)\)/.exec(rule);
      return { view: 'plan', floor, ...(row !== undefined ? { row } : {}), ...(m ? { cell: { x: Number(m[1]), y: Number(m[2]) } } : {}), target: `$.world.floors[${floor}]` };
    }
    return { view: 'plan', floor, target: path };
  }
  for (const kind of THING_KINDS) {
    const base = THING_PATH[kind];
    if (!sameStart(segs, base)) continue;
    const index = segs[base.length];
    if (typeof index !== 'number') return { view: 'plan', target: `$.${base.join('.')}` };
    return { view: 'plan', thing: { kind, index }, target: path };
  }
  if (segs[0] === 'statechart') {
    const phase = segs[1] === 'states' && typeof segs[2] === 'string' ? segs[2] : undefined;
    return { view: 'phases', ...(phase !== undefined ? { phase } : {}), target: path };
  }
  if (segs[0] === 'rubric') {
    const criterion = segs[1] === 'criteria' && typeof segs[2] === 'number' ? segs[2] : undefined;
    return { view: 'rubric', ...(criterion !== undefined ? { criterion } : {}), target: path };
  }
  // The envelope, texts, roles, the debrief and anything unknown: the scenario's own settings.
  return { view: 'scenario', target: path };
}
