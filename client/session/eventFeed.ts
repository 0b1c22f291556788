/** Which of the engine's events the play surface announces, and how loudly. Every event type the engine
 *  can write is announced unless it is listed here as routine, so an event added to the engine shows on
 *  screen (in words from `toast.<TYPE>`, which tests/client/i18nCoverage.test.ts requires) the day it
 *  lands, in solo play and in drills alike. Reading only. */
/** Routine steps that would drown the rest: the scene already shows them, or the HUD does elsewhere. */
export const QUIET_EVENTS: ReadonlySet<string> = new Set([
  'RUN_STARTED',
  'PHASE_ENTERED',
  'RADIO',
  'ZONE_ENTERED',
  'FLOOR_CHANGED',
  'DOOR_OPENED',
  'DOOR_CLOSED',
  'AGENT_APPLIED',
  'HOSE_TAKEN',
  'VICTIM_CARRIED',
  'VICTIM_TRIAGED',
  'AIRWAY_OPENED',
  'INJECT',
  'INTENT_REFUSED',
  'ORDER_GIVEN',
  'ENTERED_HAZARD',
  'LEFT_HAZARD',
  'RUN_ENDED',
  'TIME_UP',
]);

/** Words that mark an event as danger to people or crew, whatever engine change adds it. */
const DANGER_WORDS = /FLASHOVER|ROLLOVER|FLARE|FAILURE|SHOCK|COLLAPSE|INJURED|BURN|MAYDAY|DOWN|INCAPACITATED|DIED|ALARM|EMPTY|FAILED|SHORT|BREACH|EXPLO/;

export type ToastLevel = 'danger' | 'info';

/** How an event is announced, or null when it is routine. */
export function toastable(e: { type: string }): ToastLevel | null {
  if (QUIET_EVENTS.has(e.type)) return null;
  return DANGER_WORDS.test(e.type) ? 'danger' : 'info';
}
