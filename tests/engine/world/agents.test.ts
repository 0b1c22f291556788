/** The agent-versus-fire-class matrix (TCVN 4878:2009), the facts trainees are scored on. */
import { describe, expect, it } from 'vitest';
import { AGENT_MATRIX, FIRE_CLASSES } from '../../../engine/index';

describe('agent matrix', () => {
  it('water is right on class A and erupts on cooking oil (F)', () => {
    expect(AGENT_MATRIX.water.A).toBe('effective');
    expect(AGENT_MATRIX.water.F).toBe('flareUp');
  });
  it('wet chemical is the agent for cooking oil', () => {
    expect(AGENT_MATRIX.wetChemical.F).toBe('effective');
  });
  it('CO2 suits small liquid fires and does poorly on solids', () => {
    expect(AGENT_MATRIX.co2.B).toBe('effective');
    expect(AGENT_MATRIX.co2.A).toBe('poor');
  });
  it('ABC powder covers A, B and C', () => {
    expect([AGENT_MATRIX.powderABC.A, AGENT_MATRIX.powderABC.B, AGENT_MATRIX.powderABC.C]).toEqual(['effective', 'effective', 'effective']);
  });
  it('water and foam do nothing useful on a gas fire: the answer is the valve', () => {
    expect(AGENT_MATRIX.water.C).toBe('none');
    expect(AGENT_MATRIX.foam.C).toBe('none');
  });
  it('knows exactly the TCVN classes, with no electrical class', () => {
    expect([...FIRE_CLASSES]).toEqual(['A', 'B', 'C', 'D', 'F']);
    for (const row of Object.values(AGENT_MATRIX)) expect(Object.keys(row).sort()).toEqual(['A', 'B', 'C', 'D', 'F']);
  });
});
