/** Whether a stream of water or extinguishing agent can reach a cell: same floor, within the throw, and
 *  a clear line on the grid (walls, shut doors and glazed windows stop it; open doors and open windows
 *  let it through). Integer arithmetic only; reads the grid and never changes it. */
import { Cell, type FloorGrid } from './grid';
import type { WorldState } from './WorldState';

/** A stream stops at a wall, a shut or locked door, and glass (a window not yet opened, grilled or not). */
export function blocksStream(kind: number): boolean {
  return kind === Cell.wall || kind === Cell.doorClosed || kind === Cell.doorLocked || kind === Cell.window || kind === Cell.windowGrille;
}

function blocksAt(g: FloorGrid, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= g.width || y >= g.height) return true;
  return blocksStream(g.cells[y * g.width + x] ?? Cell.wall);
}

/** Whether the straight line between the centres of cells (x0, y0) and (x1, y1) crosses no blocking
 *  cell. Every cell the segment touches is checked (a supercover walk, not Bresenham, which skips
 *  cells the line clips); where it passes exactly through a cell corner, either cell beside that corner
 *  blocks it, so a stream never slips between two walls that meet diagonally. The end cells themselves
 *  are not checked: the nozzle's own cell and the target's. */
export function clearLine(g: FloorGrid, x0: number, y0: number, x1: number, y1: number): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const nx = Math.abs(dx);
  const ny = Math.abs(dy);
  const sx = dx > 0 ? 1 : -1;
  const sy = dy > 0 ? 1 : -1;
  let x = x0;
  let y = y0;
  let ix = 0;
  let iy = 0;
  while (ix < nx || iy < ny) {
    // Which cell edge the segment crosses next, compared in integers: (0.5 + ix) / nx against (0.5 + iy) / ny.
    const decision = (1 + 2 * ix) * ny - (1 + 2 * iy) * nx;
    if (decision === 0) {
      if (blocksAt(g, x + sx, y) || blocksAt(g, x, y + sy)) return false;
      x += sx;
      y += sy;
      ix += 1;
      iy += 1;
    } else if (decision < 0) {
      x += sx;
      ix += 1;
    } else {
      y += sy;
      iy += 1;
    }
    if (x === x1 && y === y1) return true;
    if (blocksAt(g, x, y)) return false;
  }
  return true;
}

/** Whether a nozzle at (x, y) on `floor` with a throw of `rangeCells` reaches `target`. */
export function inLineOfFire(w: WorldState, floor: number, x: number, y: number, target: { floor: number; x: number; y: number }, rangeCells: number): boolean {
  if (target.floor !== floor) return false;
  const dx = target.x - x;
  const dy = target.y - y;
  if (dx * dx + dy * dy > rangeCells * rangeCells) return false;
  const g = w.floors[floor];
  return g !== undefined && clearLine(g, x, y, target.x, target.y);
}
