/** What every new draft starts with besides its plan: the envelope, texts to fill in, a statechart of
 *  dispatch -> response -> overhaul -> debrief, and the debrief's first lesson. */
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario } from '../../../engine/index';

const L = (vi: string, en: string) => ({ vi, en });

/** Dispatch (the 114 call), the response until the incident is under control, a short overhaul, the end. */
export function defaultStatechart(call: { vi: string; en: string }): Scenario['statechart'] {
  return {
    initial: 'dispatch',
    states: {
      dispatch: {
        entry: [{ type: 'radio', params: { from: L('Trung tâm 114', '114 control'), text: call } }],
        on: { TICK: { target: 'response', guard: { type: 'elapsedAtLeast', params: { seconds: 3 } } } },
      },
      response: { on: { TICK: { target: 'overhaul', guard: 'incidentUnderControl' } } },
      overhaul: { on: { TICK: { target: 'debrief', guard: { type: 'phaseElapsedAtLeast', params: { seconds: 15 } } } } },
      debrief: { type: 'final' },
    },
  };
}

/** A draft envelope around `world` and `crew`; the rubric starts empty until drafted. */
export function newDraft(id: string, title: { vi: string; en: string }, category: Scenario['category'], world: Partial<Scenario['world']> & Pick<Scenario['world'], 'floors'>, crew: Scenario['crew'], author: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id,
    title,
    summary: L('Mô tả ngắn về tình huống.', 'A short description of the incident.'),
    category,
    difficulty: 2,
    estimatedMinutes: 10,
    competencies: ['sizeUp'],
    doctrine: [],
    author,
    timeLimitS: 900,
    world: { cellSizeM: 0.5, zones: [], items: [], victims: [], hazards: [], vehicles: [], hydrants: [], ...world },
    roles: [],
    crew,
    statechart: defaultStatechart(L(`${title.vi}: lực lượng xuất phát.`, `${title.en}: crews respond.`)),
    rubric: { passPercent: 60, starsPercent: [60, 80, 95], criteria: [] },
    debrief: { lessons: [L('Cứu người là trên hết.', 'Saving life comes first.')], handbook: [] },
  };
}
