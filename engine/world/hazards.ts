/** Hazards that change the incident: a gas cylinder heated until it fails (a jet fire), cooled by
 *  water and by still air; and weakened floors that give way after enough hot gas, injuring whoever
 *  stands on them. Figures and sources: docs/engine/lpg-cylinders.md. */
import { TICKS_PER_SECOND } from './constants';
import { ignite, peakTicks } from './fires';
import { Cell, setCell } from './grid';
import type { ItemState, WorldEvent, WorldState } from './WorldState';

/** Gas at a cylinder above 150 degC heats its shell and contents towards failure. */
const CYLINDER_HEATING_DECI_C = 1500;
/** Cooling water for an exposed LPG vessel: 10.2 L/min per m^2 of its surface (NFPA 15, 0.25 gpm/ft^2;
 *  API 2030). At this rate the water film takes up the heat the fire gives the shell: heat-up stops. */
export const COOLING_LPM_PER_M2 = 10.2;
/** Surface of a 12 kg household cylinder (about 0.3 m across, 0.6 m tall): pi d h + pi d^2 / 2. */
export const CYLINDER_AREA_M2 = 0.71;
/** Water beyond the design rate cools a hot shell faster, up to four times the rate the fire heats it
 *  (a stream mostly runs off; the liquid inside holds the heat). */
const MAX_WATER_COOLING = 4;
/** A cylinder out of the heat and without water cools about sixteen times slower than it heated: in
 *  gas at 300 degC a shell takes up about 8 kW/m^2 (radiation and convection), a warm shell in still
 *  air at 30 degC loses about 0.5 kW/m^2 (10 W/m^2K over 50 K). */
const STILL_AIR_COOLING = 1 / 16;

/** One tick of a cylinder's heat: exposure adds a tick, water on its shell takes away in proportion to
 *  the design cooling rate, still air a little. Returns the heat after the tick, never below zero. */
export function cylinderHeat(heated: number, exposed: boolean, coolingLpm: number): number {
  const rate = coolingLpm / CYLINDER_AREA_M2 / COOLING_LPM_PER_M2;
  const water = rate < MAX_WATER_COOLING ? rate : MAX_WATER_COOLING;
  const next = heated + (exposed ? 1 : -STILL_AIR_COOLING) - water;
  return next > 0 ? next : 0;
}

function stepCylinder(w: WorldState, item: ItemState, events: WorldEvent[]): void {
  const cooling = item.coolingLpm;
  item.coolingLpm = 0;
  if (item.failureTicks <= 0 || item.ruptured || item.fuelKJ <= 0) return;
  const g = w.floors[item.floor];
  const heat = g ? (w.heat[item.floor]?.[item.y * g.width + item.x] ?? 0) : 0;
  item.heatedTicks = cylinderHeat(item.heatedTicks, heat >= CYLINDER_HEATING_DECI_C, cooling);
  if (item.heatedTicks < item.failureTicks) return;
  // The shell fails: the content escapes through the rupture, not the valve, so the valve stays as it
  // was set and shutting it later does not stop the jet fire; it burns at its peak until the gas is gone.
  item.failureTicks = 0;
  item.ruptured = true;
  events.push({ tick: w.tick, type: 'LPG_FAILURE', itemId: item.id });
  if (!item.burning) ignite(w, item, events);
  item.growthTicks = peakTicks(item);
}
/** Hot gas above 300 degC weakens a floor or ceiling. */
const STRUCTURE_HEATING_DECI_C = 3000;

export function stepHazards(w: WorldState, events: WorldEvent[]): void {
  for (const item of w.items) stepCylinder(w, item, events);
  for (const hz of w.hazards) if (!hz.collapsed) exposeStructure(w, hz, events);
}

function exposeStructure(w: WorldState, hz: WorldState['hazards'][number], events: WorldEvent[]): void {
  const g = w.floors[hz.floor];
  const heat = w.heat[hz.floor];
  if (!g || !heat) return;
  let hot = false;
  for (let y = hz.y; y < hz.y + hz.h && !hot; y++) for (let x = hz.x; x < hz.x + hz.w; x++) if ((heat[y * g.width + x] ?? 0) >= STRUCTURE_HEATING_DECI_C) hot = true;
  if (hot) hz.exposedTicks += 1;
  if (hz.exposedTicks >= hz.collapseTicks) collapse(w, hz.id, events);
}

/** Brings a weak floor down now (by exposure or by an instructor's inject). */
export function collapse(w: WorldState, hazardId: string, events: WorldEvent[]): void {
  const hz = w.hazards.find((h) => h.id === hazardId);
  const g = hz ? w.floors[hz.floor] : undefined;
  if (!hz || !g || hz.collapsed) return;
  hz.collapsed = true;
  events.push({ tick: w.tick, type: 'COLLAPSE', reason: hz.id });
  for (let y = hz.y; y < hz.y + hz.h; y++) for (let x = hz.x; x < hz.x + hz.w; x++) setCell(g, x, y, Cell.wall);
  const inside = (f: number, x: number, y: number): boolean => f === hz.floor && x >= hz.x && y >= hz.y && x < hz.x + hz.w && y < hz.y + hz.h;
  for (const c of w.crew) {
    if (!inside(c.floor, c.x, c.y)) continue;
    events.push({ tick: w.tick, type: 'CREW_INJURED', crewId: c.id, reason: 'collapse' });
    c.path = [];
    c.stepCooldown = 30 * TICKS_PER_SECOND;
  }
  for (const v of w.victims) if (inside(v.floor, v.x, v.y) && !v.carriedBy) v.dose += 1;
}
