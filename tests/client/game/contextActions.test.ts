/** The context action bar on real engine states: at the foot of a pitched ladder it offers forcing
 *  the windows at the ladder's head, one button per storey (the tube house's ladder rescue), not the
 *  shop door beside it, and once a window is open it offers the climb. */
import { describe, expect, it } from 'vitest';
import { createRun, expertBot, stepRun, submitIntent, type Intent, type Run } from '../../../engine/index';
import { actionLabelParams, contextActions } from '../../../client/game/contextActions';
import { loadReferenceScenario, TEST_SEED } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';

/** The expert's run on the tube house, stopped on the tick it forces a window from a ladder. */
function atLadderForce(): { run: Run; intent: Extract<Intent, { type: 'force' }> } {
  const scenario = loadReferenceScenario(TUBE);
  const run = createRun(scenario, TEST_SEED);
  for (let t = 0; t < 20_000 && run.endReason === null; t++) {
    const intents = expertBot(run);
    const force = intents.find((i): i is Extract<Intent, { type: 'force' }> => i.type === 'force' && i.level !== undefined);
    if (force) return { run, intent: force };
    for (const i of intents) submitIntent(run, i);
    stepRun(run);
  }
  throw new Error('the expert never forced a window from a ladder');
}

describe('contextActions at a ladder', () => {
  it('offers forcing the window at the ladder head, with its storey, where the expert does it', () => {
    const { run, intent } = atLadderForce();
    const actions = contextActions(run.world, intent.crewId);
    const forces = actions.filter((a) => a.id === 'force');
    // One button per shut storey at the head, none for the shop door beside the ladder.
    expect(forces.every((a) => a.level !== undefined)).toBe(true);
    const force = forces.find((a) => a.level === intent.level);
    expect(force?.intent).toEqual(intent);
    expect(force && actionLabelParams(force)).toEqual({ level: intent.level, storey: (intent.level ?? 0) + 1, context: 'ladder' });
    expect(actions.some((a) => a.id === 'climb')).toBe(false);
  });

  it('offers the climb once the window at the head is open', () => {
    const { run, intent } = atLadderForce();
    submitIntent(run, intent);
    let climb;
    for (let t = 0; t < 200 && !climb; t++) {
      stepRun(run);
      climb = contextActions(run.world, intent.crewId).find((a) => a.id === 'climb');
    }
    expect(climb?.intent).toEqual({ type: 'climb', crewId: intent.crewId, level: intent.level });
    expect(contextActions(run.world, intent.crewId).some((a) => a.id === 'force' && a.level !== undefined)).toBe(false);
  });
});
