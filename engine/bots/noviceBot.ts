/** The novice: brave and untrained. Grabs the first extinguisher it carries for any fire, never isolates
 *  gas or power, tags every casualty red without checking, and gives up after five minutes. Fails for
 *  the reasons rubrics name. */
import type { Intent } from '../intents/Intent';
import type { Run } from '../run/Run';
import { TICKS_PER_SECOND } from '../world/constants';
import { inLineOfFire } from '../world/lineOfFire';
import { approach, near, towardsFloor } from './navigation';

/** A novice who has not got on top of it in five minutes stands the crew down. */
const GIVE_UP_TICKS = 300 * TICKS_PER_SECOND;

export function noviceBot(run: Run): Intent[] {
  const w = run.world;
  if (w.tick >= GIVE_UP_TICKS) return [{ type: 'endRun' }];
  return w.crew.flatMap((c): Intent[] => {
    if (c.busy) return [];
    const untagged = w.victims.find((v) => !v.hidden && v.tag === null && v.floor === c.floor);
    if (untagged && c.role === 'rescue') {
      return near(untagged.x, untagged.y)(c.x, c.y) ? [{ type: 'triage', crewId: c.id, victimId: untagged.id, tag: 'red' }] : approach(w, c, near(untagged.x, untagged.y));
    }
    const fire = w.items.find((i) => i.burning);
    const first = c.equipment.findIndex((e) => e.remainingTicks > 0);
    const ext = c.equipment[first];
    if (!fire || !ext) return [];
    if (c.selected !== first) return [{ type: 'selectEquipment', crewId: c.id, equipmentId: ext.id }];
    if (c.floor !== fire.floor) return towardsFloor(w, c, fire.floor);
    const range = Math.max(1, ext.rangeCells - 1);
    const inReach = (x: number, y: number): boolean => inLineOfFire(w, fire.floor, x, y, fire, range);
    if (inReach(c.x, c.y)) return c.dischargingAt === fire.id ? [] : [{ type: 'startDischarge', crewId: c.id, itemId: fire.id }];
    return approach(w, c, inReach);
  });
}
