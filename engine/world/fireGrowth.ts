/** t-squared design fires: Q(t) = alpha * t^2 up to an item's peak. Only + - * / on doubles, which
 *  IEEE 754 makes identical in every JavaScript engine. */
import type { GrowthClass } from '../scenario/vocabulary';

/** alpha in kW/s^2: each class reaches 1055 kW at 600, 300, 150 and 75 s. */
export const ALPHA: Record<GrowthClass, number> = {
  slow: 0.002931,
  medium: 0.011722,
  fast: 0.046889,
  ultraFast: 0.187556,
};

/** Heat release rate in kW after `seconds` of free growth, capped at the item's peak. */
export function tSquaredHrr(growth: GrowthClass, seconds: number, peakKW: number): number {
  const q = ALPHA[growth] * seconds * seconds;
  return q < peakKW ? q : peakKW;
}

/** Seconds of growth needed to reach `kw` (the inverse of the t-squared law), by bisection so the
 *  result needs no Math.sqrt. */
export function secondsToReach(growth: GrowthClass, kw: number): number {
  let lo = 0;
  let hi = 1;
  while (ALPHA[growth] * hi * hi < kw) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (ALPHA[growth] * mid * mid < kw) lo = mid;
    else hi = mid;
  }
  return hi;
}
