/** START and JumpSTART, exhaustively: every combination of findings gets the tag the published
 *  flowcharts give. The oracle is the flowcharts transcribed as data (docs/engine/triage.md):
 *  START, Benson, Koenig & Schultz, Prehosp Disaster Med 1996;11(2):117-124; JumpSTART, Romig,
 *  JEMS 2002;27(7):52-58 (both as CHEMM publishes them). It shares no code with startTag. */
import { describe, expect, it } from 'vitest';
import { startTag, type CasualtyFindings, type TriageTag } from '../../../engine/world/startTriage';

/** A box of a flowchart: a question asked of the findings, and where each answer leads. */
interface Box {
  ask: string;
  answer: (f: CasualtyFindings) => boolean;
  /** A tag, or the name of the next box. */
  yes: string;
  no: string;
}

const TAGS: readonly string[] = ['green', 'yellow', 'red', 'black'];

/** START for adults, box by box as the flowchart reads. */
const START: Record<string, Box> = {
  ambulatory: { ask: 'Able to walk?', answer: (f) => f.walks, yes: 'green', no: 'breathing' },
  breathing: { ask: 'Breathing?', answer: (f) => f.breathing, yes: 'rate', no: 'airway' },
  airway: { ask: 'Position the airway. Breathing now?', answer: (f) => f.breathesAfterAirway, yes: 'red', no: 'black' },
  rate: { ask: 'Respirations over 30 a minute?', answer: (f) => f.respiratoryRate > 30, yes: 'red', no: 'perfusion' },
  // "Radial pulse absent or capillary refill over 2 seconds": the finding `poorPerfusion` is exactly that.
  perfusion: { ask: 'Radial pulse absent, or capillary refill over 2 s?', answer: (f) => f.poorPerfusion, yes: 'red', no: 'mental' },
  mental: { ask: 'Follows simple commands?', answer: (f) => f.obeysCommands, yes: 'yellow', no: 'red' },
};

/** JumpSTART for children. The findings model answers "breathing after the airway is positioned" and
 *  "breathing after five rescue breaths" with one finding (`breathesAfterAirway`, see CasualtyFindings),
 *  and JumpSTART gives rescue breaths only to a child with a pulse; so an apnoeic child without a pulse is
 *  black, and one with a pulse is red exactly when that finding says the child breathes. */
const JUMP_START: Record<string, Box> = {
  ambulatory: { ask: 'Able to walk?', answer: (f) => f.walks, yes: 'green', no: 'breathing' },
  breathing: { ask: 'Breathing?', answer: (f) => f.breathing, yes: 'rate', no: 'pulseBeforeBreaths' },
  pulseBeforeBreaths: { ask: 'Palpable peripheral pulse?', answer: (f) => f.pulse, yes: 'rescueBreaths', no: 'black' },
  rescueBreaths: { ask: 'Airway positioned, 5 rescue breaths: breathing now?', answer: (f) => f.breathesAfterAirway, yes: 'red', no: 'black' },
  rate: { ask: 'Respirations under 15 or over 45 a minute?', answer: (f) => f.respiratoryRate < 15 || f.respiratoryRate > 45, yes: 'red', no: 'perfusion' },
  // A child's perfusion is its peripheral pulse; `poorPerfusion` includes "no radial pulse", `pulse` says it outright.
  perfusion: { ask: 'No palpable peripheral pulse?', answer: (f) => !f.pulse || f.poorPerfusion, yes: 'red', no: 'mental' },
  // AVPU: alert, responds to voice, or localises pain ("appropriate P") is what `obeysCommands` records for a child.
  mental: { ask: 'AVPU: A, V or appropriate P?', answer: (f) => f.obeysCommands, yes: 'yellow', no: 'red' },
};

/** Walks a flowchart from its first box to a tag. */
function walk(chart: Record<string, Box>, f: CasualtyFindings): TriageTag {
  let at = 'ambulatory';
  for (let steps = 0; steps < 20; steps++) {
    const box = chart[at];
    if (!box) throw new Error(`no box ${at}`);
    const next = box.answer(f) ? box.yes : box.no;
    if (TAGS.includes(next)) return next as TriageTag;
    at = next;
  }
  throw new Error('the flowchart loops');
}

const expected = (f: CasualtyFindings): TriageTag => walk(f.child ? JUMP_START : START, f);

const bools = [false, true];
const rates = [8, 14, 15, 20, 30, 31, 45, 46];
const all: CasualtyFindings[] = [];
for (const child of bools) for (const walks of bools) for (const breathing of bools) for (const breathesAfterAirway of bools)
  for (const respiratoryRate of rates) for (const poorPerfusion of bools) for (const pulse of bools) for (const obeysCommands of bools)
    all.push({ child, walks, breathing, breathesAfterAirway, respiratoryRate, poorPerfusion, pulse, obeysCommands });

describe('START triage', () => {
  it(`tags all ${all.length} combinations of findings as the published flowcharts do`, () => {
    for (const f of all) expect([f, startTag(f)]).toEqual([f, expected(f)]);
  });

  it('walking wounded are green whatever else', () => {
    expect(startTag({ child: false, walks: true, breathing: true, breathesAfterAirway: false, respiratoryRate: 40, poorPerfusion: true, pulse: true, obeysCommands: false })).toBe('green');
  });
  it('an adult breathing only after the airway is opened is red; not even then, black', () => {
    const base = { child: false, walks: false, breathing: false, respiratoryRate: 0, poorPerfusion: false, pulse: true, obeysCommands: false };
    expect(startTag({ ...base, breathesAfterAirway: true })).toBe('red');
    expect(startTag({ ...base, breathesAfterAirway: false })).toBe('black');
  });
  it('adult rate over 30 is red, 30 is not', () => {
    const base = { child: false, walks: false, breathing: true, breathesAfterAirway: false, poorPerfusion: false, pulse: true, obeysCommands: true };
    expect(startTag({ ...base, respiratoryRate: 31 })).toBe('red');
    expect(startTag({ ...base, respiratoryRate: 30 })).toBe('yellow');
  });
  it('a child breathing under 15 or over 45 is red', () => {
    const base = { child: true, walks: false, breathing: true, breathesAfterAirway: false, poorPerfusion: false, pulse: true, obeysCommands: true };
    expect(startTag({ ...base, respiratoryRate: 14 })).toBe('red');
    expect(startTag({ ...base, respiratoryRate: 46 })).toBe('red');
    expect(startTag({ ...base, respiratoryRate: 30 })).toBe('yellow');
  });
  it('an apnoeic child with a pulse who breathes after rescue breaths is red; without a pulse, black', () => {
    const base = { child: true, walks: false, breathing: false, breathesAfterAirway: true, respiratoryRate: 0, poorPerfusion: false, obeysCommands: false };
    expect(startTag({ ...base, pulse: true })).toBe('red');
    expect(startTag({ ...base, pulse: false })).toBe('black');
  });
  it('a breathing child without a palpable peripheral pulse is red', () => {
    expect(startTag({ child: true, walks: false, breathing: true, breathesAfterAirway: false, respiratoryRate: 30, poorPerfusion: false, pulse: false, obeysCommands: true })).toBe('red');
  });
});
