/** What each extinguishing agent does to each fire class (TCVN 4878:2009). The one table the world,
 *  the bots and the handbook consult; the effect names are what the debrief explains. */
import type { Agent, FireClass } from '../scenario/vocabulary';

/** effective: knocks the fire down; poor: slows it a little; flareUp: violent reaction (water on
 *  burning oil); none: no useful effect (e.g. water on a gas fire: shut the valve instead). */
export type AgentEffect = 'effective' | 'poor' | 'flareUp' | 'none';

export const AGENT_MATRIX: Record<Agent, Record<FireClass, AgentEffect>> = {
  water: { A: 'effective', B: 'poor', C: 'none', D: 'flareUp', F: 'flareUp' },
  foam: { A: 'effective', B: 'effective', C: 'none', D: 'none', F: 'poor' },
  co2: { A: 'poor', B: 'effective', C: 'none', D: 'none', F: 'poor' },
  powderABC: { A: 'effective', B: 'effective', C: 'effective', D: 'none', F: 'poor' },
  wetChemical: { A: 'effective', B: 'poor', C: 'none', D: 'none', F: 'effective' },
};

/** Seconds of growth one second of discharge takes back, by effect. */
export const KNOCKDOWN_PER_SECOND: Record<AgentEffect, number> = {
  effective: 6,
  poor: 1.5,
  flareUp: 0,
  none: 0,
};
