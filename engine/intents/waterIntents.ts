/** Intents for water and power: take the attack line from a vehicle, drop it, connect a vehicle to a
 *  hydrant, isolate live electrics. Each checks reach and refuses with a reason. */
import type { CrewState, WorldEvent, WorldState } from '../world/WorldState';
import { hoseCell } from '../world/water';
import type { Intent, RefusalReason } from './Intent';

/** A vehicle can draw from a hydrant up to 40 m away (a supply line of two lengths). */
const HYDRANT_REACH_CELLS = 80;

type WaterIntent = Extract<Intent, { type: 'takeHose' | 'dropHose' | 'connectHydrant' | 'isolatePower' }>;

const near = (c: CrewState, x: number, y: number, floor: number): boolean => c.floor === floor && Math.abs(c.x - x) <= 1 && Math.abs(c.y - y) <= 1;

export function applyWaterIntent(w: WorldState, c: CrewState, intent: WaterIntent, refuse: (r: RefusalReason) => WorldEvent[]): WorldEvent[] {
  switch (intent.type) {
    case 'takeHose': {
      const v = w.vehicles.find((x) => x.id === intent.vehicleId);
      if (!v) return refuse('unknownVehicle');
      if (c.hose) return refuse('alreadyHoldingHose');
      if (!near(c, v.x, v.y, v.floor)) return refuse('notAdjacent');
      const g = w.floors[c.floor];
      c.hose = { vehicleId: v.id, laid: g ? [hoseCell(c.floor, c.y * g.width + c.x)] : [], maxCells: v.hoseCells };
      return [{ tick: w.tick, type: 'HOSE_TAKEN', crewId: c.id }];
    }
    case 'dropHose':
      if (!c.hose) return refuse('notHoldingHose');
      c.hose = null;
      c.dischargingAt = null;
      return [];
    case 'connectHydrant': {
      const v = w.vehicles.find((x) => x.id === intent.vehicleId);
      const h = w.hydrants.find((x) => x.id === intent.hydrantId);
      if (!v) return refuse('unknownVehicle');
      if (!h) return refuse('unknownHydrant');
      if (!near(c, h.x, h.y, h.floor)) return refuse('notAdjacent');
      const dx = h.x - v.x;
      const dy = h.y - v.y;
      if (h.floor !== v.floor || dx * dx + dy * dy > HYDRANT_REACH_CELLS * HYDRANT_REACH_CELLS) return refuse('hydrantTooFar');
      if (!h.working) return [...refuse('hydrantDry'), { tick: w.tick, type: 'HYDRANT_FAILED', crewId: c.id }];
      v.hydrantId = h.id;
      return [{ tick: w.tick, type: 'HYDRANT_CONNECTED', crewId: c.id }];
    }
    case 'isolatePower': {
      const item = w.items.find((i) => i.id === intent.itemId);
      if (!item) return refuse('unknownItem');
      if (item.electrics !== 'live') return refuse('noElectrics');
      if (!near(c, item.x, item.y, item.floor)) return refuse('notAdjacent');
      item.electrics = 'isolated';
      return [{ tick: w.tick, type: 'POWER_ISOLATED', crewId: c.id, itemId: item.id }];
    }
  }
}
