/** Fire in the world: ignition (scheduled and by heat), t-squared growth shared out by each
 *  compartment's ventilation limit, rollover and flashover, burn-out and extinguishment. */
import { nextHotLayer, roomAtRest } from './compartments';
import { AMBIENT_DECI_C, SECONDS_PER_TICK, TICKS_PER_SECOND } from './constants';
import { secondsToReach, tSquaredHrr } from './fireGrowth';
import { eruptionHrr } from './oilEruption';
import type { ItemState, WorldEvent, WorldState } from './WorldState';

/** Rollover (flames in the smoke layer) is warned when the room reaches this share of Q_fo. */
const ROLLOVER_FRACTION = 0.8;
/** A flashed-over room burns at about 1000 degC: no survivable space. */
const FLASHED_OVER_C = 1000;

export function peakTicks(item: ItemState): number {
  return Math.ceil(secondsToReach(item.growth, item.peakKW) * TICKS_PER_SECOND);
}

export function extinguish(w: WorldState, item: ItemState, events: WorldEvent[]): void {
  item.burning = false;
  item.growthTicks = 0;
  item.hrrKW = 0;
  item.eruptionTicks = 0;
  events.push({ tick: w.tick, type: 'FIRE_OUT', itemId: item.id });
  if (!w.items.some((i) => i.burning)) events.push({ tick: w.tick, type: 'ALL_FIRES_OUT' });
}

export function ignite(w: WorldState, item: ItemState, events: WorldEvent[]): void {
  item.burning = true;
  events.push({ tick: w.tick, type: 'ITEM_IGNITED', itemId: item.id });
}

/** Scheduled ignitions, and spread: an item ignites when the gas at its cell passes its threshold. */
export function igniteItems(w: WorldState, events: WorldEvent[]): void {
  for (const item of w.items) {
    if (item.wetTicks > 0) item.wetTicks -= 1;
    if (item.burning || item.fuelKJ <= 0) continue;
    if (item.igniteAtTick === w.tick) {
      item.igniteAtTick = -1;
      ignite(w, item, events);
      continue;
    }
    const g = w.floors[item.floor];
    const heat = w.heat[item.floor]?.[item.y * (g?.width ?? 0) + item.x] ?? 0;
    if (item.ignitionDeciC > 0 && item.wetTicks === 0 && heat >= item.ignitionDeciC) ignite(w, item, events);
  }
}

/** Free t-squared growth per item, then each compartment's ventilation limit shares out the heat the
 *  openings can feed; fuel burns at the limited rate. */
export function growFires(w: WorldState, events: WorldEvent[]): void {
  const raw = new Map<ItemState, number>();
  for (const item of w.items) {
    if (!item.burning) continue;
    if (item.growthTicks < peakTicks(item)) item.growthTicks += 1;
    // An eruption burns thrown-out fuel on top of the curve, peak or not.
    raw.set(item, tSquaredHrr(item.growth, item.growthTicks * SECONDS_PER_TICK, item.peakKW) + eruptionHrr(item));
  }
  w.rooms.forEach((rooms, f) => {
    const comps = w.compartments[f];
    const g = w.floors[f];
    if (!comps || !g) return;
    rooms.forEach((room, r) => {
      const c = comps.rooms[r];
      if (!c) return;
      let demand = 0;
      for (const [item, q] of raw) if (item.floor === f && item.room === r) demand += q;
      const before = roomAtRest(g, c, AMBIENT_DECI_C / 10);
      const share = demand > before.ventLimitKW ? before.ventLimitKW / demand : 1;
      for (const [item, q] of raw) if (item.floor === f && item.room === r) raw.set(item, q * share);
      room.hrrKW = demand * share;
      room.ventLimitKW = before.ventLimitKW;
      room.flashoverKW = before.flashoverKW;
      if (room.hrrKW > 0) room.burningTicks += 1;
      room.hotLayerC =
        room.flashedOver && room.hrrKW > 0 ? FLASHED_OVER_C : nextHotLayer(g, c, room.hrrKW, room.hotLayerC, room.burningTicks * SECONDS_PER_TICK, SECONDS_PER_TICK, AMBIENT_DECI_C / 10);
      if (!room.rolloverWarned && room.hrrKW >= ROLLOVER_FRACTION * room.flashoverKW) {
        room.rolloverWarned = true;
        events.push({ tick: w.tick, type: 'ROLLOVER_WARNING', room: r });
      }
      if (!room.flashedOver && room.hrrKW >= room.flashoverKW) {
        room.flashedOver = true;
        events.push({ tick: w.tick, type: 'FLASHOVER', room: r });
        // Everything that can burn in the room is involved at once.
        for (const item of w.items) if (item.floor === f && item.room === r && !item.burning && item.fuelKJ > 0 && item.ignitionDeciC > 0) ignite(w, item, events);
      }
    });
  });
  for (const [item, q] of raw) {
    item.hrrKW = q;
    item.fuelKJ -= q * SECONDS_PER_TICK;
    if (item.fuelKJ <= 0) {
      item.fuelKJ = 0;
      extinguish(w, item, events);
    }
  }
}
