/** When the floors above and below matter: in the tube house the shop fire sends hot gas up the stair,
 *  so the first floor gets an inset and the ground floor's stair cells a hint; a one-floor kitchen and
 *  a tube house before ignition get none. Real runs of the reference scenarios, stepped by the engine. */
import { describe, expect, it } from 'vitest';
import { stepRun, TICKS_PER_SECOND } from '../../../engine/index';
import { adjacentFloors, floorAlert, stairHints } from '../../../client/game/adjacentFloors';
import { makeRun } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';

describe('adjacent floors', () => {
  it('shows nothing while no fire, hot gas or thick smoke is on a neighbouring floor', () => {
    const run = makeRun(TUBE);
    expect(adjacentFloors(run.world, 0)).toEqual([]);
    expect(adjacentFloors(makeRun().world, 0)).toEqual([]);
  });

  it('flags the floor above once hot gas climbs the stair, and marks the stairs that lead there', () => {
    const run = makeRun(TUBE);
    for (let t = 0; t < 60 * TICKS_PER_SECOND; t++) stepRun(run);
    const adjacent = adjacentFloors(run.world, 0);
    expect(adjacent).toContainEqual({ floor: 1, dir: 'up', alert: floorAlert(run.world, 1) });
    expect(adjacent.every((a) => a.dir === 'up')).toBe(true);
    const hints = stairHints(run.world, 0, adjacent);
    expect(hints.length).toBeGreaterThan(0);
    const links = run.world.stairs.filter((l) => l.lower === 0 && l.upper === 1).map((l) => l.lowerCell);
    expect(hints.map((h) => h.cell).sort()).toEqual(links.sort());
    // Seen from the first floor, the burning shop below is the one that matters.
    expect(adjacentFloors(run.world, 1)).toContainEqual({ floor: 0, dir: 'down', alert: 'fire' });
  });
});
