/** Discharge at a fire, from an extinguisher or the attack hose: range and a clear line (lineOfFire.ts),
 *  agent against fire class (flare-ups included), water near live electrics, knock-down by flow, empty extinguishers and tanks.
 *  Decides nothing about which agent to use; that is the player's call. */
import type { Agent } from '../scenario/vocabulary';
import { AGENT_MATRIX, KNOCKDOWN_PER_SECOND } from './agents';
import { AMBIENT_DECI_C, SECONDS_PER_TICK, TICKS_PER_SECOND } from './constants';
import { extinguish, peakTicks } from './fires';
import { shock } from './crewHarm';
import { markFields } from './grid';
import { inLineOfFire } from './lineOfFire';
import { erupt } from './oilEruption';
import type { CrewState, ItemState, WorldEvent, WorldState } from './WorldState';

/** Ticks of free growth a flare-up adds: burning oil hit by water erupts towards its peak. */
const FLARE_UP_TICKS = 20 * TICKS_PER_SECOND;
/** The fireball of a flare-up, in tenths of a degree at the item's cell. */
const FLARE_UP_HEAT = 4000;
/** Share of the room's excess gas temperature a water stream takes away per tick. */
const GAS_COOLING_PER_TICK = 0.05;
/** A minute before soaked fuel can rekindle from the heat around it. */
const WET_TICKS = 60 * TICKS_PER_SECOND;
/** A hose stream reaches about 8 m. */
export const HOSE_RANGE_CELLS = 16;
/** Growth-seconds a second of hose stream takes back per L/min of flow (400 L/min: 20 s/s on class A). */
const HOSE_KNOCKDOWN_PER_LPM = 1 / 20;

interface Nozzle {
  agent: Agent;
  /** Flow in L/min where it is a hose stream; 0 for extinguishers. */
  lpm: number;
  rangeCells: number;
  /** Growth-ticks taken back per tick when the agent is effective. */
  knockdown: number;
  /** Uses one tick of agent; false when there is none left. */
  draw: () => boolean;
}

function nozzleOf(w: WorldState, c: CrewState, events: WorldEvent[]): Nozzle | null {
  if (c.hose) {
    const hose = c.hose;
    const v = w.vehicles.find((x) => x.id === hose.vehicleId);
    if (!v) return null;
    const perTick = (v.pumpLpm * SECONDS_PER_TICK) / 60;
    return {
      agent: 'water',
      lpm: v.pumpLpm,
      rangeCells: HOSE_RANGE_CELLS,
      knockdown: v.pumpLpm * HOSE_KNOCKDOWN_PER_LPM,
      draw: () => {
        if (v.waterL < perTick) {
          if (!v.dry) events.push({ tick: w.tick, type: 'TANK_EMPTY', crewId: c.id });
          v.dry = true;
          return false;
        }
        v.waterL -= perTick;
        return true;
      },
    };
  }
  const ext = c.equipment[c.selected];
  if (!ext) return null;
  return {
    agent: ext.agent,
    lpm: 0,
    rangeCells: ext.rangeCells,
    knockdown: KNOCKDOWN_PER_SECOND.effective,
    draw: () => {
      if (ext.remainingTicks <= 0) {
        events.push({ tick: w.tick, type: 'EXTINGUISHER_EMPTY', crewId: c.id, agent: ext.agent });
        return false;
      }
      ext.remainingTicks -= 1;
      return true;
    },
  };
}

/** A gas cylinder that can still fail: a hose stream on its shell cools it (engine/world/hazards.ts). */
export function coolable(item: ItemState): boolean {
  return item.failureTicks > 0 && !item.ruptured;
}

/** Whether `item` sits in a room with live electrics: water there conducts back to the nozzle. */
function liveElectricsNear(w: WorldState, item: ItemState): boolean {
  return item.room >= 0 && w.items.some((i) => i.electrics === 'live' && i.floor === item.floor && i.room === item.room);
}

function flareUp(w: WorldState, c: CrewState, item: ItemState, agent: Agent, events: WorldEvent[]): void {
  item.growthTicks = Math.min(peakTicks(item), item.growthTicks + FLARE_UP_TICKS);
  const heat = w.heat[item.floor];
  const g = w.floors[item.floor];
  if (heat && g) {
    heat[item.y * g.width + item.x] = (heat[item.y * g.width + item.x] ?? 0) + FLARE_UP_HEAT;
    markFields(g, item.x, item.y, item.x, item.y);
  }
  erupt(w, item);
  // The event says where the fireball is: the crew member who caused it, the floor and the room it fills.
  events.push({ tick: w.tick, type: 'AGENT_FLARE_UP', crewId: c.id, itemId: item.id, agent, floor: item.floor, ...(item.room >= 0 ? { room: item.room } : {}) });
}

/** Water turns to steam in the hot layer: a stream cools the room's gas fast (interior attack's point). */
function coolRoom(w: WorldState, item: ItemState, agent: Agent): void {
  const room = item.room >= 0 ? w.rooms[item.floor]?.[item.room] : undefined;
  if (!room || (agent !== 'water' && agent !== 'foam')) return;
  room.gasC -= (room.gasC - AMBIENT_DECI_C / 10) * GAS_COOLING_PER_TICK;
}

export function discharge(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (c.dischargingAt === null) return;
  const item = w.items.find((i) => i.id === c.dischargingAt);
  const nozzle = nozzleOf(w, c, events);
  if (!item || !nozzle || !nozzle.draw()) {
    c.dischargingAt = null;
    return;
  }
  if (!item.burning && !coolable(item)) return;
  // Agent thrown at a wall or a door shut since the discharge began is spent and reaches nothing.
  if (!inLineOfFire(w, c.floor, c.x, c.y, item, nozzle.rangeCells)) return;
  if ((nozzle.agent === 'water' || nozzle.agent === 'foam') && liveElectricsNear(w, item)) {
    events.push({ tick: w.tick, type: 'ELECTRIC_SHOCK', crewId: c.id, itemId: item.id, agent: nozzle.agent });
    shock(w, c, events);
    c.dischargingAt = null;
    return;
  }
  // A stream on a cylinder's shell cools it, whether or not its valve burns.
  if (nozzle.lpm > 0 && coolable(item)) item.coolingLpm += nozzle.lpm;
  if (!item.burning) return;
  coolRoom(w, item, nozzle.agent);
  const effect = AGENT_MATRIX[nozzle.agent][item.fireClass];
  if (effect === 'flareUp') {
    flareUp(w, c, item, nozzle.agent, events);
    c.dischargingAt = null;
    return;
  }
  const share = KNOCKDOWN_PER_SECOND[effect] / KNOCKDOWN_PER_SECOND.effective;
  item.growthTicks -= nozzle.knockdown * share;
  if (item.growthTicks <= 0) {
    extinguish(w, item, events);
    // Soaked fuel does not rekindle at once, even in a hot room.
    item.wetTicks = WET_TICKS;
  }
}
