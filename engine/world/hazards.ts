/** Hazards that change the incident: a gas cylinder heated until it fails (a jet fire), and weakened
 *  floors that give way after enough hot gas, injuring whoever stands on them. */
import { TICKS_PER_SECOND } from './constants';
import { ignite, peakTicks } from './fires';
import { Cell, setCell } from './grid';
import type { WorldEvent, WorldState } from './WorldState';

/** Gas at a cylinder above 150 degC heats its shell and contents towards failure. */
const CYLINDER_HEATING_DECI_C = 1500;
/** Hot gas above 300 degC weakens a floor or ceiling. */
const STRUCTURE_HEATING_DECI_C = 3000;

export function stepHazards(w: WorldState, events: WorldEvent[]): void {
  for (const item of w.items) {
    if (item.failureTicks <= 0 || item.burning || item.fuelKJ <= 0) continue;
    const g = w.floors[item.floor];
    const heat = g ? (w.heat[item.floor]?.[item.y * g.width + item.x] ?? 0) : 0;
    if (heat < CYLINDER_HEATING_DECI_C) continue;
    item.heatedTicks += 1;
    if (item.heatedTicks >= item.failureTicks) {
      item.failureTicks = 0;
      events.push({ tick: w.tick, type: 'LPG_FAILURE', itemId: item.id });
      // The released gas burns at once as a jet fire, at its peak.
      item.valve = 'open';
      ignite(w, item, events);
      item.growthTicks = peakTicks(item);
    }
  }
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
