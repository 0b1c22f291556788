/** Extinguisher discharge: range, agent against fire class (flare-ups included), knock-down and
 *  empty extinguishers. Decides nothing about which agent to use; that is the player's call. */
import { AGENT_MATRIX, KNOCKDOWN_PER_SECOND } from './agents';
import { TICKS_PER_SECOND } from './constants';
import { extinguish, peakTicks } from './fires';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

/** Ticks of free growth a flare-up adds: burning oil hit by water erupts towards its peak. */
const FLARE_UP_TICKS = 20 * TICKS_PER_SECOND;
/** The fireball of a flare-up, in tenths of a degree at the item's cell. */
const FLARE_UP_HEAT = 4000;

export function discharge(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (c.dischargingAt === null) return;
  const ext = c.equipment[c.selected];
  const item = w.items.find((i) => i.id === c.dischargingAt);
  if (!ext || !item) {
    c.dischargingAt = null;
    return;
  }
  if (ext.remainingTicks <= 0) {
    c.dischargingAt = null;
    events.push({ tick: w.tick, type: 'EXTINGUISHER_EMPTY', crewId: c.id, agent: ext.agent });
    return;
  }
  ext.remainingTicks -= 1;
  if (!item.burning) return;
  const dx = item.x - c.x;
  const dy = item.y - c.y;
  if (item.floor !== c.floor || dx * dx + dy * dy > ext.rangeCells * ext.rangeCells) return;
  const effect = AGENT_MATRIX[ext.agent][item.fireClass];
  if (effect === 'flareUp') {
    item.growthTicks = Math.min(peakTicks(item), item.growthTicks + FLARE_UP_TICKS);
    const heat = w.heat[item.floor];
    const g = w.floors[item.floor];
    if (heat && g) heat[item.y * g.width + item.x] = (heat[item.y * g.width + item.x] ?? 0) + FLARE_UP_HEAT;
    events.push({ tick: w.tick, type: 'AGENT_FLARE_UP', crewId: c.id, itemId: item.id, agent: ext.agent });
    c.dischargingAt = null;
    return;
  }
  item.growthTicks -= KNOCKDOWN_PER_SECOND[effect];
  if (item.growthTicks <= 0) extinguish(w, item, events);
}

