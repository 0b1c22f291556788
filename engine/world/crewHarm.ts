/** What the fire does to the crew each tick: heat against the protective clothing's endurance
 *  (thermalClasses.ts), smoke breathed once the cylinder is empty, and the consequences as events: a
 *  heat warning, a step beyond the clothing's rating, a burn, incapacitation with a MAYDAY, death, and a
 *  downed member carried out. Never decides what a crew member does; players and bots do. */
import { AMBIENT_DECI_C, SECONDS_PER_TICK } from './constants';
import { placeOf } from './crewSafety';
import { smokeDosePerSecond } from './dose';
import { clearLine } from './lineOfFire';
import { enduranceS, layerFluxKW, pointSourceFluxKW, thermalClass } from './thermalClasses';
import type { CrewState, WorldEvent, WorldState } from './WorldState';

/** Share of the clothing's endurance used at which the member is warned to withdraw. */
export const WARN_AT = 0.5;
/** At the endurance limit the heat reaches the skin: a burn (second degree, by the TPP criterion). */
export const BURN_AT = 1;
/** Twice the endurance: the member can no longer move on its own (a model choice, mirroring the
 *  victims' FED 1 to 2 between incapacitation and death). */
export const DOWN_AT = 2;
export const DEAD_AT = 3;
/** Out of the heat the clothing gives off what it stored at the pace it took it in the routine class. */
const COOL_PER_S = 1 / (25 * 60);
const AMBIENT_C = AMBIENT_DECI_C / 10;

/** Gas temperature (degC) and radiant flux (kW/m2) where the crew member stands. */
export function exposureAt(w: WorldState, c: CrewState): { gasC: number; radiantKW: number } {
  const g = w.floors[c.floor];
  if (!g) return { gasC: AMBIENT_C, radiantKW: 0 };
  const i = c.y * g.width + c.x;
  const gasC = (w.heat[c.floor]?.[i] ?? AMBIENT_DECI_C) / 10;
  const room = w.compartments[c.floor]?.cellRoom[i] ?? -1;
  let radiantKW = room >= 0 ? layerFluxKW(w.rooms[c.floor]?.[room]?.gasC ?? AMBIENT_C, AMBIENT_C) : 0;
  // Flames in sight radiate too; walls and shut doors shade the crew member from them.
  for (const it of w.items) {
    if (!it.burning || it.floor !== c.floor || it.hrrKW <= 0) continue;
    const dx = it.x - c.x;
    const dy = it.y - c.y;
    if (clearLine(g, c.x, c.y, it.x, it.y)) radiantKW += pointSourceFluxKW(it.hrrKW, dx * dx + dy * dy);
  }
  return { gasC, radiantKW };
}

/** Whether the member breathes the air around it: no set, or an empty cylinder. */
const breathesSmoke = (c: CrewState): boolean => c.air === null || c.air.empty;

function mayday(w: WorldState, c: CrewState, reason: string, events: WorldEvent[]): void {
  if (c.mayday) return;
  c.mayday = true;
  events.push({ tick: w.tick, type: 'MAYDAY', crewId: c.id, reason, ...placeOf(c) });
}

/** The member goes down: it drops what it holds and waits to be carried out. */
function goDown(w: WorldState, c: CrewState, reason: string, events: WorldEvent[]): void {
  c.status = 'down';
  c.path = [];
  c.dischargingAt = null;
  c.busy = null;
  c.order = null;
  const carried = w.victims.find((v) => v.id === c.carrying);
  if (carried) carried.carriedBy = null;
  const mate = w.crew.find((m) => m.id === c.carrying);
  if (mate) mate.carriedBy = null;
  c.carrying = null;
  events.push({ tick: w.tick, type: 'CREW_INCAPACITATED', crewId: c.id, reason, ...placeOf(c) });
  mayday(w, c, reason, events);
}

function follow(w: WorldState, c: CrewState): void {
  const by = w.crew.find((m) => m.id === c.carriedBy);
  if (!by) return;
  c.floor = by.floor;
  c.x = by.x;
  c.y = by.y;
}

function heat(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  const { gasC, radiantKW } = exposureAt(w, c);
  const cls = thermalClass(gasC, radiantKW);
  if (cls === 'critical' && c.thermalClass !== 'critical') events.push({ tick: w.tick, type: 'CREW_BEYOND_GEAR_LIMIT', crewId: c.id, ...placeOf(c) });
  c.thermalClass = cls;
  const limit = enduranceS(gasC, radiantKW);
  const before = c.exposure;
  c.exposure = limit === Infinity ? Math.max(0, before - COOL_PER_S * SECONDS_PER_TICK) : before + SECONDS_PER_TICK / limit;
  if (c.exposure < WARN_AT / 2) c.heatWarned = false;
  if (!c.heatWarned && c.exposure >= WARN_AT) {
    c.heatWarned = true;
    events.push({ tick: w.tick, type: 'CREW_HEAT_WARNING', crewId: c.id, ...placeOf(c) });
  }
  if (before < BURN_AT && c.exposure >= BURN_AT) {
    if (c.status === 'ok') c.status = 'injured';
    events.push({ tick: w.tick, type: 'CREW_BURNED', crewId: c.id, ...placeOf(c) });
    mayday(w, c, 'burn', events);
  }
  if (c.status !== 'down' && c.exposure >= DOWN_AT) goDown(w, c, 'heat', events);
}

function smoke(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (!breathesSmoke(c)) return;
  const g = w.floors[c.floor];
  const rate = smokeDosePerSecond(g ? (w.smoke[c.floor]?.[c.y * g.width + c.x] ?? 0) : 0);
  if (rate <= 0) return;
  // An empty cylinder in smoke is a low-air emergency: doctrine calls a MAYDAY at once.
  if (c.air?.empty) mayday(w, c, 'air', events);
  c.smokeDose += rate * SECONDS_PER_TICK;
  if (c.status !== 'down' && c.smokeDose >= 1) goDown(w, c, 'smoke', events);
}

/** One tick of harm for every crew member still alive. */
export function harmCrew(w: WorldState, events: WorldEvent[]): void {
  for (const c of w.crew) {
    if (c.status === 'dead') continue;
    if (c.carriedBy) follow(w, c);
    heat(w, c, events);
    smoke(w, c, events);
    if (c.status === 'down' && (c.exposure >= DEAD_AT || c.smokeDose >= 2)) {
      c.status = 'dead';
      c.carriedBy = null;
      events.push({ tick: w.tick, type: 'CREW_DIED', crewId: c.id, ...placeOf(c) });
    }
  }
}

/** An electric shock injures the member, who calls a MAYDAY (the injury is logged once: ELECTRIC_SHOCK
 *  itself is logged at every shock). */
export function shock(w: WorldState, c: CrewState, events: WorldEvent[]): void {
  if (c.status === 'ok') {
    c.status = 'injured';
    events.push({ tick: w.tick, type: 'CREW_INJURED', crewId: c.id, reason: 'electricShock', ...placeOf(c) });
  }
  mayday(w, c, 'electricShock', events);
}
