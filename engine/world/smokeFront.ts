/** Smoke travelling along a corridor. A room is one well-mixed zone, which is fair for a room but not
 *  for a long corridor, where smoke runs under the ceiling as a front. In a corridor the room's layer
 *  reaches only the cells the front has passed, measured along the corridor from where the smoke came
 *  in; it lets no gas out through a door it has not reached. The front moves at Hinkley's corridor
 *  velocity. Figures and sources: docs/engine/compartment-fire.md. */
import { AMBIENT_DECI_C, CELL_SIZE_M, SECONDS_PER_TICK } from './constants';
import type { Compartment } from './compartments';
import { cbrt } from './exactMath';
import { Cell } from './grid';
import type { GasLink } from './roomGases';
import type { WorldState } from './WorldState';

/** Hinkley's constant and the air properties of his correlation (rho0 kg/m^3, cp kJ/kgK, g m/s^2). */
const HINKLEY_K = 0.8;
const RHO0 = 1.2;
const CP = 1.0;
const G = 9.81;
/** With no fire driving it, smoke still drifts along: the front never stops outright. */
const MIN_FRONT_M_S = 0.1;
const AMBIENT_K = AMBIENT_DECI_C / 10 + 273.15;

/** Hinkley's smoke-front velocity in a corridor (m/s): v = K (g Q T / (rho0 cp T0^2 W))^(1/3), for a
 *  fire of q kW, smoke at layerC degC and a corridor w m wide. */
export function corridorFrontVelocity(q: number, layerC: number, widthM: number): number {
  const t = layerC + 273.15;
  const v = HINKLEY_K * cbrt((G * q * t) / (RHO0 * CP * AMBIENT_K * AMBIENT_K * widthM));
  return v > MIN_FRONT_M_S ? v : MIN_FRONT_M_S;
}

interface Entry {
  link: GasLink;
  /** The corridor cell the smoke comes in by. */
  cell: number;
  /** The room on the other side (null outdoors). */
  other: { floor: number; room: number } | null;
}

const entriesCache = new WeakMap<readonly GasLink[], Map<Compartment, Entry[]>>();
const distanceCache = new WeakMap<Compartment, Map<number, Float64Array>>();

/** The ways gas gets into each corridor, with the corridor cell at each, derived once. */
function entriesOf(w: WorldState, c: Compartment): Entry[] {
  let byRoom = entriesCache.get(w.gasLinks);
  if (!byRoom) {
    byRoom = new Map();
    entriesCache.set(w.gasLinks, byRoom);
  }
  const kept = byRoom.get(c);
  if (kept) return kept;
  const g = w.floors[c.floor];
  const cellRoom = w.compartments[c.floor]?.cellRoom;
  const out: Entry[] = [];
  if (g && cellRoom) {
    for (const link of w.gasLinks) {
      const side = link.a.floor === c.floor && link.a.room === c.id ? 'a' : link.b?.floor === c.floor && link.b.room === c.id ? 'b' : null;
      if (!side) continue;
      const other = side === 'a' ? link.b : link.a;
      let cell = -1;
      if (link.opening) {
        for (const o of link.opening.cells) {
          const x = o % g.width;
          for (const n of [o - g.width, o + g.width, x > 0 ? o - 1 : -1, x < g.width - 1 ? o + 1 : -1]) if (cell < 0 && n >= 0 && cellRoom[n] === c.id) cell = n;
        }
      } else {
        for (let i = 0; i < g.cells.length && cell < 0; i++) if (cellRoom[i] === c.id && g.cells[i] === Cell.stairs) cell = i;
      }
      if (cell >= 0) out.push({ link, cell, other });
    }
  }
  byRoom.set(c, out);
  return out;
}

/** Distance in metres along the corridor from `origin` to each of its cells (walking its cells). */
function distancesFrom(w: WorldState, c: Compartment, origin: number): Float64Array {
  let byOrigin = distanceCache.get(c);
  if (!byOrigin) {
    byOrigin = new Map();
    distanceCache.set(c, byOrigin);
  }
  const kept = byOrigin.get(origin);
  if (kept) return kept;
  const g = w.floors[c.floor];
  const cellRoom = w.compartments[c.floor]?.cellRoom;
  const dist = new Float64Array(g ? g.cells.length : 0).fill(Infinity);
  if (g && cellRoom) {
    dist[origin] = 0;
    const queue = [origin];
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q] ?? 0;
      const x = i % g.width;
      for (const n of [i - g.width, i + g.width, x > 0 ? i - 1 : -1, x < g.width - 1 ? i + 1 : -1]) {
        if (n < 0 || n >= dist.length || cellRoom[n] !== c.id || dist[n] !== Infinity) continue;
        dist[n] = (dist[i] ?? 0) + CELL_SIZE_M;
        queue.push(n);
      }
    }
  }
  byOrigin.set(origin, dist);
  return dist;
}

/** Where the smoke first comes into a corridor: its own fire, else the way in from the smokiest room. */
function originOf(w: WorldState, c: Compartment): number {
  let best: { hrr: number; cell: number } | null = null;
  const g = w.floors[c.floor];
  for (const item of w.items) {
    if (!item.burning || item.floor !== c.floor || item.room !== c.id || !g) continue;
    if (!best || item.hrrKW > best.hrr) best = { hrr: item.hrrKW, cell: item.y * g.width + item.x };
  }
  if (best) return best.cell;
  let entry: { smoke: number; cell: number } | null = null;
  for (const e of entriesOf(w, c)) {
    const smoke = e.other ? (w.rooms[e.other.floor]?.[e.other.room]?.smoke ?? 0) : 0;
    if (!entry || smoke > entry.smoke) entry = { smoke, cell: e.cell };
  }
  return entry ? entry.cell : -1;
}

/** The heat release driving the smoke in a corridor: its own fire, else the largest next door. */
function drivingHrr(w: WorldState, c: Compartment): number {
  const own = w.rooms[c.floor]?.[c.id]?.hrrKW ?? 0;
  if (own > 0) return own;
  let q = 0;
  for (const e of entriesOf(w, c)) {
    const h = e.other ? (w.rooms[e.other.floor]?.[e.other.room]?.hrrKW ?? 0) : 0;
    if (h > q) q = h;
  }
  return q;
}

/** One tick of every corridor's smoke front: it starts where the smoke comes in, moves at Hinkley's
 *  velocity, and is forgotten once the corridor is clear again. */
export function stepSmokeFronts(w: WorldState): void {
  w.compartments.forEach((fc, f) => {
    for (const c of fc.rooms) {
      if (!c.corridor) continue;
      const room = w.rooms[f]?.[c.id];
      if (!room) continue;
      const smoky = room.smoke >= 1 || room.gasC >= AMBIENT_DECI_C / 10 + 1;
      if (!smoky) {
        room.frontOrigin = -1;
        room.frontM = 0;
        continue;
      }
      if (room.frontOrigin < 0) {
        room.frontOrigin = originOf(w, c);
        room.frontM = 0;
        continue;
      }
      if (room.frontM < c.lengthM) room.frontM += corridorFrontVelocity(drivingHrr(w, c), room.gasC, c.widthM) * SECONDS_PER_TICK;
    }
  });
}

/** Whether the room's layer reaches `cell`: always in an ordinary room, behind the front in a corridor. */
export function frontReaches(w: WorldState, c: Compartment, cell: number): boolean {
  if (!c.corridor) return true;
  const room = w.rooms[c.floor]?.[c.id];
  if (!room || room.frontOrigin < 0) return false;
  return (distancesFrom(w, c, room.frontOrigin)[cell] ?? Infinity) <= room.frontM;
}

/** Whether a corridor can pass gas out through `link` yet: only once its front has reached the way out. */
export function frontAtLink(w: WorldState, c: Compartment, link: GasLink): boolean {
  if (!c.corridor) return true;
  const e = entriesOf(w, c).find((x) => x.link === link);
  return e ? frontReaches(w, c, e.cell) : true;
}
