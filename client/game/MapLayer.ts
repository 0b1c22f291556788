/** The plan of the floor in view, drawn once into render textures of CHUNK cells a side (a big floor stays
 *  within every device's texture limit): floors finished by zone kind, walls with thickness and the shadow
 *  they cast, doors, windows, grilles and stairs from the atlas turned to their wall, a shop's shutter,
 *  and the furnishings of each room. Redraws only the chunks whose cells changed (a door swung).
 *  Reads the plan; never changes it. */
import type Phaser from 'phaser';
import { Cell, type FloorGrid, type Scenario } from '../../engine/index';
import { ART_SCALE, ATLAS } from './art/atlasKey';
import { DOOR_KEYS, FLOOR_BY_ZONE, FLOOR_INDOOR, FLOOR_OUTDOOR, STAIRS_KEY, WINDOW_KEYS } from './art/assetKeys';
import { furnish, type DecorPlace } from './art/furnish';
import { CELL_PX } from './constants';

/** Cells per chunk side: 1024 px textures. */
const CHUNK = 32;
const WALL_TOP = 0x3b4250;
const WALL_FACE = 0x2a303b;
const WALL_EDGE = 0x59637a;
/** Wall mass far from any room (neighbouring buildings, solid fill): darker, so the building reads. */
const VOID = 0x171a20;

const isSolid = (k: number): boolean => k === Cell.wall;
const isWindow = (k: number): boolean => k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;
const isDoor = (k: number): boolean => k === Cell.doorClosed || k === Cell.doorOpen || k === Cell.doorLocked;

export class MapLayer {
  private chunks: (Phaser.GameObjects.RenderTexture | null)[] = [];
  private cols = 0;
  private drawn: Uint8Array = new Uint8Array(0);
  private floorKeys: string[] = [];
  private decor: DecorPlace[] = [];
  private readonly gfx: Phaser.GameObjects.Graphics;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {
    this.gfx = scene.make.graphics({}, false);
  }

  /** Shows floor `f` of `scenario`; later calls with the same floor redraw what changed. */
  show(scenario: Scenario, f: number, grid: FloorGrid): void {
    const fresh = this.drawn.length !== grid.cells.length || this.floorKeys.length === 0 || this.shownFloor !== f;
    if (fresh) this.reset(scenario, f, grid);
    const rows = Math.ceil(grid.height / CHUNK);
    for (let cy = 0; cy < rows; cy++) {
      for (let cx = 0; cx < this.cols; cx++) if (fresh || this.changed(grid, cx, cy)) this.drawChunk(grid, cx, cy);
    }
    this.drawn.set(grid.cells);
  }

  private shownFloor = -1;

  private reset(scenario: Scenario, f: number, grid: FloorGrid): void {
    for (const c of this.chunks) c?.destroy();
    this.shownFloor = f;
    this.cols = Math.ceil(grid.width / CHUNK);
    this.chunks = new Array<Phaser.GameObjects.RenderTexture | null>(this.cols * Math.ceil(grid.height / CHUNK)).fill(null);
    this.drawn = new Uint8Array(grid.cells.length);
    this.floorKeys = floorFinish(scenario, f, grid);
    const frames = this.scene.textures.get(ATLAS);
    this.decor = furnish(scenario, f, grid, (key) => {
      const fr = frames.has(key) ? frames.get(key) : null;
      return fr ? { width: fr.width * ART_SCALE, height: fr.height * ART_SCALE } : undefined;
    });
  }

  /** Whether any cell of chunk (cx, cy) differs from what was drawn. */
  private changed(grid: FloorGrid, cx: number, cy: number): boolean {
    // A door's leaf and a wall's shadow reach one cell out: look one cell past the chunk's edge.
    for (let y = Math.max(0, cy * CHUNK - 1); y < Math.min(grid.height, (cy + 1) * CHUNK + 1); y++) {
      for (let x = Math.max(0, cx * CHUNK - 1); x < Math.min(grid.width, (cx + 1) * CHUNK + 1); x++) {
        const i = y * grid.width + x;
        if (grid.cells[i] !== this.drawn[i]) return true;
      }
    }
    return false;
  }

  private drawChunk(grid: FloorGrid, cx: number, cy: number): void {
    const x0 = cx * CHUNK;
    const y0 = cy * CHUNK;
    const w = Math.min(CHUNK, grid.width - x0);
    const h = Math.min(CHUNK, grid.height - y0);
    const k = cy * this.cols + cx;
    let rt = this.chunks[k] ?? null;
    // Solid wall everywhere and far from any room: a plain dark block needs no texture.
    if (!rt && allVoid(grid, x0, y0, w, h)) return;
    if (!rt) {
      rt = this.scene.add.renderTexture(x0 * CELL_PX, y0 * CELL_PX, w * CELL_PX, h * CELL_PX).setOrigin(0, 0).setDepth(this.depth);
      this.chunks[k] = rt;
    }
    rt.clear();
    const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= grid.width || y >= grid.height ? Cell.wall : (grid.cells[y * grid.width + x] ?? Cell.wall));
    const ox = x0 * CELL_PX;
    const oy = y0 * CELL_PX;
    const g = this.gfx.clear();
    // Floors: the zone's finish under every walkable cell, doors and windows included (their frames sit on it).
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        const kind = at(x, y);
        if (isSolid(kind)) continue;
        const key = kind === Cell.stairs ? STAIRS_KEY : (this.floorKeys[y * grid.width + x] ?? FLOOR_INDOOR);
        rt.stamp(ATLAS, key, (x + 0.5) * CELL_PX - ox, (y + 0.5) * CELL_PX - oy, { scale: ART_SCALE });
      }
    }
    // Walls: a flat top, a darker face where the wall meets a room to its south, a lit edge along every
    // room side, and a soft shadow cast on the floor beside it; far from any room, the dark void.
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        const px = (x - x0) * CELL_PX;
        const py = (y - y0) * CELL_PX;
        const kind = at(x, y);
        if (!isSolid(kind)) {
          const shade = (dx: number, dy: number): boolean => isSolid(at(x + dx, y + dy)) && at(x, y) !== Cell.outdoor;
          g.fillStyle(0x000000, 0.22);
          if (shade(0, -1)) g.fillRect(px, py, CELL_PX, 7);
          if (shade(-1, 0)) g.fillRect(px, py, 6, CELL_PX);
          g.fillStyle(0x000000, 0.1);
          if (shade(0, -1)) g.fillRect(px, py + 7, CELL_PX, 5);
          continue;
        }
        if (nearRoom(grid, x, y)) {
          g.fillStyle(WALL_TOP, 1).fillRect(px, py, CELL_PX, CELL_PX);
          const open = (dx: number, dy: number): boolean => !isSolid(at(x + dx, y + dy)) && !isWindow(at(x + dx, y + dy));
          if (open(0, 1)) g.fillStyle(WALL_FACE, 1).fillRect(px, py + CELL_PX - 9, CELL_PX, 9);
          g.fillStyle(WALL_EDGE, 1);
          if (open(0, -1)) g.fillRect(px, py, CELL_PX, 2);
          if (open(-1, 0)) g.fillRect(px, py, 2, CELL_PX);
          if (open(1, 0)) g.fillRect(px + CELL_PX - 2, py, 2, CELL_PX);
          if (open(0, 1)) g.fillRect(px, py + CELL_PX - 9, CELL_PX, 1);
        } else {
          g.fillStyle(VOID, 1).fillRect(px, py, CELL_PX, CELL_PX);
          // A faint roof line every few cells: neighbouring buildings, not a hole in the map.
          if ((x + y * 3) % 7 === 0) g.fillStyle(0x1d2128, 1).fillRect(px + 4, py + 4, CELL_PX - 8, 2);
        }
      }
    }
    rt.draw(g, 0, 0);
    // Doors and windows, turned to lie along their wall; a locked street door of a shop is its shutter.
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        const kind = at(x, y);
        if (!isDoor(kind) && !isWindow(kind)) continue;
        const across = isSolid(at(x - 1, y)) || isSolid(at(x + 1, y)) || isWindow(at(x - 1, y)) || isWindow(at(x + 1, y));
        const angle = across ? 0 : 90;
        const street = at(x, y - 1) === Cell.outdoor || at(x, y + 1) === Cell.outdoor || at(x - 1, y) === Cell.outdoor || at(x + 1, y) === Cell.outdoor;
        const key =
          kind === Cell.doorClosed ? DOOR_KEYS.closed : kind === Cell.doorOpen ? DOOR_KEYS.open : kind === Cell.doorLocked ? (street ? DOOR_KEYS.shutter : DOOR_KEYS.locked) : kind === Cell.windowGrille ? WINDOW_KEYS.grille : kind === Cell.windowOpen ? WINDOW_KEYS.open : WINDOW_KEYS.glass;
        rt.stamp(ATLAS, key, (x + 0.5) * CELL_PX - ox, (y + 0.5) * CELL_PX - oy, { scale: ART_SCALE, angle });
      }
    }
    for (const d of this.decor) {
      if (d.x < x0 - 2 || d.y < y0 - 2 || d.x > x0 + w + 2 || d.y > y0 + h + 2) continue;
      rt.stamp(ATLAS, d.key, d.x * CELL_PX - ox, d.y * CELL_PX - oy, { scale: ART_SCALE, angle: d.angle });
    }
    rt.render();
  }

  destroy(): void {
    for (const c of this.chunks) c?.destroy();
    this.chunks = [];
    this.gfx.destroy();
  }
}

/** A wall cell within two cells of something that is not wall: a real wall, not solid fill. */
function nearRoom(grid: FloorGrid, x: number, y: number): boolean {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= grid.width || ny >= grid.height) continue;
      if (!isSolid(grid.cells[ny * grid.width + nx] ?? Cell.wall)) return true;
    }
  }
  return false;
}

function allVoid(grid: FloorGrid, x0: number, y0: number, w: number, h: number): boolean {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (nearRoom(grid, x, y)) return false;
  return true;
}

/** The finish of every cell of floor `f`: its zone's kind, else plain indoor or outdoor ground. */
export function floorFinish(scenario: Scenario, f: number, grid: FloorGrid): string[] {
  const floorId = scenario.world.floors[f]?.id;
  const out: string[] = Array.from(grid.cells, (k) => (k === Cell.outdoor ? FLOOR_OUTDOOR : FLOOR_INDOOR));
  // Later zones first, so the first zone listed wins where two overlap.
  for (const z of [...scenario.world.zones].reverse()) {
    if (z.floor !== floorId || !z.kind) continue;
    for (let y = z.y; y < z.y + z.h && y < grid.height; y++) for (let x = z.x; x < z.x + z.w && x < grid.width; x++) out[y * grid.width + x] = FLOOR_BY_ZONE[z.kind];
  }
  return out;
}
