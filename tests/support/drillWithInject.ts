/** A drill record with an instructor's inject, built as the drill room builds one: the expert crew plays
 *  the kitchen fire and, at tick 45, the instructor sets the LPG cylinder alight. The crew puts out the
 *  pan but not the new fire before time is up, so the inject changes the score (the server gives 66.7 %,
 *  one star); a replay that dropped the inject would show 100 %, three stars. */
import { expertBot, stepRun, submitInject, submitIntent, toRunRecord, type RunRecord, type Scenario } from '../../engine/index';
import { injectAction, type AppliedInject } from '../../server/drills/DrillInject';
import type { DrillExtras } from '../../server/drills/DrillRecord';
import { makeRun } from './scenarios';

export const INJECT_AT_TICK = 45;
const ID = '5d2c7e1a-8b3f-4c6d-9e0a-1f2b3c4d5e6f';

export function kitchenDrillWithInject(): { scenario: Scenario; record: RunRecord; extras: DrillExtras } {
  const run = makeRun();
  const inject: AppliedInject = { kind: 'ignite', itemId: 'lpg-cylinder' };
  const logged: DrillExtras['injects'] = [];
  for (let t = 0; t < 100_000 && run.endReason === null; t++) {
    if (t === INJECT_AT_TICK) {
      const tick = submitInject(run, injectAction(inject));
      if (tick === null) throw new Error(`the inject was refused at tick ${t}`);
      logged.push({ tick, inject });
    }
    for (const intent of expertBot(run)) submitIntent(run, intent);
    stepRun(run);
  }
  const crewIds = run.scenario.crew.map((c) => c.id);
  const extras: DrillExtras = {
    code: 'KITCHEN1',
    participants: [{ id: 'trainee-1', name: 'Lan', instructor: false, crewIds, roles: run.scenario.crew.map((c) => c.role) }],
    botCrewIds: [],
    injects: logged,
  };
  return { scenario: run.scenario, record: toRunRecord(run, ID), extras };
}
