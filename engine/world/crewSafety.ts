/** What a crew member can see and whether crews keep two-in/two-out: a hazardous atmosphere is smoke
 *  or hot gas above tenable limits; entering it without a partner inside and two outside is logged, and
 *  every entry and exit, with floor and zone, so a rubric can time a stay. */
import { visibilityM } from './dose';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

/** Smoke density and gas temperature (tenths of a degree) beyond which the air is immediately dangerous. */
const HAZARD_SMOKE = 100;
const HAZARD_HEAT_DECI_C = 600;
/** A thermal camera sees heat through smoke to about 15 m. */
const THERMAL_CAMERA_M = 15;

function cellIndex(w: WorldState, c: CrewState): number {
  return c.y * (w.floors[c.floor]?.width ?? 0) + c.x;
}

/** Whether the crew member stands in a hazardous atmosphere. */
export function inHazard(w: WorldState, c: CrewState): boolean {
  const i = cellIndex(w, c);
  return (w.smoke[c.floor]?.[i] ?? 0) >= HAZARD_SMOKE || (w.heat[c.floor]?.[i] ?? 0) >= HAZARD_HEAT_DECI_C;
}

/** How far the crew member can see, in metres: smoke takes it away, a thermal camera gives it back. */
export function sightM(w: WorldState, c: CrewState): number {
  const eyes = visibilityM(w.smoke[c.floor]?.[cellIndex(w, c)] ?? 0);
  return c.tools.includes('thermalCamera') && eyes < THERMAL_CAMERA_M ? THERMAL_CAMERA_M : eyes;
}

/** Where a crew member's event happens: its floor and the zone (the scenario's named room) it is in. */
export function placeOf(c: CrewState): { floor: number; zoneId?: string } {
  return c.zoneId ? { floor: c.floor, zoneId: c.zoneId } : { floor: c.floor };
}

/** Logs each entry into and exit from a hazardous atmosphere, and a breach when it leaves fewer than two inside or two outside. */
export function trackHazardEntry(w: WorldState, events: WorldEvent[]): void {
  const inside = w.crew.filter((c) => inHazard(w, c));
  const outside = w.crew.length - inside.length;
  for (const c of w.crew) {
    const now = inside.includes(c);
    if (!now && c.inHazard) events.push({ tick: w.tick, type: 'LEFT_HAZARD', crewId: c.id, ...placeOf(c) });
    if (now && !c.inHazard) {
      events.push({ tick: w.tick, type: 'ENTERED_HAZARD', crewId: c.id, ...placeOf(c) });
      if (inside.length < 2 || outside < 2) events.push({ tick: w.tick, type: 'TWO_IN_TWO_OUT_BREACH', crewId: c.id });
    }
    c.inHazard = now;
  }
}
