/** What each seat in a drill would see of the run: a crew member its surroundings (engine sight through
 *  smoke, thermal camera included, blocked by walls and shut doors), the commander the crews and what
 *  they have found, the instructor everything. Pure reads of the world; never changes it. */
import { CELL_SIZE_M, Cell, sightM, type CrewState, type WorldState } from '../../engine/index';

export type Seat = { kind: 'instructor' } | { kind: 'commander'; crewId: string } | { kind: 'crew'; crewId: string } | { kind: 'none' };

/** Ids of the entities one seat receives, and the floors whose heat and smoke it receives. */
export interface Sighted {
  crew: Set<string>;
  victims: Set<string>;
  items: Set<string>;
  hazards: Set<string>;
  doors: Set<string>;
  floors: Set<number>;
}

/** A door cell of the plan, keyed `floor:x:y` as in the synced state. */
export interface DoorPlace {
  id: string;
  floor: number;
  x: number;
  y: number;
}

export const emptySighted = (): Sighted => ({ crew: new Set(), victims: new Set(), items: new Set(), hazards: new Set(), doors: new Set(), floors: new Set() });

/** Walls and shut doors stop the eye; open doors, windows and grilles do not. */
function blocksSight(kind: number): boolean {
  return kind === Cell.wall || kind === Cell.doorClosed || kind === Cell.doorLocked;
}

/** Whether `c` sees cell (x, y) on `floor`: same floor, within its sight in metres, and a clear line
 *  between the two cells (the end cells themselves may be a wall: a crew member sees the wall it faces). */
export function seesCell(w: WorldState, c: CrewState, sightCells: number, floor: number, x: number, y: number): boolean {
  if (floor !== c.floor) return false;
  const dx = x - c.x;
  const dy = y - c.y;
  if (dx === 0 && dy === 0) return true;
  if (dx * dx + dy * dy > sightCells * sightCells) return false;
  const g = w.floors[floor];
  if (!g) return false;
  // Bresenham between the two cells, ends excluded.
  const sx = dx > 0 ? 1 : -1;
  const sy = dy > 0 ? 1 : -1;
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  let cx = c.x;
  let cy = c.y;
  let err = ax - ay;
  for (;;) {
    const e2 = 2 * err;
    if (e2 > -ay) {
      err -= ay;
      cx += sx;
    }
    if (e2 < ax) {
      err += ax;
      cy += sy;
    }
    if (cx === x && cy === y) return true;
    if (blocksSight(g.cells[cy * g.width + cx] ?? Cell.wall)) return false;
  }
}

/** What one crew member sees now: itself, and every crew member, victim in the incident, item and
 *  hazard within its sight. The victim it carries is always in view. */
export function crewSight(w: WorldState, c: CrewState, doors: readonly DoorPlace[] = []): Sighted {
  const cells = sightM(w, c) / CELL_SIZE_M;
  return { ...movingSight(w, c, cells), ...fixedSight(w, c, cells, doors) };
}

/** The part of a crew member's sight that moves on its own: the other crew and the casualties. */
export function movingSight(w: WorldState, c: CrewState, cells: number): Pick<Sighted, 'crew' | 'victims' | 'floors'> {
  const crew = new Set([c.id]);
  const victims = new Set<string>();
  for (const m of w.crew) if (m !== c && seesCell(w, c, cells, m.floor, m.x, m.y)) crew.add(m.id);
  for (const v of w.victims) if (!v.hidden && (v.carriedBy === c.id || seesCell(w, c, cells, v.floor, v.x, v.y))) victims.add(v.id);
  return { crew, victims, floors: new Set([c.floor]) };
}

/** The part that stays put: items, doors and weak floors. It changes only when the crew member moves,
 *  its sight distance changes or a cell of its floor does (FloorGrid.version), so it can be kept. */
export function fixedSight(w: WorldState, c: CrewState, cells: number, doors: readonly DoorPlace[] = []): Pick<Sighted, 'items' | 'doors' | 'hazards'> {
  const items = new Set<string>();
  const doorIds = new Set<string>();
  const hazards = new Set<string>();
  for (const i of w.items) if (seesCell(w, c, cells, i.floor, i.x, i.y)) items.add(i.id);
  for (const d of doors) if (seesCell(w, c, cells, d.floor, d.x, d.y)) doorIds.add(d.id);
  // A weak floor is seen when any of its cells is.
  for (const h of w.hazards) {
    let seen = false;
    for (let y = h.y; y < h.y + h.h && !seen; y++) for (let x = h.x; x < h.x + h.w && !seen; x++) seen = seesCell(w, c, cells, h.floor, x, y);
    if (seen) hazards.add(h.id);
  }
  return { items, doors: doorIds, hazards };
}

/** Sight thins with every change of smoke, but seesCell compares it with whole squared cell distances, so
 *  two sights with the same floor(cells^2) see exactly the same cells. */
function reachOf(cells: number): number {
  return Math.floor(cells * cells);
}

/** How far `c` sees now, in the only terms that change what it sees: floor(cells^2). */
export function sightReach(w: WorldState, c: CrewState): number {
  return reachOf(sightM(w, c) / CELL_SIZE_M);
}

/** crewSight for each crew member tick after tick, keeping the fixed part while where it stands, how many
 *  cells it reaches and its floor's cells (FloorGrid.version) stay the same, as on most ticks. The sets it returns
 *  may be shared with later ticks: read them, never change them. */
export class CrewSightCache {
  private readonly fixed = new Map<string, { key: string; sight: Pick<Sighted, 'items' | 'doors' | 'hazards'> }>();

  constructor(private readonly doors: readonly DoorPlace[] = []) {}

  sight(w: WorldState, c: CrewState): Sighted {
    const cells = sightM(w, c) / CELL_SIZE_M;
    const key = `${c.floor}:${c.x}:${c.y}:${reachOf(cells)}:${w.floors[c.floor]?.version ?? 0}`;
    let fixed = this.fixed.get(c.id);
    if (fixed?.key !== key) {
      fixed = { key, sight: fixedSight(w, c, cells, this.doors) };
      this.fixed.set(c.id, fixed);
    }
    return { ...movingSight(w, c, cells), ...fixed.sight };
  }
}

/** Everything some crew member has seen since the drill began: what the commander can know of. */
export class FoundSoFar {
  readonly victims = new Set<string>();
  readonly items = new Set<string>();
  readonly hazards = new Set<string>();
  readonly doors = new Set<string>();

  note(s: Sighted): void {
    for (const id of s.doors) this.doors.add(id);
    for (const id of s.victims) this.victims.add(id);
    for (const id of s.items) this.items.add(id);
    for (const id of s.hazards) this.hazards.add(id);
  }
}

/** What `seat` receives this tick, given each crew member's sight and what crews have found so far. */
export function seatSight(w: WorldState, seat: Seat, byCrew: ReadonlyMap<string, Sighted>, found: FoundSoFar, doors: readonly DoorPlace[] = []): Sighted {
  switch (seat.kind) {
    case 'instructor':
      return {
        crew: new Set(w.crew.map((c) => c.id)),
        victims: new Set(w.victims.map((v) => v.id)),
        items: new Set(w.items.map((i) => i.id)),
        hazards: new Set(w.hazards.map((h) => h.id)),
        doors: new Set(doors.map((d) => d.id)),
        floors: new Set(w.floors.map((_, f) => f)),
      };
    case 'commander': {
      // The overview: every crew member where it is, and what the crews have reported seeing.
      const own = byCrew.get(seat.crewId) ?? emptySighted();
      return {
        crew: new Set(w.crew.map((c) => c.id)),
        victims: new Set([...found.victims, ...own.victims]),
        items: new Set([...found.items, ...own.items]),
        hazards: new Set([...found.hazards, ...own.hazards]),
        doors: new Set([...found.doors, ...own.doors]),
        floors: new Set(w.crew.map((c) => c.floor)),
      };
    }
    case 'crew':
      return byCrew.get(seat.crewId) ?? emptySighted();
    case 'none':
      return emptySighted();
  }
}
