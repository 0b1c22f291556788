/** Advances the world by one fixed tick: scheduled ignitions, crew movement, agent discharge, fire
 *  growth and burn-out, then the heat and smoke fields. Returns the events that tick produced. */
import type { Scenario } from '../scenario/format';
import { AGENT_MATRIX, KNOCKDOWN_PER_SECOND } from './agents';
import { AIR_USE_L_PER_MIN, pressureAfter, type Workload } from './breathingAir';
import { roomFire } from './compartments';
import { AMBIENT_DECI_C, SECONDS_PER_TICK, TICKS_PER_SECOND, TICKS_PER_STEP } from './constants';
import { secondsToReach, tSquaredHrr } from './fireGrowth';
import { isWalkable } from './grid';
import { stepFields } from './stepFields';
import type { CrewState, ItemState, WorldEvent, WorldState } from './WorldState';

/** Ticks of free growth a flare-up adds: burning oil hit by water erupts towards its peak. */
const FLARE_UP_TICKS = 20 * TICKS_PER_SECOND;
/** Rollover (flames in the smoke layer) is warned when the room reaches this share of Q_fo. */
const ROLLOVER_FRACTION = 0.8;
/** A flashed-over room burns at about 1000 degC: no survivable space. */
const FLASHED_OVER_C = 1000;
/** The fireball of a flare-up, in tenths of a degree at the item's cell. */
const FLARE_UP_HEAT = 4000;

function zoneOf(scenario: Scenario, floorId: string, x: number, y: number): string | null {
  for (const z of scenario.world.zones) {
    if (z.floor === floorId && x >= z.x && y >= z.y && x < z.x + z.w && y < z.y + z.h) return z.id;
  }
  return null;
}

function moveCrew(scenario: Scenario, w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (c.stepCooldown > 0) {
    c.stepCooldown -= 1;
    return;
  }
  const next = c.path[0];
  const g = w.floors[c.floor];
  if (next === undefined || !g) return;
  // A door closed across the path since it was planned stops the walk.
  if (!isWalkable(g.cells[next] ?? 0)) {
    c.path = [];
    return;
  }
  c.path.shift();
  c.x = next % g.width;
  c.y = (next - c.x) / g.width;
  c.stepCooldown = TICKS_PER_STEP - 1;
  const zone = zoneOf(scenario, g.id, c.x, c.y);
  if (zone !== c.zoneId) {
    c.zoneId = zone;
    if (zone) events.push({ tick: w.tick, type: 'ZONE_ENTERED', crewId: c.id, zoneId: zone });
  }
}

function peakTicks(item: ItemState): number {
  return Math.ceil(secondsToReach(item.growth, item.peakKW) * TICKS_PER_SECOND);
}

function discharge(w: WorldState, c: CrewState, events: WorldEvent[]): void {
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

function extinguish(w: WorldState, item: ItemState, events: WorldEvent[]): void {
  item.burning = false;
  item.growthTicks = 0;
  item.hrrKW = 0;
  events.push({ tick: w.tick, type: 'FIRE_OUT', itemId: item.id });
  if (!w.items.some((i) => i.burning)) events.push({ tick: w.tick, type: 'ALL_FIRES_OUT' });
}

function ignite(w: WorldState, item: ItemState, events: WorldEvent[]): void {
  item.burning = true;
  events.push({ tick: w.tick, type: 'ITEM_IGNITED', itemId: item.id });
}

/** Scheduled ignitions, and spread: an item ignites when the gas at its cell passes its threshold. */
function igniteItems(w: WorldState, events: WorldEvent[]): void {
  for (const item of w.items) {
    if (item.burning || item.fuelKJ <= 0) continue;
    if (item.igniteAtTick === w.tick) {
      item.igniteAtTick = -1;
      ignite(w, item, events);
      continue;
    }
    const g = w.floors[item.floor];
    const heat = w.heat[item.floor]?.[item.y * (g?.width ?? 0) + item.x] ?? 0;
    if (item.ignitionDeciC > 0 && heat >= item.ignitionDeciC) ignite(w, item, events);
  }
}

/** Free t-squared growth per item, then each compartment's ventilation limit shares out the heat the
 *  openings can feed; fuel burns at the limited rate. */
function growFires(w: WorldState, events: WorldEvent[]): void {
  const raw = new Map<ItemState, number>();
  for (const item of w.items) {
    if (!item.burning) continue;
    if (item.growthTicks < peakTicks(item)) item.growthTicks += 1;
    raw.set(item, tSquaredHrr(item.growth, item.growthTicks * SECONDS_PER_TICK, item.peakKW));
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
      const before = roomFire(g, c, 0, AMBIENT_DECI_C / 10);
      const share = demand > before.ventLimitKW ? before.ventLimitKW / demand : 1;
      for (const [item, q] of raw) if (item.floor === f && item.room === r) raw.set(item, q * share);
      room.hrrKW = demand * share;
      room.ventLimitKW = before.ventLimitKW;
      room.flashoverKW = before.flashoverKW;
      room.hotLayerC = room.flashedOver && room.hrrKW > 0 ? FLASHED_OVER_C : roomFire(g, c, room.hrrKW, AMBIENT_DECI_C / 10).hotLayerC;
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

/** The hot layer fills its room under the ceiling: no cell of a burning room is cooler than it. */
function applyHotLayers(w: WorldState): void {
  w.rooms.forEach((rooms, f) => {
    const heat = w.heat[f];
    const cellRoom = w.compartments[f]?.cellRoom;
    if (!heat || !cellRoom) return;
    const layer = rooms.map((r) => Math.round(r.hotLayerC * 10));
    if (!layer.some((t) => t > AMBIENT_DECI_C)) return;
    for (let i = 0; i < heat.length; i++) {
      const t = layer[cellRoom[i] ?? -1];
      if (t !== undefined && t > (heat[i] ?? 0)) heat[i] = t;
    }
  });
}

/** How hard a crew member is working this tick, which sets how fast the set empties. */
function workload(c: CrewState): Workload {
  if (c.dischargingAt !== null) return 'moderate';
  return c.path.length > 0 ? 'walking' : 'rest';
}

function breathe(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const air = c.air;
  if (!air || air.empty) return;
  const litres = (AIR_USE_L_PER_MIN[workload(c)] * SECONDS_PER_TICK) / 60;
  air.bar = pressureAfter({ volumeL: air.cylinderL, fullBar: 0 }, air.bar, litres);
  if (!air.alarmed && air.bar <= air.alarmBar) {
    air.alarmed = true;
    events.push({ tick: w.tick, type: 'AIR_ALARM', crewId: c.id });
  }
  if (air.bar <= 0) {
    air.empty = true;
    events.push({ tick: w.tick, type: 'AIR_EMPTY', crewId: c.id });
  }
}

/** One tick. Mutates `w` and returns the events, stamped with the tick they happened on. */
export function stepWorld(scenario: Scenario, w: WorldState): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (const c of w.crew) moveCrew(scenario, w, c, events);
  for (const c of w.crew) discharge(w, c, events);
  for (const c of w.crew) breathe(w, c, events);
  igniteItems(w, events);
  growFires(w, events);
  stepFields(w);
  applyHotLayers(w);
  w.tick += 1;
  return events;
}
