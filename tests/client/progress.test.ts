/** Catalogue stars: the device's best and the server's best for a signed-in player merge to the
 *  better of the two per scenario (stars first, then percent). */
import { describe, expect, it } from 'vitest';
import { better, mergeProgress } from '../../client/store/progress';

describe('progress', () => {
  it('prefers more stars, then a higher percent, and keeps the first on a tie', () => {
    const two = { stars: 2, percent: 90, passed: true };
    const three = { stars: 3, percent: 80, passed: true };
    expect(better(two, three)).toBe(three);
    expect(better(three, two)).toBe(three);
    expect(better({ stars: 2, percent: 70, passed: true }, two)).toBe(two);
    expect(better(two, { ...two })).toBe(two);
    expect(better(undefined, two)).toBe(two);
  });

  it('merges server results into the device progress without losing a better local one', () => {
    const local = { kitchen: { stars: 3, percent: 95, passed: true }, crash: { stars: 1, percent: 40, passed: false } };
    const merged = mergeProgress(local, [
      { scenarioId: 'kitchen', stars: 2, percent: 99, passed: true },
      { scenarioId: 'crash', stars: 2, percent: 75, passed: true },
      { scenarioId: 'tube', stars: 1, percent: 55, passed: false },
    ]);
    expect(merged).toEqual({
      kitchen: { stars: 3, percent: 95, passed: true },
      crash: { stars: 2, percent: 75, passed: true },
      tube: { stars: 1, percent: 55, passed: false },
    });
    expect(local.crash.stars).toBe(1);
  });
});
