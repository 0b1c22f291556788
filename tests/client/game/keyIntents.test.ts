/** Key E on real engine states: it starts on the nearest fire, stops a discharge on a fire that still
 *  burns, and turns to the next fire when the one being sprayed has gone out. */
import { describe, expect, it } from 'vitest';
import { createRun, stepRun, type Run } from '../../../engine/index';
import { keyIntent } from '../../../client/game/keyIntents';
import { loadReferenceScenario, TEST_SEED } from '../../support/scenarios';

/** The tube house left to burn until more than one item is alight on the ground floor. */
function twoFires(): Run {
  const run = createRun(loadReferenceScenario('tube-house-motorbikes'), TEST_SEED);
  for (let t = 0; t < 3_000 && run.world.items.filter((i) => i.burning && i.floor === 0).length < 2; t++) stepRun(run);
  return run;
}

describe('key E', () => {
  it('starts on a fire, stops while it burns, and turns to the next one once it is out', () => {
    const run = twoFires();
    const w = run.world;
    const crew = w.crew.find((c) => c.floor === 0);
    if (!crew) throw new Error('no crew member on the ground floor');
    const burning = w.items.filter((i) => i.burning && i.floor === 0);
    expect(burning.length).toBeGreaterThanOrEqual(2);

    const start = keyIntent('KeyE', w, crew.id);
    expect(start).toMatchObject({ type: 'startDischarge', crewId: crew.id });

    const sprayed = burning[0];
    const other = burning[1];
    if (!sprayed || !other) throw new Error('two fires expected');
    crew.dischargingAt = sprayed.id;
    expect(keyIntent('KeyE', w, crew.id)).toEqual({ type: 'stopDischarge', crewId: crew.id });

    // The sprayed item goes out: E aims at a fire that still burns instead of stopping.
    sprayed.burning = false;
    const next = keyIntent('KeyE', w, crew.id);
    expect(next).toMatchObject({ type: 'startDischarge', crewId: crew.id });
    expect(next && 'itemId' in next ? next.itemId : null).not.toBe(sprayed.id);

    // Nothing left burning: E just stops.
    for (const i of w.items) i.burning = false;
    expect(keyIntent('KeyE', w, crew.id)).toEqual({ type: 'stopDischarge', crewId: crew.id });
  });
});
