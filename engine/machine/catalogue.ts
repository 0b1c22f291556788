/** The catalogue of named guards and actions a scenario statechart may use, each with a zod schema
 *  for its params. Scenario files refer to these names; they never carry code. */
import { z } from 'zod';
import { LocalizedText } from '../scenario/format';

export const GUARD_PARAMS = {
  /** Incident time since the run started. */
  elapsedAtLeast: z.strictObject({ seconds: z.int().min(0) }),
  /** Time since the current phase was entered. */
  phaseElapsedAtLeast: z.strictObject({ seconds: z.int().min(0) }),
  /** True on the one tick at which the incident time reaches `seconds`: a timed inject that fires once
   *  (a transition with this guard and no target runs its actions once, not on every later tick). */
  atElapsed: z.strictObject({ seconds: z.int().min(1) }),
  /** True on the one tick at which the current phase has lasted `seconds`: an inject timed from the phase's start. */
  atPhaseElapsed: z.strictObject({ seconds: z.int().min(1) }),
  /** The event happened in this zone (ZONE_ENTERED). */
  zoneIs: z.strictObject({ zone: z.string().min(1) }),
  /** No item is burning. */
  allFiresOut: z.strictObject({}),
  /** Every item with a gas valve has it shut. */
  allValvesClosed: z.strictObject({}),
  /** Every casualty still alive is out of danger (rescued or escaped). */
  allVictimsSafe: z.strictObject({}),
  /** Every casualty has a triage tag. */
  allVictimsTriaged: z.strictObject({}),
  /** Nobody is still trapped. */
  noVictimTrapped: z.strictObject({}),
  /** No fire burning and no living casualty left in danger. */
  incidentUnderControl: z.strictObject({}),
} as const;

export const ACTION_PARAMS = {
  /** A radio message to every player, shown in the radio log. */
  radio: z.strictObject({ from: LocalizedText, text: LocalizedText }),
  /** Sets an item alight now (an inject: a new fire). */
  igniteItem: z.strictObject({ item: z.string().min(1) }),
  /** The hydrant stops giving water (an inject: a failed hydrant). */
  failHydrant: z.strictObject({ hydrant: z.string().min(1) }),
  /** A weak floor gives way now (an inject: a collapse). */
  collapse: z.strictObject({ hazard: z.string().min(1) }),
  /** A casualty the scenario held back appears (an inject: an extra victim). */
  revealVictim: z.strictObject({ victim: z.string().min(1) }),
} as const;

export type GuardName = keyof typeof GUARD_PARAMS;
export type ActionName = keyof typeof ACTION_PARAMS;
export type ActionParams<N extends ActionName> = z.infer<(typeof ACTION_PARAMS)[N]>;

export function isGuardName(name: string): name is GuardName {
  return Object.hasOwn(GUARD_PARAMS, name);
}
export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTION_PARAMS, name);
}

/** An instructor's inject: any catalogue action, with its params, applied to a live run. */
export const InjectAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('radio'), params: ACTION_PARAMS.radio }),
  z.strictObject({ type: z.literal('igniteItem'), params: ACTION_PARAMS.igniteItem }),
  z.strictObject({ type: z.literal('failHydrant'), params: ACTION_PARAMS.failHydrant }),
  z.strictObject({ type: z.literal('collapse'), params: ACTION_PARAMS.collapse }),
  z.strictObject({ type: z.literal('revealVictim'), params: ACTION_PARAMS.revealVictim }),
]);
export type InjectAction = z.infer<typeof InjectAction>;
