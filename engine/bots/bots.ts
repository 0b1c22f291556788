/** Reference players. The expert follows doctrine: isolate the gas, pick the agent the fire class
 *  calls for, attack from within reach; the novice grabs the first extinguisher it carries and never
 *  isolates anything. Both play through the same intents as people do. */
import type { Intent } from '../intents/Intent';
import { stepRun, submitIntent, type Run } from '../run/Run';
import { AGENT_MATRIX } from '../world/agents';
import { findPath, nearestCell } from '../world/findPath';
import { Cell, cellAt, isWalkable } from '../world/grid';
import type { CrewState, ItemState, WorldState } from '../world/WorldState';

export type Bot = (run: Run) => Intent[];

const throughDoors = (kind: number): boolean => isWalkable(kind) || kind === Cell.doorClosed;

/** Intents that walk `c` towards a cell satisfying `wanted`, opening closed doors on the way. */
function approach(w: WorldState, c: CrewState, wanted: (x: number, y: number) => boolean): Intent[] {
  const g = w.floors[c.floor];
  if (!g || c.path.length > 0 || wanted(c.x, c.y)) return [];
  const goal = nearestCell(g, c.x, c.y, wanted, throughDoors);
  if (!goal) return [];
  const plan = findPath(g, c.x, c.y, goal[0], goal[1], throughDoors);
  const next = plan?.[0];
  if (next === undefined) return [];
  const nx = next % g.width;
  const ny = (next - nx) / g.width;
  // Open the door ahead first; otherwise walk as far as the next closed door.
  if (cellAt(g, nx, ny) === Cell.doorClosed) return [{ type: 'toggleDoor', crewId: c.id, x: nx, y: ny }];
  const doorAt = plan?.findIndex((i) => g.cells[i] === Cell.doorClosed) ?? -1;
  const stop = doorAt > 0 ? plan?.[doorAt - 1] : goal[1] * g.width + goal[0];
  if (stop === undefined) return [];
  const sx = stop % g.width;
  return [{ type: 'moveTo', crewId: c.id, x: sx, y: (stop - sx) / g.width }];
}

function withinReach(item: ItemState, reach: number): (x: number, y: number) => boolean {
  return (x, y) => (x - item.x) ** 2 + (y - item.y) ** 2 <= reach * reach;
}

function attack(w: WorldState, c: CrewState, item: ItemState, extIndex: number): Intent[] {
  const ext = c.equipment[extIndex];
  if (!ext) return [];
  if (c.selected !== extIndex) return [{ type: 'selectEquipment', crewId: c.id, equipmentId: ext.id }];
  // Keep a cell in hand inside the throw, as an operator would close in before squeezing.
  const reach = Math.max(1, ext.rangeCells - 1);
  const inReach = withinReach(item, reach);
  if (c.floor === item.floor && inReach(c.x, c.y)) {
    return c.dischargingAt === item.id ? [] : [{ type: 'startDischarge', crewId: c.id, itemId: item.id }];
  }
  return approach(w, c, inReach);
}

export const expertBot: Bot = (run) => {
  const w = run.world;
  return w.crew.flatMap((c): Intent[] => {
    const valve = w.items.find((i) => i.valve === 'open' && i.floor === c.floor);
    if (valve) {
      const near = (x: number, y: number): boolean => Math.abs(x - valve.x) <= 1 && Math.abs(y - valve.y) <= 1;
      return near(c.x, c.y) ? [{ type: 'closeValve', crewId: c.id, itemId: valve.id }] : approach(w, c, near);
    }
    const fire = w.items.find((i) => i.burning && i.floor === c.floor);
    if (!fire) return [];
    const best = c.equipment.findIndex((e) => e.remainingTicks > 0 && AGENT_MATRIX[e.agent][fire.fireClass] === 'effective');
    return best < 0 ? [] : attack(w, c, fire, best);
  });
};

export const noviceBot: Bot = (run) => {
  const w = run.world;
  return w.crew.flatMap((c): Intent[] => {
    const fire = w.items.find((i) => i.burning && i.floor === c.floor);
    const first = c.equipment.findIndex((e) => e.remainingTicks > 0);
    return fire && first >= 0 ? attack(w, c, fire, first) : [];
  });
};

/** Plays `run` to its end with `bot`, one decision per tick. */
export function playWithBot(run: Run, bot: Bot, maxTicks = 100_000): Run {
  for (let t = 0; t < maxTicks && run.endReason === null; t++) {
    for (const intent of bot(run)) submitIntent(run, intent);
    stepRun(run);
  }
  return run;
}
