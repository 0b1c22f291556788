/** Where the furnishings that say what a room is go: for each zone with a kind, its decor (assetKeys'
 *  DECOR_BY_ZONE) along the zone's walls, backs to the wall, never on a doorway or the cells in front of
 *  it, an item, a stair or another piece. A pure function of the plan, so every seat sees the same room.
 *  Decoration only: the engine knows nothing of it and nobody is blocked by it. */
import { Cell, type FloorGrid, type Scenario } from '../../../engine/index';
import { DECOR_BY_ZONE } from './assetKeys';

export interface DecorPlace {
  key: string;
  /** Centre of the piece in cells (fractions allowed). */
  x: number;
  y: number;
  /** Degrees: 0 has the piece's back to a wall on its north. */
  angle: number;
}

type Size = { width: number; height: number };

/** Cells a piece of `size` game pixels covers, rotated by `angle`. */
function footprint(size: Size, angle: number): { w: number; h: number } {
  const w = Math.max(1, Math.ceil(size.width / 32));
  const h = Math.max(1, Math.ceil(size.height / 32));
  return angle % 180 === 0 ? { w, h } : { w: h, h: w };
}

export function furnish(scenario: Scenario, floor: number, grid: FloorGrid, sizes: (key: string) => Size | undefined): DecorPlace[] {
  const floorId = scenario.world.floors[floor]?.id;
  const taken = new Uint8Array(grid.width * grid.height);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= grid.width || y >= grid.height ? Cell.wall : (grid.cells[y * grid.width + x] ?? Cell.wall));
  const isOpening = (k: number): boolean => k === Cell.doorClosed || k === Cell.doorOpen || k === Cell.doorLocked || k === Cell.stairs;
  // Doorways and the cells in front of them stay clear, as do items and where people start.
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      if (!isOpening(at(x, y))) continue;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (x + dx >= 0 && y + dy >= 0 && x + dx < grid.width && y + dy < grid.height) taken[(y + dy) * grid.width + x + dx] = 1;
    }
  }
  const mark = (x: number, y: number): void => {
    if (x >= 0 && y >= 0 && x < grid.width && y < grid.height) taken[y * grid.width + x] = 1;
  };
  for (const list of [scenario.world.items, scenario.world.victims, scenario.crew, scenario.world.vehicles, scenario.world.hydrants] as const) {
    for (const e of list) if (e.floor === floorId) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) mark(e.x + dx, e.y + dy);
  }
  const out: DecorPlace[] = [];
  for (const zone of scenario.world.zones) {
    if (zone.floor !== floorId || !zone.kind) continue;
    const outdoor = zone.kind === 'alley' || zone.kind === 'street' || zone.kind === 'road';
    const ground = outdoor ? Cell.outdoor : Cell.floor;
    for (const key of DECOR_BY_ZONE[zone.kind]) {
      const size = sizes(key);
      if (!size) continue;
      const spot = findSpot(zone, size, ground, at, taken, grid.width);
      if (!spot) continue;
      out.push({ key, x: spot.x0 + spot.w / 2, y: spot.y0 + spot.h / 2, angle: spot.angle });
      for (let y = spot.y0 - 1; y <= spot.y0 + spot.h; y++) for (let x = spot.x0 - 1; x <= spot.x0 + spot.w; x++) mark(x, y);
    }
  }
  return out;
}

interface Spot {
  x0: number;
  y0: number;
  w: number;
  h: number;
  angle: number;
}

/** The first place along the zone's walls, north wall first, then south, west and east. */
function findSpot(zone: { x: number; y: number; w: number; h: number }, size: Size, ground: number, at: (x: number, y: number) => number, taken: Uint8Array, width: number): Spot | null {
  const fits = (x0: number, y0: number, w: number, h: number): boolean => {
    if (x0 < zone.x || y0 < zone.y || x0 + w > zone.x + zone.w || y0 + h > zone.y + zone.h) return false;
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (at(x, y) !== ground || taken[y * width + x]) return false;
    return true;
  };
  const solid = (k: number): boolean => k !== Cell.floor && k !== Cell.outdoor && k !== Cell.stairs;
  for (const angle of [0, 180, 270, 90]) {
    const { w, h } = footprint(size, angle);
    for (let y0 = zone.y; y0 + h <= zone.y + zone.h; y0++) {
      for (let x0 = zone.x; x0 + w <= zone.x + zone.w; x0++) {
        if (!fits(x0, y0, w, h)) continue;
        // Back against a wall: the row (or column) behind the piece is wall all along.
        let backed = true;
        for (let k = 0; k < (angle % 180 === 0 ? w : h) && backed; k++) {
          const behind = angle === 0 ? at(x0 + k, y0 - 1) : angle === 180 ? at(x0 + k, y0 + h) : angle === 270 ? at(x0 - 1, y0 + k) : at(x0 + w, y0 + k);
          backed = solid(behind);
        }
        // Outdoors nothing needs a wall behind it: a pole or a tree stands at the kerb.
        if (backed || ground === Cell.outdoor) return { x0, y0, w, h, angle };
      }
    }
  }
  return null;
}
