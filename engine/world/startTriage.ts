/** START triage for adults and JumpSTART for children (DOMAIN.md): the tag a casualty's findings call
 *  for. The world compares a player's triage intent with this; the handbook explains each step. */

export type TriageTag = 'green' | 'yellow' | 'red' | 'black';

export interface CasualtyFindings {
  child: boolean;
  walks: boolean;
  breathing: boolean;
  /** Breathes only once the airway is opened (or, for a child, after five rescue breaths). */
  breathesAfterAirway: boolean;
  /** Breaths per minute when breathing. */
  respiratoryRate: number;
  /** Capillary refill over 2 s, or no radial pulse. */
  poorPerfusion: boolean;
  /** A child with a palpable peripheral pulse (JumpSTART asks before rescue breaths). */
  pulse: boolean;
  obeysCommands: boolean;
}

/** The tag START (adults) or JumpSTART (children) assigns. */
export function startTag(f: CasualtyFindings): TriageTag {
  if (f.walks) return 'green';
  if (!f.breathing) {
    if (f.child && !f.pulse) return 'black';
    return f.breathesAfterAirway ? 'red' : 'black';
  }
  if (f.child ? f.respiratoryRate < 15 || f.respiratoryRate > 45 : f.respiratoryRate > 30) return 'red';
  // JumpSTART judges a child's perfusion by the peripheral pulse alone (Romig 2002).
  if (f.poorPerfusion || (f.child && !f.pulse)) return 'red';
  if (!f.obeysCommands) return 'red';
  return 'yellow';
}
