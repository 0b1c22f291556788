/** Smoke and hot gas per compartment, the zone-model view of "smoke fills from the ceiling": fires
 *  fill their room in proportion to heat release and volume; rooms exchange gas through open doors and
 *  windows, leak through closed ones, vent outside, and the stair carries gas up to the floor above. */
import { AMBIENT_DECI_C, SECONDS_PER_TICK } from './constants';
import { Cell, markFields, type FloorGrid } from './grid';
import { openingNow, type FloorCompartments, type OpeningGroup } from './compartments';
import { frontAtLink, frontReaches } from './smokeFront';
import type { StairLink } from './stairs';
import type { WorldState } from './WorldState';

/** Opaque smoke (1000) in 100 m^3 from a 1 MW fire in about a minute: units per kW-second per m^3. */
const SMOKE_PER_KW_S = 1000 / 60 / 10;
/** Share of the difference that crosses one m^2 of opening per second. */
const EXCHANGE_PER_M2_S = 0.05;
/** Buoyant flow up a stairwell, as if through this many m^2, upward only. */
const STAIR_AREA_M2 = 1.5;
/** Rooms without fire lose heat to their walls: share of the excess over ambient per second. */
const WALL_COOLING_PER_S = 0.004;
const AMBIENT_C = AMBIENT_DECI_C / 10;

export interface GasLink {
  floor: number;
  /** The door or window on `floor` whose state sets the area, or null for a stair. */
  opening: OpeningGroup | null;
  a: { floor: number; room: number };
  /** null: outdoors. */
  b: { floor: number; room: number } | null;
  stair: boolean;
}

/** Every path gas can take between rooms, derived once from the maps. */
export function linkRooms(floors: readonly FloorGrid[], comps: readonly FloorCompartments[], stairs: readonly StairLink[]): GasLink[] {
  const links: GasLink[] = [];
  floors.forEach((g, f) => {
    const rooms = comps[f]?.cellRoom;
    if (!rooms) return;
    const seen = new Set<OpeningGroup>();
    for (const room of comps[f]?.rooms ?? []) {
      for (const opening of room.openings) {
        if (seen.has(opening)) continue;
        seen.add(opening);
        const sides = new Set<number>();
        let outdoor = false;
        for (const cell of opening.cells) {
          const x = cell % g.width;
          const y = (cell - x) / g.width;
          for (const [nx, ny] of [[x, y - 1], [x, y + 1], [x - 1, y], [x + 1, y]] as const) {
            if (nx < 0 || ny < 0 || nx >= g.width || ny >= g.height) continue;
            const n = ny * g.width + nx;
            const r = rooms[n] ?? -1;
            if (r >= 0) sides.add(r);
            else if (g.cells[n] === Cell.outdoor) outdoor = true;
          }
        }
        const [a, b] = [...sides].sort((p, q) => p - q);
        if (a === undefined) continue;
        if (b !== undefined) links.push({ floor: f, opening, a: { floor: f, room: a }, b: { floor: f, room: b }, stair: false });
        else if (outdoor) links.push({ floor: f, opening, a: { floor: f, room: a }, b: null, stair: false });
      }
    }
  });
  const pairs = new Set<string>();
  for (const s of stairs) {
    const lo = comps[s.lower]?.cellRoom[s.lowerCell] ?? -1;
    const up = comps[s.upper]?.cellRoom[s.upperCell] ?? -1;
    const key = `${s.lower}:${lo}>${s.upper}:${up}`;
    if (lo < 0 || up < 0 || pairs.has(key)) continue;
    pairs.add(key);
    links.push({ floor: s.lower, opening: null, a: { floor: s.lower, room: lo }, b: { floor: s.upper, room: up }, stair: true });
  }
  return links;
}

function volume(w: WorldState, floor: number, room: number): number {
  const geo = w.compartments[floor]?.rooms[room]?.geometry;
  return geo ? geo.floorArea * geo.ceilingHeight : 1;
}

/** One tick of room gases: production, exchange (from the values at the start of the tick), cooling. */
export function stepRoomGases(w: WorldState): void {
  const smokeDelta = w.rooms.map((rs) => rs.map(() => 0));
  const heatDelta = w.rooms.map((rs) => rs.map(() => 0));
  w.rooms.forEach((rs, f) =>
    rs.forEach((r, i) => {
      if (r.hrrKW > 0) (smokeDelta[f] as number[])[i] = (r.hrrKW * SMOKE_PER_KW_S * SECONDS_PER_TICK) / volume(w, f, i);
    }),
  );
  for (const link of w.gasLinks) {
    const ra = w.rooms[link.a.floor]?.[link.a.room];
    if (!ra) continue;
    const va = volume(w, link.a.floor, link.a.room);
    const g = w.floors[link.floor];
    const area = link.stair ? STAIR_AREA_M2 : g && link.opening ? openingNow(g, link.opening).area : 0;
    const share = EXCHANGE_PER_M2_S * area * SECONDS_PER_TICK;
    const ca = w.compartments[link.a.floor]?.rooms[link.a.room];
    // A corridor lets gas out only through the ways its smoke front has reached.
    if (!link.b) {
      if (ca && !frontAtLink(w, ca, link)) continue;
      smokeDelta[link.a.floor]![link.a.room]! -= share * ra.smoke;
      heatDelta[link.a.floor]![link.a.room]! -= share * (ra.gasC - AMBIENT_C);
      continue;
    }
    const rb = w.rooms[link.b.floor]?.[link.b.room];
    if (!rb) continue;
    const vb = volume(w, link.b.floor, link.b.room);
    const vmin = va < vb ? va : vb;
    let ds = ra.smoke - rb.smoke;
    let dt = ra.gasC - rb.gasC;
    // Hot smoke rises: a stair only carries gas upward.
    if (link.stair) {
      ds = ds > 0 ? ds : 0;
      dt = dt > 0 ? dt : 0;
    }
    const cb = w.compartments[link.b.floor]?.rooms[link.b.room];
    if ((ds > 0 || dt > 0) && ca && !frontAtLink(w, ca, link)) continue;
    if ((ds < 0 || dt < 0) && cb && !frontAtLink(w, cb, link)) continue;
    const ms = share * ds * vmin;
    const mt = share * dt * vmin;
    smokeDelta[link.a.floor]![link.a.room]! -= ms / va;
    smokeDelta[link.b.floor]![link.b.room]! += ms / vb;
    heatDelta[link.a.floor]![link.a.room]! -= mt / va;
    heatDelta[link.b.floor]![link.b.room]! += mt / vb;
  }
  w.rooms.forEach((rs, f) =>
    rs.forEach((r, i) => {
      const s = r.smoke + (smokeDelta[f]?.[i] ?? 0);
      r.smoke = s < 0 ? 0 : s > 1000 ? 1000 : s;
      const mixed = r.gasC + (heatDelta[f]?.[i] ?? 0);
      const cooled = mixed - (mixed - AMBIENT_C) * WALL_COOLING_PER_S * SECONDS_PER_TICK;
      // A burning room is at least as hot as its MQH hot layer says; a flashed-over room at about 1000 degC.
      r.gasC = r.hrrKW > 0 && r.hotLayerC > cooled ? r.hotLayerC : cooled;
    }),
  );
}

/** Every cell of a room is at least as smoky and hot as the room's layer. Only rooms whose layer is above
 *  ambient or smoky are visited, over their box: no cell is ever below ambient heat or zero smoke (the
 *  field step clamps there, and every other writer adds), so a room at ambient changes nothing. */
export function applyRoomLayers(w: WorldState): void {
  w.rooms.forEach((rs, f) => {
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    const comps = w.compartments[f];
    const g = w.floors[f];
    if (!heat || !smoke || !comps || !g) return;
    const { cellRoom } = comps;
    for (let r = 0; r < rs.length; r++) {
      const room = rs[r];
      if (!room) continue;
      const ti = Math.round(room.gasC * 10);
      const si = Math.round(room.smoke);
      if (ti <= AMBIENT_DECI_C && si <= 0) continue;
      const box = comps.rooms[r]?.box ?? { x0: 0, y0: 0, x1: g.width - 1, y1: g.height - 1 };
      markFields(g, box.x0, box.y0, box.x1, box.y1);
      const comp = comps.rooms[r];
      const corridor = comp?.corridor === true;
      for (let y = box.y0; y <= box.y1; y++) {
        for (let i = y * g.width + box.x0, end = y * g.width + box.x1; i <= end; i++) {
          if (cellRoom[i] !== r) continue;
          if (corridor && comp && !frontReaches(w, comp, i)) continue;
          if (ti > heat[i]!) heat[i] = ti;
          if (si > smoke[i]!) smoke[i] = si;
        }
      }
    }
  });
}
