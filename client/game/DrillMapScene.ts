/** The drill map: one floor of the scenario's plan with the heat and smoke the room sent and the
 *  entities the client's seat receives, showing the whole floor or following one crew member. Draws
 *  what its source gives it; never sends anything and never runs the engine. */
import Phaser from 'phaser';
import { Cell, type FloorGrid } from '../../engine/index';
import { CELL_PX } from './constants';
import { drawMap } from './drawMap';
import { FieldLayer, heatColour, smokeColour } from './FieldLayer';

export const DRILL_MAP_W = 800;
export const DRILL_MAP_H = 500;
const HEAT_MAX = 10000;
const SMOKE_MAX = 1000;
const FOLLOW_ZOOM = 1.25;

export interface MapPlace {
  id: string;
  floor: number;
  x: number;
  y: number;
}
export interface MapCrew extends MapPlace {
  bot: boolean;
  airAlarm: boolean;
}
export interface MapVictim extends MapPlace {
  status: string;
  safe: boolean;
  carriedBy: string;
}
export interface MapEntities {
  crew: readonly MapCrew[];
  victims: readonly MapVictim[];
  /** Items the seat receives, with whether each burns; positions come from the scenario. */
  items: readonly { id: string; burning: boolean }[];
  /** Doors the seat has seen, keyed `floor:x:y`; the others stay as the plan draws them. */
  doors: readonly { id: string; open: boolean; locked: boolean }[];
}
export interface MapFields {
  heat: Int32Array;
  smoke: Int32Array;
  version: number;
}

/** What the scene reads every frame; the drill page's adapter implements it over the room. */
export interface DrillMapSource {
  floors: readonly FloorGrid[];
  itemPlaces: readonly MapPlace[];
  entities(): MapEntities;
  fields(floor: number): MapFields | undefined;
  /** The crew member to follow, or null for the whole floor. */
  follow(): string | null;
  /** The floor shown when following nobody. */
  floor(): number;
  /** Told what is on screen after each frame (the page shows it, and tests read it). */
  shown(floor: number, followed: MapPlace | null): void;
}

const COLOUR = { crew: 0x2d7ff9, crewBot: 0x7a8ca8, followed: 0xffffff, alarm: 0xff3b30, item: 0x6d4c41, burning: 0xff7a00, victim: 0xf2c14e, hurt: 0xff6a00, dead: 0x6b6b6b, safe: 0x3fbf6a } as const;

export class DrillMapScene extends Phaser.Scene {
  private mapGfx!: Phaser.GameObjects.Graphics;
  private actors!: Phaser.GameObjects.Graphics;
  private heat: FieldLayer | null = null;
  private smoke: FieldLayer | null = null;
  private readonly labels = new Map<string, Phaser.GameObjects.Text>();
  private shownFloor = -1;
  private fieldVersion = -1;
  /** The shown floor's plan with the doors as last seen, and a key of those doors to notice changes. */
  private plan: FloorGrid | null = null;
  private doorKey = '';

  constructor(private readonly source: DrillMapSource) {
    super('DrillMapScene');
  }

  create(): void {
    this.mapGfx = this.add.graphics().setDepth(0);
    this.actors = this.add.graphics().setDepth(3);
  }

  override update(): void {
    const src = this.source;
    const entities = src.entities();
    const followId = src.follow();
    const followed = followId === null ? undefined : entities.crew.find((c) => c.id === followId);
    const floor = followed ? followed.floor : src.floor();
    if (floor !== this.shownFloor) this.showFloor(floor);
    const grid = src.floors[floor];
    if (!grid) return;
    this.drawDoors(entities, floor);

    const fields = src.fields(floor);
    if (fields && fields.version !== this.fieldVersion && fields.heat.length === grid.width * grid.height) {
      this.heat?.update(fields.heat);
      this.smoke?.update(fields.smoke);
      this.fieldVersion = fields.version;
    }

    this.drawEntities(entities, floor, followId);

    const cam = this.cameras.main;
    if (followed) {
      cam.setZoom(FOLLOW_ZOOM);
      cam.centerOn((followed.x + 0.5) * CELL_PX, (followed.y + 0.5) * CELL_PX);
    } else {
      this.fit(grid);
    }
    src.shown(floor, followed ?? null);
  }

  private fit(grid: FloorGrid): void {
    const wpx = grid.width * CELL_PX;
    const hpx = grid.height * CELL_PX;
    const cam = this.cameras.main;
    cam.setZoom(Math.min(DRILL_MAP_W / wpx, DRILL_MAP_H / hpx));
    cam.centerOn(wpx / 2, hpx / 2);
  }

  private showFloor(floor: number): void {
    const grid = this.source.floors[floor];
    if (!grid) return;
    this.shownFloor = floor;
    this.fieldVersion = -1;
    this.plan = { ...grid, cells: grid.cells.slice() };
    this.doorKey = '';
    drawMap(this.mapGfx, this.plan);
    this.heat?.image.destroy();
    this.smoke?.image.destroy();
    this.heat = new FieldLayer(this, 'drill-heat', grid.width, grid.height, HEAT_MAX, heatColour);
    this.heat.image.setDepth(1);
    this.smoke = new FieldLayer(this, 'drill-smoke', grid.width, grid.height, SMOKE_MAX, smokeColour);
    this.smoke.image.setDepth(2);
    this.cameras.main.setBounds(0, 0, grid.width * CELL_PX, grid.height * CELL_PX);
  }

  /** Redraws the plan when a door on this floor was seen to open or shut. */
  private drawDoors(entities: MapEntities, floor: number): void {
    const plan = this.plan;
    if (!plan) return;
    const prefix = `${floor}:`;
    const here = entities.doors.filter((d) => d.id.startsWith(prefix));
    const key = here.map((d) => `${d.id}${d.open ? 'o' : d.locked ? 'l' : 'c'}`).join();
    if (key === this.doorKey) return;
    this.doorKey = key;
    for (const d of here) {
      const [, x, y] = d.id.split(':').map(Number);
      if (x === undefined || y === undefined) continue;
      plan.cells[y * plan.width + x] = d.open ? Cell.doorOpen : d.locked ? Cell.doorLocked : Cell.doorClosed;
    }
    drawMap(this.mapGfx, plan);
  }

  private drawEntities(entities: MapEntities, floor: number, followId: string | null): void {
    const g = this.actors.clear();
    const half = CELL_PX / 2;
    const burning = new Map(entities.items.map((i) => [i.id, i.burning]));
    for (const place of this.source.itemPlaces) {
      if (place.floor !== floor || !burning.has(place.id)) continue;
      g.fillStyle(burning.get(place.id) ? COLOUR.burning : COLOUR.item, 1).fillRect(place.x * CELL_PX + 6, place.y * CELL_PX + 6, CELL_PX - 12, CELL_PX - 12);
    }
    for (const v of entities.victims) {
      if (v.floor !== floor || v.carriedBy !== '') continue;
      const colour = v.safe ? COLOUR.safe : v.status === 'dead' ? COLOUR.dead : v.status === 'incapacitated' ? COLOUR.hurt : COLOUR.victim;
      g.fillStyle(colour, 1).fillEllipse(v.x * CELL_PX + half, v.y * CELL_PX + half, CELL_PX - 6, CELL_PX / 2);
    }
    const seen = new Set<string>();
    for (const c of entities.crew) {
      if (c.floor !== floor) continue;
      seen.add(c.id);
      const px = c.x * CELL_PX + half;
      const py = c.y * CELL_PX + half;
      g.fillStyle(c.bot ? COLOUR.crewBot : COLOUR.crew, 1).fillCircle(px, py, half - 4);
      if (c.id === followId) g.lineStyle(3, COLOUR.followed, 1).strokeCircle(px, py, half - 1);
      if (c.airAlarm) g.lineStyle(2, COLOUR.alarm, 1).strokeCircle(px, py, half - 7);
      let label = this.labels.get(c.id);
      if (!label) {
        label = this.add.text(0, 0, c.id, { fontFamily: 'sans-serif', fontSize: '12px', color: '#ffffff', backgroundColor: '#000000a0' }).setOrigin(0.5, 1).setDepth(4);
        this.labels.set(c.id, label);
      }
      label.setPosition(px, py - half + 2).setVisible(true);
    }
    for (const [id, label] of this.labels) if (!seen.has(id)) label.setVisible(false);
  }
}
