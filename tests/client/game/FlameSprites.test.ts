/** Flames stay cheap: one per burning item plus the hottest gas cells, capped whatever the size of
 *  the fire, and none on a cold floor. A real tube-house run left to burn for two and a half minutes. */
import { describe, expect, it } from 'vitest';
import { stepRun, TICKS_PER_SECOND } from '../../../engine/index';
import { flameSpots, MAX_FLAMES } from '../../../client/game/FlameSprites';
import { makeRun } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';

describe('flames', () => {
  it('puts a flame on every burning item and never more than the cap, however big the fire', () => {
    const run = makeRun(TUBE);
    for (let t = 0; t < 150 * TICKS_PER_SECOND; t++) stepRun(run);
    const heat = run.world.heat[0];
    const grid = run.world.floors[0];
    if (!heat || !grid) throw new Error('no ground floor');
    const spots = flameSpots(run.world, 0, heat, grid.width);
    expect(spots.length).toBeLessThanOrEqual(MAX_FLAMES);
    for (const it of run.world.items.filter((i) => i.burning && i.floor === 0)) expect(spots).toContainEqual(expect.objectContaining({ x: it.x, y: it.y }));
    expect(flameSpots(makeRun(TUBE).world, 0, new Int32Array(heat.length), grid.width)).toEqual([]);
  });
});
