/** Victims each tick: carried ones move with their rescuer; everyone inside takes a dose from smoke and
 *  heat (incapacitated at FED 1, dead at 2); those who can walk head for the way out they know, down
 *  the stairs when their floor has none, turn back from smoke too thick to see through and get lost in
 *  thick smoke (seeded PRNG). No crew decisions here: rescue happens through intents. Figures and
 *  sources: docs/engine/occupants.md. */
import { nextRandom } from '../prng';
import { SECONDS_PER_TICK, TICKS_PER_SECOND } from './constants';
import { heatDosePerSecond, smokeDosePerSecond, visibilityM } from './dose';
import { sqrt } from './exactMath';
import { findPath, nearestCell } from './findPath';
import { Cell, cellAt, isWalkable, type FloorGrid } from './grid';
import type { VictimState, WorldEvent, WorldState } from './WorldState';

/** Smoke density above which a walking victim can no longer see the way and wanders. */
const LOST_IN_SMOKE = 400;
/** Occupants who know the building need about 4 m of visibility to keep going (Jin); they turn back
 *  from a step into thicker smoke than they stand in, and wait before trying again. */
export const TURN_BACK_VISIBILITY_M = 4;
const TURN_BACK_WAIT_TICKS = 10 * TICKS_PER_SECOND;
/** Nor do they walk into gas hotter than 60 degC, where Purser's convected-heat dose begins (dose.ts). */
export const TURN_BACK_HEAT_DECI_C = 600;

/** Whether a step from cell `here` of floor `hf` to cell `there` of floor `tf` leads into smoke too thick
 *  to see through or gas too hot to bear, worse than where the occupant stands. */
function worseAhead(w: WorldState, hf: number, here: number, tf: number, there: number): boolean {
  const sHere = w.smoke[hf]?.[here] ?? 0;
  const sThere = w.smoke[tf]?.[there] ?? 0;
  const hHere = w.heat[hf]?.[here] ?? 0;
  const hThere = w.heat[tf]?.[there] ?? 0;
  return (visibilityM(sThere) < TURN_BACK_VISIBILITY_M && sThere > sHere) || (hThere > TURN_BACK_HEAT_DECI_C && hThere > hHere);
}
/** Unimpeded walking speed down a 7/11 stair (178 mm risers, 279 mm treads), along the line of travel:
 *  S = k (1 - 0.266 D) with k = 1.08 and D = 0.54 persons/m^2 (SFPE Handbook, emergency movement). */
export const STAIR_SPEED_M_S = 1.08 * (1 - 0.266 * 0.54);
const RISE_PER_GOING = 0.178 / 0.279;

/** Ticks to walk down one storey of `storeyM`: the flight's slope length at STAIR_SPEED_M_S. */
export function stairDescentTicks(storeyM: number): number {
  const going = storeyM / RISE_PER_GOING;
  return Math.ceil((sqrt(storeyM * storeyM + going * going) / STAIR_SPEED_M_S) * TICKS_PER_SECOND);
}
/** A frightened occupant walks slower than a crew member: one cell every three ticks. */
const VICTIM_STEP_TICKS = 3;

function followRescuer(w: WorldState, v: VictimState): void {
  const c = w.crew.find((m) => m.id === v.carriedBy);
  if (!c) return;
  v.floor = c.floor;
  v.x = c.x;
  v.y = c.y;
}

function takeDose(w: WorldState, v: VictimState, events: WorldEvent[]): void {
  const g = w.floors[v.floor];
  if (!g || v.status === 'dead' || v.safe) return;
  const i = v.y * g.width + v.x;
  const rate = smokeDosePerSecond(w.smoke[v.floor]?.[i] ?? 0) + heatDosePerSecond((w.heat[v.floor]?.[i] ?? 0) / 10);
  if (rate <= 0) return;
  v.dose += rate * SECONDS_PER_TICK;
  if (v.status === 'ok' && v.dose >= 1) {
    v.status = 'incapacitated';
    v.mobility = 'unconscious';
    v.findings = { ...v.findings, walks: false, obeysCommands: false };
    v.path = [];
    events.push({ tick: w.tick, type: 'VICTIM_INCAPACITATED', victimId: v.id });
  }
  if (v.status === 'incapacitated' && v.dose >= 2) {
    v.status = 'dead';
    events.push({ tick: w.tick, type: 'VICTIM_DIED', victimId: v.id });
  }
}

function walkOut(w: WorldState, v: VictimState, events: WorldEvent[]): void {
  if (v.mobility !== 'walks' || v.status !== 'ok' || v.carriedBy || v.safe || v.trapped) return;
  const g = w.floors[v.floor];
  if (!g) return;
  if (cellAt(g, v.x, v.y) === Cell.outdoor) {
    v.safe = true;
    events.push({ tick: w.tick, type: 'VICTIM_ESCAPED', victimId: v.id });
    return;
  }
  if (v.stepCooldown > 0) {
    v.stepCooldown -= 1;
    return;
  }
  const smoke = w.smoke[v.floor]?.[v.y * g.width + v.x] ?? 0;
  if (smoke > LOST_IN_SMOKE) {
    // Lost: a step in a random open direction, drawn from the run's own PRNG.
    const [rng, r] = nextRandom(w.rng);
    w.rng = rng;
    const d = r % 4;
    const nx = v.x + (d === 1 ? 1 : d === 3 ? -1 : 0);
    const ny = v.y + (d === 0 ? -1 : d === 2 ? 1 : 0);
    if (isWalkable(cellAt(g, nx, ny))) {
      v.x = nx;
      v.y = ny;
    }
    v.path = [];
  } else {
    if (v.path.length === 0) {
      if (takeStairsDown(w, v, g)) return;
      v.path = routeOut(w, v, g);
    }
    const next = v.path[0];
    // Thick smoke or heat ahead and less here: turn back and wait, rather than walk into it.
    if (next !== undefined && worseAhead(w, v.floor, v.y * g.width + v.x, v.floor, next)) {
      v.path = [];
      v.stepCooldown = TURN_BACK_WAIT_TICKS;
      return;
    }
    v.path.shift();
    if (next !== undefined && isWalkable(g.cells[next] ?? Cell.wall)) {
      v.x = next % g.width;
      v.y = (next - v.x) / g.width;
    } else {
      v.path = [];
    }
  }
  v.stepCooldown = VICTIM_STEP_TICKS - 1;
}

/** Whether `cell` of floor `f` is a stair that leads down. */
function stairDown(w: WorldState, f: number, cell: number): boolean {
  return w.stairs.some((l) => l.upper === f && l.upperCell === cell);
}

/** The way out the occupant knows: the nearest outdoor cell on its floor, else the nearest stair down. */
function routeOut(w: WorldState, v: VictimState, g: FloorGrid): number[] {
  const exit = nearestCell(g, v.x, v.y, (x, y) => cellAt(g, x, y) === Cell.outdoor) ?? nearestCell(g, v.x, v.y, (x, y) => stairDown(w, v.floor, y * g.width + x));
  return exit ? (findPath(g, v.x, v.y, exit[0], exit[1]) ?? []) : [];
}

/** On a stair down with no way out on this floor: walk down one storey (taking the flight's time). */
function takeStairsDown(w: WorldState, v: VictimState, g: FloorGrid): boolean {
  const here = v.y * g.width + v.x;
  const link = w.stairs.find((l) => l.upper === v.floor && l.upperCell === here);
  if (!link || nearestCell(g, v.x, v.y, (x, y) => cellAt(g, x, y) === Cell.outdoor)) return false;
  const below = w.floors[link.lower];
  if (!below) return false;
  if (worseAhead(w, v.floor, here, link.lower, link.lowerCell)) {
    // The stairwell below is full of smoke: turn back and wait.
    v.stepCooldown = TURN_BACK_WAIT_TICKS;
    return true;
  }
  v.floor = link.lower;
  v.x = link.lowerCell % below.width;
  v.y = (link.lowerCell - v.x) / below.width;
  v.path = [];
  // One storey is taken as the lower floor's ceiling height (the slab above it left out).
  v.stepCooldown = stairDescentTicks(w.compartments[link.lower]?.rooms[0]?.geometry.ceilingHeight ?? 2.7);
  return true;
}

function noticeCrew(w: WorldState, v: VictimState, events: WorldEvent[]): void {
  if (v.reached) return;
  const c = w.crew.find((m) => m.floor === v.floor && Math.abs(m.x - v.x) <= 1 && Math.abs(m.y - v.y) <= 1);
  if (!c) return;
  v.reached = true;
  events.push({ tick: w.tick, type: 'VICTIM_REACHED', victimId: v.id, crewId: c.id });
}

export function stepVictims(w: WorldState, events: WorldEvent[]): void {
  for (const v of w.victims) {
    if (v.hidden) continue;
    if (v.carriedBy) followRescuer(w, v);
    takeDose(w, v, events);
    walkOut(w, v, events);
    noticeCrew(w, v, events);
  }
}
