/** Editing the statechart: renaming a phase carries every transition aiming at it, removing one takes
 *  its incoming transitions with it, and a timed inject added on the timeline is a targetless TICK
 *  transition that the checker accepts and a run fires exactly once. */
import { describe, expect, it } from 'vitest';
import { createRun, loadScenario, stepRun, TICKS_PER_SECOND } from '../../../engine/index';
import { runCheck } from '../../../client/studio/check/runCheck';
import { addInject, addPhase, phaseOrder, removePhase, renamePhase, timedInjects } from '../../../client/studio/model/statechartEdit';
import { fromTemplate } from '../../../client/studio/templates/templates';

const apartment = () => fromTemplate('apartment', 'edit-test', 'hlv');

describe('statechart edits', () => {
  it('renaming a phase renames the targets that lead to it and the initial phase', () => {
    const s = apartment();
    const c = renamePhase(renamePhase(s.statechart, 'response', 'attack'), 'dispatch', 'call');
    expect(c.initial).toBe('call');
    expect(c.states.call?.on?.TICK).toMatchObject({ target: 'attack' });
    expect(runCheck({ ...s, statechart: c })).toEqual([]);
  });

  it('renaming onto a name already used changes nothing', () => {
    const s = apartment();
    expect(renamePhase(s.statechart, 'response', 'overhaul')).toBe(s.statechart);
  });

  it('removing a phase removes the transitions into it', () => {
    const c = removePhase(apartment().statechart, 'overhaul');
    expect(Object.keys(c.states)).not.toContain('overhaul');
    expect(c.states.response?.on?.TICK).toBeUndefined();
  });

  it('a new phase is unreachable until a transition leads to it, and the checker says so', () => {
    const s = apartment();
    const { chart, name } = addPhase(s.statechart);
    expect(runCheck({ ...s, statechart: chart }).map((i) => i.path)).toContain(`$.statechart.states.${name}`);
  });

  it('phases are listed in the order a run meets them', () => {
    expect(phaseOrder(apartment().statechart)).toEqual(['dispatch', 'response', 'overhaul', 'debrief']);
  });

  it('a timed inject is accepted by the checker, listed on the timeline and fires once in a run', () => {
    const s = apartment();
    const chart = addInject(s.statechart, 'response', 'incident', 20);
    const withInject = { ...s, statechart: chart };
    expect(runCheck(withInject)).toEqual([]);
    expect(timedInjects(chart)).toMatchObject([{ phase: 'response', from: 'incident', seconds: 20 }]);
    const run = createRun(loadScenario(withInject), 7);
    for (let i = 0; i < 40 * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
    expect(run.events.filter((e) => e.type === 'RADIO' && e.text?.en === 'New message.')).toHaveLength(1);
  });

  it('two injects in one phase become a list of transitions, both on the timeline', () => {
    const chart = addInject(addInject(apartment().statechart, 'response', 'incident', 20), 'response', 'phase', 5);
    expect(Array.isArray(chart.states.response?.on?.TICK)).toBe(true);
    expect(timedInjects(chart).map((x) => `${x.from}:${x.seconds}`)).toEqual(['incident:20', 'phase:5']);
  });
});
