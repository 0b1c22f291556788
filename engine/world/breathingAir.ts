/** Breathing apparatus air: litres in a cylinder, use by workload, and the warning threshold a
 *  scenario sets (EN 137 whistle at 55 bar or NFPA's 33 % remaining). Pure arithmetic. */

export type Workload = 'rest' | 'walking' | 'moderate' | 'heavy';

/** Litres of free air per minute by workload (about 40 at rest, 100 or more in heavy work). */
export const AIR_USE_L_PER_MIN: Record<Workload, number> = { rest: 40, walking: 55, moderate: 75, heavy: 100 };

export interface Cylinder {
  /** Water capacity in litres (6.8 L is typical). */
  volumeL: number;
  /** Filling pressure in bar (300 bar typical). */
  fullBar: number;
}

/** Free air in a cylinder at `bar`, ideal gas: volume times pressure. */
export function freeAirL(c: Cylinder, bar: number): number {
  return c.volumeL * bar;
}

/** Pressure after using `litres` of free air from `bar`. */
export function pressureAfter(c: Cylinder, bar: number, litres: number): number {
  const left = bar - litres / c.volumeL;
  return left > 0 ? left : 0;
}

export type AlarmRule = { kind: 'pressure'; bar: number } | { kind: 'fraction'; remaining: number };

/** EN 137: the whistle sounds at 55 +- 5 bar. */
export const EN137_ALARM: AlarmRule = { kind: 'pressure', bar: 55 };
/** NFPA 1981: the alarm at 33 % of full pressure remaining. */
export const NFPA_ALARM: AlarmRule = { kind: 'fraction', remaining: 0.33 };

export function alarmPressure(c: Cylinder, rule: AlarmRule): number {
  return rule.kind === 'pressure' ? rule.bar : c.fullBar * rule.remaining;
}

/** Minutes of work from `bar` down to the alarm at a steady workload. */
export function minutesToAlarm(c: Cylinder, bar: number, rule: AlarmRule, workload: Workload): number {
  const usable = freeAirL(c, bar) - freeAirL(c, alarmPressure(c, rule));
  return usable > 0 ? usable / AIR_USE_L_PER_MIN[workload] : 0;
}
