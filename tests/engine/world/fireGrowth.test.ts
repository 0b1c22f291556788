/** t-squared growth against the published design-fire classes (DOMAIN.md). */
import { describe, expect, it } from 'vitest';
import { ALPHA, GROWTH_CLASSES, secondsToReach, tSquaredHrr } from '../../../engine/index';

const TIME_TO_1055: Record<(typeof GROWTH_CLASSES)[number], number> = { slow: 600, medium: 300, fast: 150, ultraFast: 75 };

describe('t-squared fire growth', () => {
  for (const growth of GROWTH_CLASSES) {
    it(`a ${growth} fire reaches 1055 kW at ${TIME_TO_1055[growth]} s within 1 %`, () => {
      const q = tSquaredHrr(growth, TIME_TO_1055[growth], 1e9);
      expect(Math.abs(q - 1055) / 1055).toBeLessThan(0.01);
      expect(Math.abs(secondsToReach(growth, 1055) - TIME_TO_1055[growth]) / TIME_TO_1055[growth]).toBeLessThan(0.01);
    });
  }

  it('never exceeds the item peak', () => {
    expect(tSquaredHrr('ultraFast', 1000, 250)).toBe(250);
  });

  it('grows with the square of time', () => {
    expect(tSquaredHrr('medium', 20, 1e9) / tSquaredHrr('medium', 10, 1e9)).toBeCloseTo(4, 10);
    expect(ALPHA.fast / ALPHA.medium).toBeCloseTo(4, 1);
  });
});
