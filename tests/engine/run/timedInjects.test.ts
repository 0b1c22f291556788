/** Timed injects in a scenario's statechart: `atElapsed` and `atPhaseElapsed` guards fire a targetless
 *  transition's actions exactly once, at the tick the time is reached, and never again. */
import { describe, expect, it } from 'vitest';
import { createRun, loadScenario, stepRun, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { KITCHEN, readScenarioJson, TEST_SEED } from '../../support/scenarios';

const radio = (text: string) => ({ type: 'radio', params: { from: { vi: 'Chỉ huy', en: 'Commander' }, text: { vi: text, en: text } } });

function runWith(states: Record<string, unknown>): Run {
  const s = readScenarioJson(KITCHEN);
  return createRun(loadScenario({ ...s, statechart: { initial: 'first', states } }), TEST_SEED);
}

const radios = (run: Run): { tick: number; text: string }[] => run.events.filter((e) => e.type === 'RADIO').map((e) => ({ tick: e.tick, text: e.text?.en ?? '' }));

describe('timed injects', () => {
  it('an inject at an incident time fires once, on that tick', () => {
    const run = runWith({
      first: { on: { TICK: [{ guard: { type: 'atElapsed', params: { seconds: 10 } }, actions: [radio('ten')] }, { target: 'done', guard: { type: 'elapsedAtLeast', params: { seconds: 30 } } }] } },
      done: { type: 'final' },
    });
    for (let i = 0; i < 40 * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
    const ten = radios(run).filter((r) => r.text === 'ten');
    expect(ten).toHaveLength(1);
    expect(ten[0]?.tick).toBe(10 * TICKS_PER_SECOND - 1);
  });

  it('an inject timed from a phase start counts from when the phase was entered', () => {
    const run = runWith({
      first: { on: { TICK: { target: 'second', guard: { type: 'elapsedAtLeast', params: { seconds: 5 } } } } },
      second: { on: { TICK: [{ guard: { type: 'atPhaseElapsed', params: { seconds: 4 } }, actions: [radio('four in')] }, { target: 'done', guard: { type: 'phaseElapsedAtLeast', params: { seconds: 20 } } }] } },
      done: { type: 'final' },
    });
    for (let i = 0; i < 40 * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
    const entered = run.events.find((e) => e.type === 'PHASE_ENTERED' && e.phase === 'second');
    const fired = radios(run).filter((r) => r.text === 'four in');
    expect(fired).toHaveLength(1);
    // Like the incident-time inject: logged on the tick being stepped, when the clock reads one tick on.
    expect((fired[0]?.tick ?? 0) - (entered?.tick ?? 0)).toBe(4 * TICKS_PER_SECOND - 1);
  });

  it('an inject in a phase that is over by then never fires', () => {
    const run = runWith({
      first: { on: { TICK: [{ guard: { type: 'atElapsed', params: { seconds: 20 } }, actions: [radio('late')] }, { target: 'second', guard: { type: 'elapsedAtLeast', params: { seconds: 5 } } }] } },
      second: { on: { TICK: { target: 'done', guard: { type: 'elapsedAtLeast', params: { seconds: 30 } } } } },
      done: { type: 'final' },
    });
    for (let i = 0; i < 40 * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
    expect(radios(run).filter((r) => r.text === 'late')).toEqual([]);
  });
});
