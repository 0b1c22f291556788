/** Validates one intent against the world (who, where, what equipment) and applies it. A refused
 *  intent changes nothing and comes back as an INTENT_REFUSED event with its reason. */
import { coolable, HOSE_RANGE_CELLS } from '../world/discharge';
import { extinguish } from '../world/fires';
import { findPath } from '../world/findPath';
import { Cell, cellAt, isDoor, isWalkable, setCell } from '../world/grid';
import { inLineOfFire } from '../world/lineOfFire';
import type { CrewState, WorldEvent, WorldState } from '../world/WorldState';
import { applyOrder } from '../orders/applyOrder';
import { applyAccessIntent } from './accessIntents';
import { applyCasualtyIntent } from './casualtyIntents';
import { applyWaterIntent } from './waterIntents';
import type { Intent, RefusalReason } from './Intent';

const STAIR_TICKS = 15;
const STEP: Record<'N' | 'E' | 'S' | 'W', [number, number]> = { N: [0, -1], E: [1, 0], S: [0, 1], W: [-1, 0] };

/** Manipulating doors and valves needs the cell to be within arm's reach (one cell, diagonals too). */
function adjacent(c: CrewState, x: number, y: number): boolean {
  return Math.abs(c.x - x) <= 1 && Math.abs(c.y - y) <= 1;
}

function refuse(w: WorldState, intent: Intent, reason: RefusalReason): WorldEvent[] {
  return [{ tick: w.tick, type: 'INTENT_REFUSED', reason, ...('crewId' in intent ? { crewId: intent.crewId } : {}) }];
}

function extinguishNow(w: WorldState, item: WorldState['items'][number]): WorldEvent[] {
  const out: WorldEvent[] = [];
  extinguish(w, item, out);
  return out;
}

/** Applies `intent`; returns the events it caused (possibly a refusal). `endRun` is handled by the run. */
export function applyIntent(w: WorldState, intent: Intent): WorldEvent[] {
  if (intent.type === 'endRun') return [];
  const c = w.crew.find((m) => m.id === intent.crewId);
  if (!c) return refuse(w, intent, 'unknownCrew');
  if (c.status === 'down' || c.status === 'dead') return refuse(w, intent, 'crewDown');
  const g = w.floors[c.floor];
  if (!g) return refuse(w, intent, 'unknownCrew');
  // An order is judged by what it asks for (applyOrder), and waits for a task under way to finish.
  if (c.allowed && intent.type !== 'order' && !c.allowed.includes(intent.type)) return refuse(w, intent, 'notInRole');
  if (c.busy && intent.type !== 'order') return refuse(w, intent, 'busy');
  const no = (reason: RefusalReason): WorldEvent[] => refuse(w, intent, reason);
  switch (intent.type) {
    case 'order':
      return applyOrder(w, c, intent, no);
    case 'carry':
    case 'putDown':
    case 'triage':
    case 'openAirway':
    case 'freeVictim':
      return applyCasualtyIntent(w, c, intent, no);
    case 'force':
    case 'placeLadder':
    case 'climb':
      return applyAccessIntent(w, c, intent, no);
    case 'takeHose':
    case 'dropHose':
    case 'connectHydrant':
    case 'isolatePower':
      return applyWaterIntent(w, c, intent, no);
    case 'moveTo': {
      const path = findPath(g, c.x, c.y, intent.x, intent.y);
      if (!path) return refuse(w, intent, 'unreachable');
      c.path = path;
      return [];
    }
    case 'step': {
      const [dx, dy] = STEP[intent.dir];
      const nx = c.x + dx;
      const ny = c.y + dy;
      if (!isWalkable(cellAt(g, nx, ny))) return refuse(w, intent, 'blocked');
      c.path = [ny * g.width + nx];
      return [];
    }
    case 'toggleDoor': {
      const kind = cellAt(g, intent.x, intent.y);
      if (!isDoor(kind)) return refuse(w, intent, 'notADoor');
      if (!adjacent(c, intent.x, intent.y)) return refuse(w, intent, 'notAdjacent');
      if (kind === Cell.doorLocked) return refuse(w, intent, 'doorLocked');
      if (w.crew.some((m) => m.floor === c.floor && m.x === intent.x && m.y === intent.y)) return refuse(w, intent, 'blocked');
      const opening = kind === Cell.doorClosed;
      setCell(g, intent.x, intent.y, opening ? Cell.doorOpen : Cell.doorClosed);
      return [{ tick: w.tick, type: opening ? 'DOOR_OPENED' : 'DOOR_CLOSED', crewId: c.id }];
    }
    case 'selectEquipment': {
      const idx = c.equipment.findIndex((e) => e.id === intent.equipmentId);
      if (idx < 0) return refuse(w, intent, 'unknownEquipment');
      c.selected = idx;
      c.dischargingAt = null;
      return [];
    }
    case 'startDischarge': {
      const item = w.items.find((i) => i.id === intent.itemId);
      if (!item) return refuse(w, intent, 'unknownItem');
      // The attack line, when held, takes precedence over any extinguisher carried.
      const ext = c.equipment[c.selected];
      const agent = c.hose ? 'water' : ext?.agent;
      const range = c.hose ? HOSE_RANGE_CELLS : (ext?.rangeCells ?? 0);
      if (!agent) return refuse(w, intent, 'unknownEquipment');
      if (!c.hose && (ext?.remainingTicks ?? 0) <= 0) return refuse(w, intent, 'empty');
      if (c.hose && w.vehicles.find((v) => v.id === c.hose?.vehicleId)?.dry) return refuse(w, intent, 'empty');
      // A hose stream may cool a gas cylinder that has not failed, burning or not (docs/engine/lpg-cylinders.md).
      if (!item.burning && !(c.hose && coolable(item))) return refuse(w, intent, 'notBurning');
      const dx = item.x - c.x;
      const dy = item.y - c.y;
      if (item.floor !== c.floor || dx * dx + dy * dy > range * range) return refuse(w, intent, 'outOfRange');
      if (!inLineOfFire(w, c.floor, c.x, c.y, item, range)) return refuse(w, intent, 'noClearLine');
      c.dischargingAt = item.id;
      c.path = [];
      // WATER_ON marks the moment the first hose line flows in the incident.
      const first = c.hose !== null && !w.waterOn;
      if (first) w.waterOn = true;
      return [{ tick: w.tick, type: 'AGENT_APPLIED', crewId: c.id, itemId: item.id, agent }, ...(first ? [{ tick: w.tick, type: 'WATER_ON' as const, crewId: c.id, itemId: item.id }] : [])];
    }
    case 'stopDischarge':
      c.dischargingAt = null;
      return [];
    case 'useStairs': {
      const link = intent.dir === 'up'
        ? w.stairs.find((l) => l.lower === c.floor && l.lowerCell === c.y * g.width + c.x)
        : w.stairs.find((l) => l.upper === c.floor && l.upperCell === c.y * g.width + c.x);
      if (cellAt(g, c.x, c.y) !== Cell.stairs) return refuse(w, intent, 'notOnStairs');
      if (!link) return refuse(w, intent, 'noFloorThere');
      c.floor = intent.dir === 'up' ? link.upper : link.lower;
      c.path = [];
      c.dischargingAt = null;
      // A flight of stairs in kit takes about three seconds.
      c.stepCooldown = STAIR_TICKS;
      return [{ tick: w.tick, type: 'FLOOR_CHANGED', crewId: c.id, floor: c.floor }];
    }
    case 'closeValve': {
      const item = w.items.find((i) => i.id === intent.itemId);
      if (!item) return refuse(w, intent, 'unknownItem');
      if (item.valve !== 'open') return refuse(w, intent, 'noValve');
      if (item.floor !== c.floor || !adjacent(c, item.x, item.y)) return refuse(w, intent, 'notAdjacent');
      item.valve = 'closed';
      const closed: WorldEvent[] = [{ tick: w.tick, type: 'VALVE_CLOSED', crewId: c.id, itemId: item.id }];
      // A gas fire at the valve is fed through it: shut it and the flame goes out. A ruptured cylinder's
      // gas escapes through the rupture: its fire burns on until the content is gone.
      if (item.burning && item.fireClass === 'C' && !item.ruptured) closed.push(...extinguishNow(w, item));
      return closed;
    }
  }
}
