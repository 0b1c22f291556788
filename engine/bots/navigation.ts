/** How bots get about: walking to a cell that satisfies a goal (opening closed doors on the way) and
 *  taking the stairs towards another storey. Produces intents only; never touches the world. */
import type { Intent } from '../intents/Intent';
import { findPath, nearestCell } from '../world/findPath';
import { Cell, cellAt, isWalkable } from '../world/grid';
import type { CrewState, WorldState } from '../world/WorldState';

export type Goal = (x: number, y: number) => boolean;

export const throughDoors = (kind: number): boolean => isWalkable(kind) || kind === Cell.doorClosed;

/** Intents that walk `c` towards a cell satisfying `wanted` on its own floor; [] when there or stuck. */
export function approach(w: WorldState, c: CrewState, wanted: Goal): Intent[] {
  const g = w.floors[c.floor];
  if (!g || c.path.length > 0 || c.stepCooldown > 0 || wanted(c.x, c.y)) return [];
  const goal = nearestCell(g, c.x, c.y, wanted, throughDoors);
  if (!goal) return [];
  const plan = findPath(g, c.x, c.y, goal[0], goal[1], throughDoors);
  const next = plan?.[0];
  if (next === undefined) return [];
  const nx = next % g.width;
  const ny = (next - nx) / g.width;
  // Open the door ahead first; otherwise walk as far as the next closed door.
  if (cellAt(g, nx, ny) === Cell.doorClosed) return [{ type: 'toggleDoor', crewId: c.id, x: nx, y: ny }];
  const doorAt = plan?.findIndex((i) => g.cells[i] === Cell.doorClosed) ?? -1;
  const stop = doorAt > 0 ? plan?.[doorAt - 1] : goal[1] * g.width + goal[0];
  if (stop === undefined) return [];
  const sx = stop % g.width;
  return [{ type: 'moveTo', crewId: c.id, x: sx, y: (stop - sx) / g.width }];
}

/** Whether a goal on this floor can be walked to (doors may be opened, nothing forced). */
export function reachable(w: WorldState, c: CrewState, wanted: Goal): boolean {
  const g = w.floors[c.floor];
  return g !== undefined && nearestCell(g, c.x, c.y, wanted, throughDoors) !== null;
}

/** Intents that take `c` one leg closer to floor index `target` by the stairs; [] when no stair leads there. */
export function towardsFloor(w: WorldState, c: CrewState, target: number): Intent[] {
  const here = w.levels[c.floor] ?? 0;
  const there = w.levels[target] ?? 0;
  if (here === there || c.path.length > 0 || c.stepCooldown > 0) return [];
  const up = there > here;
  const g = w.floors[c.floor];
  if (!g) return [];
  const links = w.stairs.filter((l) => (up ? l.lower === c.floor : l.upper === c.floor));
  const cells = new Set(links.map((l) => (up ? l.lowerCell : l.upperCell)));
  if (cells.has(c.y * g.width + c.x)) return [{ type: 'useStairs', crewId: c.id, dir: up ? 'up' : 'down' }];
  return approach(w, c, (x, y) => cells.has(y * g.width + x));
}

export const near = (x0: number, y0: number): Goal => (x, y) => Math.abs(x - x0) <= 1 && Math.abs(y - y0) <= 1;
export const within = (x0: number, y0: number, r: number): Goal => (x, y) => (x - x0) * (x - x0) + (y - y0) * (y - y0) <= r * r;
