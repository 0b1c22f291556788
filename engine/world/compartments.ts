/** Compartments derived from the walls: rooms are flood-filled regions of indoor cells bounded by
 *  walls, doors and windows; doors and windows are the openings between them, one opening per run of
 *  adjacent door (or window) cells whatever the number drawn. Each tick the world asks here for a
 *  room's ventilation and its MQH hot layer and flashover threshold. */
import { CELL_SIZE_M } from './constants';
import { flashoverHrrMqh, mqhTemperatureRise, shutRoomRiseStep, ventilationLimitedHrr, type CompartmentGeometry, type Opening } from './compartmentFire';
import { Cell, type FloorGrid } from './grid';

/** An opening's size when drawn one cell wide: a standard doorway is 0.9 x 2.0 m and a window
 *  1.2 x 1.0 m, wider than the 0.5 m cell. A run of n cells is max(standard, n * 0.5 m) wide. A shut
 *  door still leaks through its gaps (0.02 m^2 for a standard door, in proportion to width); a
 *  shut window leaks far less. */
const DOOR = { width: 0.9, height: 2.0, open: 1.8, gap: 0.02 };
const WINDOW = { width: 1.2, height: 1.0, open: 1.2, gap: 0.005 };

/** One door or window: a run of adjacent door cells (or of window cells) counts once. */
export interface OpeningGroup {
  /** Its cells, in ascending order. */
  cells: number[];
  door: boolean;
}

export interface Compartment {
  /** Index in the floor's compartment list. */
  id: number;
  floor: number;
  cells: number;
  geometry: CompartmentGeometry;
  /** Doors and windows on this room's boundary, by their first cell. */
  openings: OpeningGroup[];
  /** The room's bounding box in cells. */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** A corridor: at most 2.5 m wide and at least five times as long (and 6 m). Smoke runs along it as
   *  a front (smokeFront.ts) instead of filling it at once. Width and length from its box, in m. */
  corridor: boolean;
  widthM: number;
  lengthM: number;
}

/** The widest a corridor is, and how much longer than wide and how long at least. */
const CORRIDOR_MAX_WIDTH_M = 2.5;
const CORRIDOR_MIN_ASPECT = 5;
const CORRIDOR_MIN_LENGTH_M = 6;

export interface FloorCompartments {
  /** Compartment id per cell; -1 for walls, doors, windows and outdoor cells. */
  cellRoom: Int16Array;
  rooms: Compartment[];
  /** Every door and window of the floor, by first cell. */
  openings: OpeningGroup[];
}

const isIndoor = (k: number): boolean => k === Cell.floor || k === Cell.stairs;
const isDoorCell = (k: number): boolean => k === Cell.doorClosed || k === Cell.doorOpen || k === Cell.doorLocked;
const isWindowCell = (k: number): boolean => k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;
const isOpeningCell = (k: number): boolean => isDoorCell(k) || isWindowCell(k);

/** Groups door cells that touch (up, down, left, right) into one door, and window cells into one
 *  window: a door drawn two cells wide is one wider door, not two. Cells keep their kind's family as
 *  doors open and shut, so the groups are derived once. Returns the groups and each cell's group. */
export function groupOpenings(g: FloorGrid): { groups: OpeningGroup[]; groupOf: Int32Array } {
  const { width, height, cells } = g;
  const groupOf = new Int32Array(width * height).fill(-1);
  const groups: OpeningGroup[] = [];
  for (let start = 0; start < cells.length; start++) {
    const k0 = cells[start] ?? Cell.wall;
    if (groupOf[start] !== -1 || !isOpeningCell(k0)) continue;
    const door = isDoorCell(k0);
    const same = door ? isDoorCell : isWindowCell;
    const id = groups.length;
    const members: number[] = [];
    const stack = [start];
    groupOf[start] = id;
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (const n of [y > 0 ? i - width : -1, y < height - 1 ? i + width : -1, x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1]) {
        if (n < 0 || groupOf[n] !== -1 || !same(cells[n] ?? Cell.wall)) continue;
        groupOf[n] = id;
        stack.push(n);
      }
    }
    groups.push({ cells: members.sort((a, b) => a - b), door });
  }
  return { groups, groupOf };
}

export function deriveCompartments(g: FloorGrid, floor: number, ceilingM: number, hk: number): FloorCompartments {
  const { width, height, cells } = g;
  const { groups, groupOf } = groupOpenings(g);
  const cellRoom = new Int16Array(width * height).fill(-1);
  const rooms: Compartment[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (cellRoom[start] !== -1 || !isIndoor(cells[start] ?? Cell.wall)) continue;
    const id = rooms.length;
    let count = 0;
    let wallEdges = 0;
    const box = { x0: width, y0: height, x1: -1, y1: -1 };
    const openings = new Set<number>();
    cellRoom[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      count += 1;
      const x = i % width;
      const y = (i - x) / width;
      if (x < box.x0) box.x0 = x;
      if (y < box.y0) box.y0 = y;
      if (x > box.x1) box.x1 = x;
      if (y > box.y1) box.y1 = y;
      const neighbours = [y > 0 ? i - width : -1, y < height - 1 ? i + width : -1, x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1];
      for (const n of neighbours) {
        const k = n < 0 ? Cell.wall : (cells[n] ?? Cell.wall);
        if (isIndoor(k)) {
          if (cellRoom[n] === -1) {
            cellRoom[n] = id;
            stack.push(n);
          }
        } else {
          wallEdges += 1;
          if (isOpeningCell(k)) openings.add(groupOf[n] ?? -1);
        }
      }
    }
    rooms.push({
      id,
      floor,
      cells: count,
      geometry: { floorArea: count * CELL_SIZE_M * CELL_SIZE_M, perimeter: wallEdges * CELL_SIZE_M, ceilingHeight: ceilingM, hk },
      openings: [...openings]
        .map((o) => groups[o])
        .filter((o): o is OpeningGroup => o !== undefined)
        .sort((a, b) => (a.cells[0] ?? 0) - (b.cells[0] ?? 0)),
      box,
      ...corridorShape(box),
    });
  }
  return { cellRoom, rooms, openings: groups };
}

function corridorShape(box: { x0: number; y0: number; x1: number; y1: number }): { corridor: boolean; widthM: number; lengthM: number } {
  const a = (box.x1 - box.x0 + 1) * CELL_SIZE_M;
  const b = (box.y1 - box.y0 + 1) * CELL_SIZE_M;
  const widthM = a < b ? a : b;
  const lengthM = a < b ? b : a;
  return { corridor: widthM <= CORRIDOR_MAX_WIDTH_M && lengthM >= CORRIDOR_MIN_ASPECT * widthM && lengthM >= CORRIDOR_MIN_LENGTH_M, widthM, lengthM };
}

/** How many of an opening's cells stand open now (an open door, an open or cut window). */
function openCells(g: FloorGrid, o: OpeningGroup): number {
  let n = 0;
  for (const i of o.cells) {
    const k = g.cells[i];
    if (k === Cell.doorOpen || k === Cell.windowOpen) n += 1;
  }
  return n;
}

/** An opening as it stands now: its width from the cells drawn, open in proportion to the cells that
 *  stand open, the rest leaking through gaps. One cell gives exactly the standard door or window. */
export function openingNow(g: FloorGrid, o: OpeningGroup): Opening {
  const std = o.door ? DOOR : WINDOW;
  const n = o.cells.length;
  const open = openCells(g, o);
  if (n === 1) return { area: open === 1 ? std.open : std.gap, height: std.height };
  const drawn = n * CELL_SIZE_M;
  const scale = drawn > std.width ? drawn / std.width : 1;
  return { area: (scale * (std.open * open + std.gap * (n - open))) / n, height: std.height };
}

/** The room's openings as they stand now (doors open or shut), one per door or window. */
export function currentOpenings(g: FloorGrid, room: Compartment): Opening[] {
  return room.openings.map((o) => openingNow(g, o));
}

export interface RoomFire {
  /** Most heat (kW) the openings can feed. */
  ventLimitKW: number;
  /** Heat release at which the room flashes over (MQH). */
  flashoverKW: number;
  /** MQH hot-layer temperature in degrees Celsius for `hrrKW`. */
  hotLayerC: number;
}

export function roomFire(g: FloorGrid, room: Compartment, hrrKW: number, ambientC: number): RoomFire {
  const openings = currentOpenings(g, room);
  return {
    ventLimitKW: ventilationLimitedHrr(openings),
    flashoverKW: flashoverHrrMqh(room.geometry, openings),
    hotLayerC: ambientC + mqhTemperatureRise(hrrKW, room.geometry, openings),
  };
}

/** A room's openings and its fire with no heat release, worked out again only when a cell of its floor
 *  changes (FloorGrid.version): every room is asked every tick, and most ticks no door moves. Read the
 *  result; never change it. */
interface QuietRoom {
  grid: FloorGrid;
  version: number;
  ambientC: number;
  openings: Opening[];
  /** No door or window of the room stands open: only gaps leak. */
  shut: boolean;
  fire: RoomFire;
}
const quietRooms = new WeakMap<Compartment, QuietRoom>();

function quietRoom(g: FloorGrid, room: Compartment, ambientC: number): QuietRoom {
  const kept = quietRooms.get(room);
  if (kept && kept.grid === g && kept.version === g.version && kept.ambientC === ambientC) return kept;
  const openings = currentOpenings(g, room);
  const shut = room.openings.every((o) => openCells(g, o) === 0);
  const made = { grid: g, version: g.version, ambientC, openings, shut, fire: roomFire(g, room, 0, ambientC) };
  quietRooms.set(room, made);
  return made;
}

/** roomFire with no heat release, as it stands now: the same numbers, kept between ticks. */
export function roomAtRest(g: FloorGrid, room: Compartment, ambientC: number): RoomFire {
  return quietRoom(g, room, ambientC).fire;
}

/** The MQH hot layer for `hrrKW`, over the room's openings as they stand now. */
export function hotLayer(g: FloorGrid, room: Compartment, hrrKW: number, ambientC: number): number {
  const quiet = quietRoom(g, room, ambientC);
  return hrrKW === 0 ? quiet.fire.hotLayerC : ambientC + mqhTemperatureRise(hrrKW, room.geometry, quiet.openings);
}

/** Whether every door and window of the room is shut (gaps only). */
export function isShut(g: FloorGrid, room: Compartment, ambientC: number): boolean {
  return quietRoom(g, room, ambientC).shut;
}

/** The hot layer of a room after one more step of `dtS` seconds. With a door or window open it is the
 *  MQH quasi-steady layer (the correlation's domain); shut, the gap is no vent for MQH, and the layer
 *  follows the energy balance from where it stands (`layerC`), `seconds` after its fire began. */
export function nextHotLayer(g: FloorGrid, room: Compartment, hrrKW: number, layerC: number, seconds: number, dtS: number, ambientC: number): number {
  const quiet = quietRoom(g, room, ambientC);
  if (!quiet.shut) return hrrKW === 0 ? quiet.fire.hotLayerC : ambientC + mqhTemperatureRise(hrrKW, room.geometry, quiet.openings);
  const rise = layerC > ambientC ? layerC - ambientC : 0;
  if (rise === 0 && hrrKW === 0) return ambientC;
  return ambientC + shutRoomRiseStep(rise, hrrKW, seconds, dtS, room.geometry, quiet.openings);
}
