/** Who gets the spreading ring of a victim in trouble: the trapped and the failing, never the safe or
 *  the dead. Reads a real victim of the tube house and varies only what the rule looks at. */
import { describe, expect, it } from 'vitest';
import { inTrouble } from '../../../client/game/drawActors';
import { makeRun } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';

describe('victims in trouble', () => {
  it('signals the trapped and the failing, not the safe or the dead', () => {
    const v = makeRun(TUBE).world.victims[0];
    if (!v) throw new Error('no victim');
    expect(inTrouble({ ...v, dose: 0.1 })).toBe(false);
    expect(inTrouble({ ...v, dose: 0.7 })).toBe(true);
    expect(inTrouble({ ...v, trapped: true })).toBe(true);
    expect(inTrouble({ ...v, status: 'incapacitated' })).toBe(true);
    expect(inTrouble({ ...v, status: 'incapacitated', safe: true })).toBe(false);
    expect(inTrouble({ ...v, status: 'dead' })).toBe(false);
  });
});
