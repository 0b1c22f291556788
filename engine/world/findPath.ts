/** Shortest walkable path between two cells of one floor (breadth-first, 4-connected, fixed
 *  neighbour order so equal-length paths always resolve the same way). */
import { cellAt, isWalkable, type FloorGrid } from './grid';

const DX = [0, 1, 0, -1];
const DY = [-1, 0, 1, 0];

/** Search buffers kept between calls: a move order searches a few cells of a floor that may hold tens of
 *  thousands, so clearing two floor-sized arrays per call cost more than the search. A cell counts as
 *  reached in this search only when its stamp equals the current one. */
let prev = new Int32Array(0);
let queue = new Int32Array(0);
let reached = new Uint32Array(0);
let stamp = 0;

function newSearch(cells: number): number {
  if (reached.length < cells) {
    prev = new Int32Array(cells);
    queue = new Int32Array(cells);
    reached = new Uint32Array(cells);
    stamp = 0;
  }
  if (stamp === 0xffffffff) {
    reached.fill(0);
    stamp = 0;
  }
  stamp += 1;
  return stamp;
}

/** Cell indices from the first step to the goal (excluding the start); null when unreachable.
 *  `passable` decides which cell kinds may be crossed (bots plan through doors they will open). */
export function findPath(g: FloorGrid, sx: number, sy: number, gx: number, gy: number, passable: (kind: number) => boolean = isWalkable): number[] | null {
  if (!passable(cellAt(g, gx, gy))) return null;
  const start = sy * g.width + sx;
  const goal = gy * g.width + gx;
  if (start === goal) return [];
  const search = newSearch(g.width * g.height);
  prev[start] = start;
  reached[start] = search;
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  while (head < tail) {
    const cur = queue[head++] ?? 0;
    if (cur === goal) break;
    const cx = cur % g.width;
    const cy = (cur - cx) / g.width;
    for (let d = 0; d < 4; d++) {
      const nx = cx + (DX[d] ?? 0);
      const ny = cy + (DY[d] ?? 0);
      if (!passable(cellAt(g, nx, ny))) continue;
      const ni = ny * g.width + nx;
      if (reached[ni] === search) continue;
      reached[ni] = search;
      prev[ni] = cur;
      queue[tail++] = ni;
    }
  }
  if (reached[goal] !== search) return null;
  const path: number[] = [];
  for (let c = goal; c !== start; c = prev[c] ?? start) path.push(c);
  return path.reverse();
}

/** The closest cell (by walking) from (sx, sy) that satisfies `wanted`; null when none is reachable. */
export function nearestCell(g: FloorGrid, sx: number, sy: number, wanted: (x: number, y: number) => boolean, passable: (kind: number) => boolean = isWalkable): [number, number] | null {
  const seen = new Uint8Array(g.width * g.height);
  const queue: number[] = [sy * g.width + sx];
  seen[sy * g.width + sx] = 1;
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head] ?? 0;
    const cx = cur % g.width;
    const cy = (cur - cx) / g.width;
    if (wanted(cx, cy)) return [cx, cy];
    for (let d = 0; d < 4; d++) {
      const nx = cx + (DX[d] ?? 0);
      const ny = cy + (DY[d] ?? 0);
      if (!passable(cellAt(g, nx, ny))) continue;
      const ni = ny * g.width + nx;
      if (seen[ni]) continue;
      seen[ni] = 1;
      queue.push(ni);
    }
  }
  return null;
}
