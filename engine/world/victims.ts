/** Victims each tick: carried ones move with their rescuer; everyone inside takes a dose from smoke and
 *  heat (incapacitated at FED 1, dead at 2); those who can walk head for the way out they know and get
 *  lost in thick smoke (seeded PRNG). No crew decisions here: rescue happens through intents. */
import { nextRandom } from '../prng';
import { SECONDS_PER_TICK } from './constants';
import { heatDosePerSecond, smokeDosePerSecond } from './dose';
import { findPath, nearestCell } from './findPath';
import { Cell, cellAt, isWalkable } from './grid';
import type { VictimState, WorldEvent, WorldState } from './WorldState';

/** Smoke density above which a walking victim can no longer see the way and wanders. */
const LOST_IN_SMOKE = 400;
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
      const exit = nearestCell(g, v.x, v.y, (x, y) => cellAt(g, x, y) === Cell.outdoor);
      v.path = exit ? (findPath(g, v.x, v.y, exit[0], exit[1]) ?? []) : [];
    }
    const next = v.path.shift();
    if (next !== undefined && isWalkable(g.cells[next] ?? Cell.wall)) {
      v.x = next % g.width;
      v.y = (next - v.x) / g.width;
    } else {
      v.path = [];
    }
  }
  v.stepCooldown = VICTIM_STEP_TICKS - 1;
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
