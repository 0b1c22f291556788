/** Floors as typed arrays of cell kinds, built from a scenario's map rows, and the questions the rest
 *  of the world asks of them (inside, walkable, blocks heat). No fire or crew logic here. */
import type { Floor } from '../scenario/format';

export const Cell = {
  wall: 0,
  floor: 1,
  outdoor: 2,
  doorClosed: 3,
  doorOpen: 4,
  doorLocked: 5,
  window: 6,
  windowGrille: 7,
  stairs: 8,
  /** A window opened or with its grille cut: gas vents through it and a ladder reaches it. */
  windowOpen: 9,
} as const;
export type CellKind = (typeof Cell)[keyof typeof Cell];

const FROM_CHAR: Record<string, CellKind> = {
  '#': Cell.wall,
  '.': Cell.floor,
  ',': Cell.outdoor,
  D: Cell.doorClosed,
  d: Cell.doorOpen,
  L: Cell.doorLocked,
  W: Cell.window,
  G: Cell.windowGrille,
  S: Cell.stairs,
  O: Cell.windowOpen,
};

export interface FloorGrid {
  id: string;
  width: number;
  height: number;
  cells: Uint8Array;
  /** Bumped whenever a cell changes kind (a door opens), so derived masks know to rebuild. */
  version: number;
  /** Cache of which cells let gas through, valid while openVersion === version. */
  open?: Uint8Array;
  openVersion?: number;
  /** Cache: the box holding every cell whose heat or smoke is off ambient; null when none, absent when
   *  unknown (a fresh or copied world scans once). Everything that writes the fields extends it. */
  fieldBox?: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** Records that the fields changed inside (x0, y0)-(x1, y1), so the next field step covers it. */
export function markFields(g: FloorGrid, x0: number, y0: number, x1: number, y1: number): void {
  const b = g.fieldBox;
  if (b === undefined) return;
  g.fieldBox = b === null ? { x0, y0, x1, y1 } : { x0: Math.min(b.x0, x0), y0: Math.min(b.y0, y0), x1: Math.max(b.x1, x1), y1: Math.max(b.y1, y1) };
}

/** Builds a grid from map rows; rows shorter than the widest are padded with walls
 *  (checkScenario reports them, but the world must never index outside its arrays). */
export function buildFloorGrid(floor: Floor): FloorGrid {
  const height = floor.rows.length;
  const width = Math.max(...floor.rows.map((r) => r.length));
  const cells = new Uint8Array(width * height);
  floor.rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) cells[y * width + x] = FROM_CHAR[row[x] ?? '#'] ?? Cell.wall;
  });
  return { id: floor.id, width, height, cells, version: 0 };
}

export function inBounds(g: FloorGrid, x: number, y: number): boolean {
  return x >= 0 && y >= 0 && x < g.width && y < g.height;
}

export function cellAt(g: FloorGrid, x: number, y: number): CellKind {
  return inBounds(g, x, y) ? ((g.cells[y * g.width + x] ?? Cell.wall) as CellKind) : Cell.wall;
}

export function isWalkable(kind: number): boolean {
  return kind === Cell.floor || kind === Cell.outdoor || kind === Cell.doorOpen || kind === Cell.stairs || kind === Cell.windowOpen;
}

/** Heat and smoke pass through open cells and open doors, not through walls, closed doors or glazing. */
export function isOpenToGas(kind: number): boolean {
  return isWalkable(kind);
}

export function isDoor(kind: number): boolean {
  return kind === Cell.doorClosed || kind === Cell.doorOpen || kind === Cell.doorLocked;
}

/** Changes one cell's kind and invalidates masks derived from the grid. */
export function setCell(g: FloorGrid, x: number, y: number, kind: CellKind): void {
  g.cells[y * g.width + x] = kind;
  g.version += 1;
}
