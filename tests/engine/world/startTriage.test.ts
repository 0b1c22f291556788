/** START and JumpSTART, exhaustively: every combination of findings gets the tag the table gives. */
import { describe, expect, it } from 'vitest';
import { startTag, type CasualtyFindings, type TriageTag } from '../../../engine/world/startTriage';

/** The DOMAIN.md table, written out independently as the oracle. */
function expected(f: CasualtyFindings): TriageTag {
  if (f.walks) return 'green';
  if (!f.breathing) {
    if (f.child && !f.pulse) return 'black';
    return f.breathesAfterAirway ? 'red' : 'black';
  }
  const rateRed = f.child ? f.respiratoryRate < 15 || f.respiratoryRate > 45 : f.respiratoryRate > 30;
  return rateRed || f.poorPerfusion || !f.obeysCommands ? 'red' : 'yellow';
}

const bools = [false, true];
const rates = [8, 14, 15, 20, 30, 31, 45, 46];
const all: CasualtyFindings[] = [];
for (const child of bools) for (const walks of bools) for (const breathing of bools) for (const breathesAfterAirway of bools)
  for (const respiratoryRate of rates) for (const poorPerfusion of bools) for (const pulse of bools) for (const obeysCommands of bools)
    all.push({ child, walks, breathing, breathesAfterAirway, respiratoryRate, poorPerfusion, pulse, obeysCommands });

describe('START triage', () => {
  it(`tags all ${all.length} combinations of findings as the table does`, () => {
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
  it('an apnoeic child with a pulse who breathes after rescue breaths is red', () => {
    expect(startTag({ child: true, walks: false, breathing: false, breathesAfterAirway: true, respiratoryRate: 0, poorPerfusion: false, pulse: true, obeysCommands: false })).toBe('red');
  });
});
