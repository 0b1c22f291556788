/** The tube house's fire commander directs from the command post: the expert bot gives it no task, the
 *  novice leaves it be, and its role may only move (anything else is refused as out of role). */
import { describe, expect, it } from 'vitest';
import { expertBot, noviceBot, playWithBot, stepRun, submitIntent } from '../../../engine/index';
import { makeRun } from '../../support/scenarios';

const TUBE_HOUSE = 'tube-house-motorbikes';

describe('the tube house fire commander', () => {
  it.each([
    ['expert', expertBot],
    ['novice', noviceBot],
  ] as const)('stays at the command post beside the engine under the %s bot', (_, bot) => {
    const run = playWithBot(makeRun(TUBE_HOUSE), bot);
    expect(run.world.crew.find((c) => c.id === 'ic-1')).toMatchObject({ role: 'commander', floor: 0, x: 1, y: 1, air: null });
    expect(run.events.filter((e) => e.crewId === 'ic-1')).toEqual([]);
  });

  it('may move the command post but not take a line', () => {
    const run = makeRun(TUBE_HOUSE);
    submitIntent(run, { type: 'takeHose', crewId: 'ic-1', vehicleId: 'engine-1' });
    submitIntent(run, { type: 'moveTo', crewId: 'ic-1', x: 2, y: 0 });
    for (let t = 0; t < 20; t++) stepRun(run);
    expect(run.events.filter((e) => e.crewId === 'ic-1').map((e) => [e.type, e.reason])).toEqual([['INTENT_REFUSED', 'notInRole']]);
    expect(run.world.crew.find((c) => c.id === 'ic-1')).toMatchObject({ x: 2, y: 0, hose: null });
  });
});
