/** Edits of the scenario's statechart as pure functions: add, rename and remove phases (targets follow
 *  a rename), transitions, and timed injects, which are targetless TICK transitions guarded by the
 *  catalogue's atElapsed or atPhaseElapsed. Nothing here knows about React. */
import type { Scenario } from '../../../engine/index';
import { uniqueId } from './paths';

type Chart = Scenario['statechart'];
type State = Chart['states'][string];
type Transition = NonNullable<State['on']>[string] extends infer T ? (T extends (infer U)[] ? U : T) : never;

function mapStates(c: Chart, fn: (name: string, st: State) => [string, State] | null): Chart {
  const states: Chart['states'] = {};
  for (const [n, st] of Object.entries(c.states)) {
    const out = fn(n, st);
    if (out) states[out[0]] = out[1];
  }
  return { ...c, states };
}

const listOf = (t: Transition | Transition[] | undefined): Transition[] => (t === undefined ? [] : Array.isArray(t) ? t : [t]);

export function addPhase(c: Chart): { chart: Chart; name: string } {
  const name = uniqueId('phase', Object.keys(c.states)).replace('-', '');
  return { chart: { ...c, states: { ...c.states, [name]: { on: {} } } }, name };
}

/** Renames a phase; every transition aiming at it and the initial phase follow. */
export function renamePhase(c: Chart, from: string, to: string): Chart {
  if (from === to || !to || c.states[to]) return c;
  const retarget = (t: Transition): Transition => (t.target === from ? { ...t, target: to } : t);
  const chart = mapStates(c, (n, st) => [n === from ? to : n, st.on ? { ...st, on: Object.fromEntries(Object.entries(st.on).map(([ev, t]) => [ev, Array.isArray(t) ? t.map(retarget) : retarget(t)])) } : st]);
  return { ...chart, initial: c.initial === from ? to : c.initial };
}

/** Removes a phase; transitions that aimed at it are removed too (the checker would flag them). */
export function removePhase(c: Chart, name: string): Chart {
  return mapStates(c, (n, st) => {
    if (n === name) return null;
    if (!st.on) return [n, st];
    const on: NonNullable<State['on']> = {};
    for (const [ev, t] of Object.entries(st.on)) {
      const kept = listOf(t).filter((x) => x.target !== name);
      if (kept.length > 0) on[ev] = kept.length === 1 && !Array.isArray(t) ? (kept[0] as Transition) : kept;
    }
    return [n, { ...st, on }];
  });
}

/** Appends a transition on `event` to phase `name`, as a list when the event already has one. */
export function addTransition(c: Chart, name: string, event: string, t: Transition): Chart {
  const st = c.states[name];
  if (!st) return c;
  const old = st.on?.[event];
  const next = old === undefined ? t : [...listOf(old), t];
  return { ...c, states: { ...c.states, [name]: { ...st, on: { ...(st.on ?? {}), [event]: next } } } };
}

export interface TimedInject {
  phase: string;
  /** Path of the transition inside the phase: ['on', 'TICK'] or ['on', 'TICK', i]. */
  at: (string | number)[];
  from: 'incident' | 'phase';
  seconds: number;
  actions: NonNullable<Transition['actions']>;
}

/** Every timed inject of the chart, in time order (incident-time ones first by time). */
export function timedInjects(c: Chart): TimedInject[] {
  const out: TimedInject[] = [];
  for (const [phase, st] of Object.entries(c.states)) {
    const tick = st.on?.TICK;
    listOf(tick).forEach((t, i) => {
      const g = t.guard;
      if (t.target !== undefined || !g || typeof g === 'string') return;
      if (g.type !== 'atElapsed' && g.type !== 'atPhaseElapsed') return;
      const seconds = Number(g.params?.seconds ?? 0);
      out.push({ phase, at: Array.isArray(tick) ? ['on', 'TICK', i] : ['on', 'TICK'], from: g.type === 'atElapsed' ? 'incident' : 'phase', seconds, actions: t.actions ?? [] });
    });
  }
  return out.sort((a, b) => (a.from === b.from ? a.seconds - b.seconds : a.from === 'incident' ? -1 : 1));
}

/** A new timed inject in `phase`: a radio line at `seconds`, to be edited. */
export function addInject(c: Chart, phase: string, from: 'incident' | 'phase', seconds: number): Chart {
  return addTransition(c, phase, 'TICK', {
    guard: { type: from === 'incident' ? 'atElapsed' : 'atPhaseElapsed', params: { seconds } },
    actions: [{ type: 'radio', params: { from: { vi: 'Trung tâm 114', en: '114 control' }, text: { vi: 'Thông báo mới.', en: 'New message.' } } }],
  });
}

/** Phases in the order a run meets them: the initial first, then by first appearance as a target. */
export function phaseOrder(c: Chart): string[] {
  const names = Object.keys(c.states);
  const seen: string[] = [];
  const visit = (n: string): void => {
    if (seen.includes(n) || !c.states[n]) return;
    seen.push(n);
    for (const t of Object.values(c.states[n]?.on ?? {}).flatMap((x) => listOf(x))) if (t.target) visit(t.target);
  };
  visit(c.initial);
  return [...seen, ...names.filter((n) => !seen.includes(n))];
}
