/** Compartments derived from the walls: rooms are flood-filled regions of indoor cells bounded by
 *  walls, doors and windows; doors and windows are the openings between them. Each tick the world
 *  asks here for a room's ventilation and its MQH hot layer and flashover threshold. */
import { CELL_SIZE_M } from './constants';
import { flashoverHrrMqh, mqhTemperatureRise, ventilationLimitedHrr, type CompartmentGeometry, type Opening } from './compartmentFire';
import { Cell, type FloorGrid } from './grid';

/** A standard doorway, 0.9 x 2.0 m, whatever the number of cells drawn. */
const DOOR: Opening = { area: 1.8, height: 2.0 };
/** A closed door still leaks through its gaps; a fire behind it starves but does not go out at once. */
const DOOR_GAP: Opening = { area: 0.02, height: 2.0 };
/** A closed window leaks far less. */
const WINDOW_GAP: Opening = { area: 0.005, height: 1.0 };
const WINDOW_OPEN: Opening = { area: 1.2, height: 1.0 };

export interface Compartment {
  /** Index in the floor's compartment list. */
  id: number;
  floor: number;
  cells: number;
  geometry: CompartmentGeometry;
  /** Door and window cells on this room's boundary. */
  openingCells: number[];
  /** The room's bounding box in cells. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

export interface FloorCompartments {
  /** Compartment id per cell; -1 for walls, doors, windows and outdoor cells. */
  cellRoom: Int16Array;
  rooms: Compartment[];
}

const isIndoor = (k: number): boolean => k === Cell.floor || k === Cell.stairs;
const isOpeningCell = (k: number): boolean => k === Cell.doorClosed || k === Cell.doorOpen || k === Cell.doorLocked || k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;

export function deriveCompartments(g: FloorGrid, floor: number, ceilingM: number, hk: number): FloorCompartments {
  const { width, height, cells } = g;
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
          if (isOpeningCell(k)) openings.add(n);
        }
      }
    }
    rooms.push({
      id,
      floor,
      cells: count,
      geometry: { floorArea: count * CELL_SIZE_M * CELL_SIZE_M, perimeter: wallEdges * CELL_SIZE_M, ceilingHeight: ceilingM, hk },
      openingCells: [...openings].sort((a, b) => a - b),
      box,
    });
  }
  return { cellRoom, rooms };
}

/** The room's openings as they stand now (doors open or shut). */
export function currentOpenings(g: FloorGrid, room: Compartment): Opening[] {
  return room.openingCells.map((i) => {
    const k = g.cells[i] ?? Cell.wall;
    if (k === Cell.doorOpen) return DOOR;
    if (k === Cell.window || k === Cell.windowGrille) return WINDOW_GAP;
    return k === Cell.doorClosed || k === Cell.doorLocked ? DOOR_GAP : WINDOW_OPEN;
  });
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
  fire: RoomFire;
}
const quietRooms = new WeakMap<Compartment, QuietRoom>();

function quietRoom(g: FloorGrid, room: Compartment, ambientC: number): QuietRoom {
  const kept = quietRooms.get(room);
  if (kept && kept.grid === g && kept.version === g.version && kept.ambientC === ambientC) return kept;
  const openings = currentOpenings(g, room);
  const made = { grid: g, version: g.version, ambientC, openings, fire: roomFire(g, room, 0, ambientC) };
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
