/** Draws a floor's cells (floor, outdoor, walls, doors, windows, stairs) into a Graphics object in a
 *  flat top-down style. Pure drawing from the grid: it reads the world, never changes it. */
import type Phaser from 'phaser';
import { Cell, type FloorGrid } from '../../engine/index';
import { CELL_PX } from './constants';

const C = {
  floor: 0xe3d5b8,
  floorLine: 0xcdbd9c,
  outdoor: 0x8d939b,
  outdoorLine: 0x7d838b,
  wall: 0x2b313c,
  wallEdge: 0x4a5361,
  door: 0x8b5a2b,
  doorDark: 0x5e3b1a,
  lock: 0xc0392b,
  glass: 0x8fd3ff,
  grille: 0x1f2630,
  stairs: 0xb9ab8f,
} as const;

function kindAt(g: FloorGrid, x: number, y: number): number {
  if (x < 0 || y < 0 || x >= g.width || y >= g.height) return Cell.wall;
  return g.cells[y * g.width + x] ?? Cell.wall;
}

/** A door or window in a wall that runs left-right is drawn lying horizontally. */
function runsHorizontally(g: FloorGrid, x: number, y: number): boolean {
  const solid = (k: number): boolean => k === Cell.wall || k === Cell.window || k === Cell.windowGrille;
  return solid(kindAt(g, x - 1, y)) || solid(kindAt(g, x + 1, y));
}

function ground(gfx: Phaser.GameObjects.Graphics, color: number, line: number, px: number, py: number): void {
  gfx.fillStyle(color, 1).fillRect(px, py, CELL_PX, CELL_PX);
  gfx.lineStyle(1, line, 1).strokeRect(px + 0.5, py + 0.5, CELL_PX - 1, CELL_PX - 1);
}

function door(gfx: Phaser.GameObjects.Graphics, kind: number, horizontal: boolean, px: number, py: number): void {
  ground(gfx, C.floor, C.floorLine, px, py);
  const t = 6;
  const mid = CELL_PX / 2 - t / 2;
  if (kind === Cell.doorOpen) {
    // An open leaf swung against the jamb, plus the jamb ends, so the gap still reads as a doorway.
    gfx.fillStyle(C.wall, 1);
    if (horizontal) gfx.fillRect(px, py + mid, 3, t).fillRect(px + CELL_PX - 3, py + mid, 3, t);
    else gfx.fillRect(px + mid, py, t, 3).fillRect(px + mid, py + CELL_PX - 3, t, 3);
    gfx.fillStyle(C.door, 1);
    if (horizontal) gfx.fillRect(px + 2, py + mid - CELL_PX / 2 + 4, 4, CELL_PX / 2);
    else gfx.fillRect(px + mid - CELL_PX / 2 + 4, py + 2, CELL_PX / 2, 4);
    return;
  }
  gfx.fillStyle(C.door, 1).lineStyle(2, C.doorDark, 1);
  if (horizontal) gfx.fillRect(px, py + mid, CELL_PX, t).strokeRect(px, py + mid, CELL_PX, t);
  else gfx.fillRect(px + mid, py, t, CELL_PX).strokeRect(px + mid, py, t, CELL_PX);
  if (kind === Cell.doorLocked) gfx.fillStyle(C.lock, 1).fillCircle(px + CELL_PX / 2, py + CELL_PX / 2, 4);
}

function windowCell(gfx: Phaser.GameObjects.Graphics, grille: boolean, horizontal: boolean, px: number, py: number): void {
  gfx.fillStyle(C.wall, 1).fillRect(px, py, CELL_PX, CELL_PX);
  const inset = 10;
  gfx.fillStyle(C.glass, 1);
  if (horizontal) gfx.fillRect(px, py + inset, CELL_PX, CELL_PX - 2 * inset);
  else gfx.fillRect(px + inset, py, CELL_PX - 2 * inset, CELL_PX);
  if (!grille) return;
  gfx.lineStyle(2, C.grille, 1);
  for (let k = 6; k < CELL_PX; k += 8) {
    if (horizontal) gfx.lineBetween(px + k, py + inset, px + k, py + CELL_PX - inset);
    else gfx.lineBetween(px + inset, py + k, px + CELL_PX - inset, py + k);
  }
}

/** Redraws the whole floor; cheap enough to call whenever a door changes. */
export function drawMap(gfx: Phaser.GameObjects.Graphics, g: FloorGrid): void {
  gfx.clear();
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const kind = kindAt(g, x, y);
      const px = x * CELL_PX;
      const py = y * CELL_PX;
      switch (kind) {
        case Cell.floor:
          ground(gfx, C.floor, C.floorLine, px, py);
          break;
        case Cell.outdoor:
          ground(gfx, C.outdoor, C.outdoorLine, px, py);
          break;
        case Cell.stairs:
          ground(gfx, C.stairs, C.floorLine, px, py);
          gfx.lineStyle(2, C.wallEdge, 1);
          for (let k = 6; k < CELL_PX; k += 8) gfx.lineBetween(px + 2, py + k, px + CELL_PX - 2, py + k);
          break;
        case Cell.doorClosed:
        case Cell.doorOpen:
        case Cell.doorLocked:
          door(gfx, kind, runsHorizontally(g, x, y), px, py);
          break;
        case Cell.window:
        case Cell.windowGrille:
          windowCell(gfx, kind === Cell.windowGrille, runsHorizontally(g, x, y), px, py);
          break;
        case Cell.windowOpen:
          // An opened (or cut) window: the frame with no glass, dark as the gap it is.
          gfx.fillStyle(C.wall, 1).fillRect(px, py, CELL_PX, CELL_PX);
          gfx.fillStyle(C.grille, 1).fillRect(px + 6, py + 6, CELL_PX - 12, CELL_PX - 12);
          break;
        default:
          gfx.fillStyle(C.wall, 1).fillRect(px, py, CELL_PX, CELL_PX);
          // A lighter top edge where a wall faces open floor gives the plan some depth.
          if (kindAt(g, x, y + 1) !== Cell.wall) gfx.fillStyle(C.wallEdge, 1).fillRect(px, py + CELL_PX - 4, CELL_PX, 4);
      }
    }
  }
}
