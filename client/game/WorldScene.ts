/** The play and replay scene: draws the source's world on the floor in view (map, heat, smoke and the
 *  fog of thick smoke, items, vehicles, hose lines, victims, crew) each tick and animates it between
 *  ticks (gliding crew, flames, spray, alarms), shows the floors above and below when they matter, and
 *  turns mouse, touch and keys into camera moves and intents. A thin adapter: all rules live in the
 *  engine, text in the DOM. */
import Phaser from 'phaser';
import { TICK_MS } from '../../engine/index';
import { adjacentFloors, stairHints, type StairHint } from './adjacentFloors';
import { cameraBounds } from './cameraBounds';
import { CameraControl } from './CameraControl';
import { CELL_PX, EDGE_PX, HINT_COLOUR, THICK_SMOKE, VIEW_H, VIEW_W } from './constants';
import { ActorSprites, crewPose } from './ActorSprites';
import { FX } from './art/assetKeys';
import { loadAtlas } from './art/atlas';
import { ART_SCALE, ATLAS } from './art/atlasKey';
import { contextActions } from './contextActions';
import { drawHoses, drawKit, drawVictims } from './drawActors';
import { drawEffects, StateChanges } from './drawEffects';
import { FieldLayer, heatColour, smokeColour, type Rgba } from './FieldLayer';
import { FireFx } from './FireFx';
import { MapLayer } from './MapLayer';
import { Minimap } from './Minimap';
import { FlameSprites } from './FlameSprites';
import { FloorInsets } from './FloorInsets';
import { Glide, smoothPace, type Point } from './Glide';
import { CORNERS, cornerBox, coverScore, pickCorner, type Box, type CellRect, type Corner } from './insetCorner';
import { keyIntent } from './keyIntents';
import { installTestHook } from './testHook';
import type { SceneRun, WorldSource } from './WorldSource';

export { THICK_SMOKE, VIEW_H, VIEW_W } from './constants';

/** Heat fields are tenths of a degree; 1000 °C saturates the colour scale. */
const HEAT_MAX = 10000;
/** Flame brightness added at a burning item's cell per kW of heat release, in the heat field's units. */
const FLAME_PER_KW = 30;
const SMOKE_MAX = 1000;
/** Below this zoom cells get too small to read; the camera follows the crew member instead. */
const MIN_ZOOM = 0.5;
/** Close enough on a tablet to tap a single cell with a finger. */
const MAX_ZOOM = 3;
/** CSS px between the floor insets and the edge of the visible canvas. */
const INSET_MARGIN_PX = 8;

const fogColour = (v: number): Rgba => (v > 0 ? [18, 18, 22, 246] : [0, 0, 0, 0]);

export class WorldScene extends Phaser.Scene {
  private map!: MapLayer;
  private actors!: ActorSprites;
  private fx!: FireFx;
  private kitGfx!: Phaser.GameObjects.Graphics;
  private hoseGfx!: Phaser.GameObjects.Graphics;
  private victimGfx!: Phaser.GameObjects.Graphics;
  private fxGfx!: Phaser.GameObjects.Graphics;
  private hintGfx!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Arc;
  private ring!: Phaser.GameObjects.Arc;
  private heat: FieldLayer | null = null;
  private smoke: FieldLayer | null = null;
  private fog: FieldLayer | null = null;
  private flames!: FlameSprites;
  private insets: FloorInsets | null = null;
  private minimap: Minimap | null = null;
  /** The camera's opening move has been made (once per scene). */
  private introduced = false;
  /** Where the insets sit: top right until the map under them says otherwise. */
  private insetCorner: Corner = 'tr';
  private control!: CameraControl;
  private readonly glide = new Glide();
  private crewSprites = new Map<string, { alarm: Phaser.GameObjects.Image; facing: number; visible: boolean }>();
  private vehicleKinds = new Map<string, string>();
  private unsubscribeEvents: (() => void) | null = null;
  private hints: StairHint[] = [];
  private mapKey = '';
  private shownFloor = -1;
  private flame: Int32Array = new Int32Array(0);
  private fogValues: Int32Array = new Int32Array(0);
  private unsubscribe: (() => void) | null = null;
  private removeHook: (() => void) | null = null;
  /** Measured wall time per engine tick, so glides keep pace with any game speed. */
  private msPerTick = TICK_MS;
  private lastTick = -1;
  private lastTickAt = 0;
  private lastCrewCell = -1;
  private readonly scratch: Point = { x: 0, y: 0 };
  /** Scratch x, y pairs for hose and supply lines, reused every frame. */
  private readonly linePts: number[] = [];
  private readonly changes = new StateChanges();

  constructor(private readonly source: WorldSource) {
    super('WorldScene');
  }

  private get crew() {
    const id = this.source.crewId();
    return this.source.run.world.crew.find((c) => c.id === id);
  }

  /** The floor on screen: the chosen one, or the controlled crew member's. */
  private get floorIndex(): number {
    return this.source.viewFloor() ?? this.crew?.floor ?? 0;
  }

  preload(): void {
    loadAtlas(this);
  }

  create(): void {
    this.cameras.main.setBackgroundColor('#171a20');
    this.map = new MapLayer(this, 0);
    this.actors = new ActorSprites(this, { items: 2, kit: 3, victims: 4, crew: 6 });
    this.vehicleKinds = new Map(this.source.run.scenario.world.vehicles.map((v) => [v.id, v.kind]));
    this.kitGfx = this.add.graphics().setDepth(3.2);
    this.hoseGfx = this.add.graphics().setDepth(3.5);
    this.victimGfx = this.add.graphics().setDepth(4);
    this.hintGfx = this.add.graphics().setDepth(5.6);
    this.fxGfx = this.add.graphics().setDepth(7);
    this.ring = this.add.circle(0, 0, CELL_PX / 2 + 2).setStrokeStyle(3, 0x7cc4ff, 1).setDepth(6);
    this.marker = this.add.circle(0, 0, CELL_PX / 2 - 3).setStrokeStyle(2, 0xffffff, 0.9).setVisible(false).setDepth(9);
    // Flames glow through smoke (they are above it) but thick smoke's fog still hides them.
    this.flames = new FlameSprites(this, 5.5);
    this.fx = new FireFx(this, 5.4, this.source.run.scenario.world.lighting === 'night');
    this.unsubscribeEvents = this.source.onEvents?.((events) => this.fx.events(this.source.run.world, this.floorIndex, events)) ?? null;
    this.control = new CameraControl(this, { zoomRange: () => this.zoomRange(), onTap: (x, y) => this.onTap(x, y), onZoom: () => this.fitBounds() });
    const host = this.game.canvas.parentElement;
    // Which scene a page mounted: solo play, drill seats and the console all show this one.
    if (host) host.dataset.scene = this.sys.settings.key;
    if (host) this.insets = new FloorInsets(host, (f) => this.source.setViewFloor(f === this.crew?.floor ? null : f));
    if (host)
      this.minimap = new Minimap(host, (x, y) => {
        this.control.manual = true;
        this.cameras.main.pan((x + 0.5) * CELL_PX, (y + 0.5) * CELL_PX, 450, 'Sine.easeInOut', true);
      });
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));

    this.unsubscribe = this.source.onTick((run) => this.draw(run));
    this.removeHook = installTestHook({
      cellToClient: (x, y) => {
        const rect = this.game.canvas.getBoundingClientRect();
        const cam = this.cameras.main;
        const sx = rect.width / this.scale.width;
        const sy = rect.height / this.scale.height;
        return { x: rect.left + ((x + 0.5) * CELL_PX - cam.worldView.x) * cam.zoom * sx, y: rect.top + ((y + 0.5) * CELL_PX - cam.worldView.y) * cam.zoom * sy };
      },
      crew: () => ({ x: this.crew?.x ?? -1, y: this.crew?.y ?? -1 }),
      crewFloor: () => this.crew?.floor ?? -1,
      viewFloor: () => this.floorIndex,
      tick: () => this.source.run.world.tick,
      ended: () => this.source.ended,
      camera: () => ({ zoom: this.cameras.main.zoom, scrollX: this.cameras.main.scrollX, scrollY: this.cameras.main.scrollY }),
      insetFloors: () => this.insets?.floors() ?? [],
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
  }

  /** Per frame: positions between ticks and the animated effects; the engine's state stays the truth. */
  override update(): void {
    const now = this.time.now;
    const w = this.source.run.world;
    const f = this.floorIndex;
    const crewAt = (id: string): Point | null => this.glide.at(id, now);
    for (const c of w.crew) {
      const s = this.crewSprites.get(c.id);
      if (!s || !s.visible) continue;
      const p = this.glide.at(c.id, now, this.scratch);
      if (!p) continue;
      const x = (p.x + 0.5) * CELL_PX;
      const y = (p.y + 0.5) * CELL_PX;
      const walking = this.glide.moving(c.id, now);
      // Two strides per cell walked, left foot then right, in the pose the crew member's state calls for.
      const step = Math.floor(now / (this.msPerTick / 2));
      const body = this.actors.crewImage(c, crewPose(c, walking, step));
      body.setVisible(true).setPosition(x, y).setRotation(s.facing).setScale(ART_SCALE).setAlpha(c.busy ? 0.85 : 1).setTint(c.air?.alarmed ? 0xffb0b0 : 0xffffff);
      const blink = c.air?.empty ? 150 : 300;
      s.alarm.setPosition(x, y - CELL_PX * 0.7).setVisible(c.air?.alarmed === true && Math.floor(now / blink) % 2 === 0);
      if (c.id === this.source.crewId()) this.ring.setPosition(x, y);
    }
    const victimAt = (v: (typeof w.victims)[number]): Point | null => this.glide.at(`victim:${v.id}`, now);
    this.actors.placeVictims(w, f, Math.floor(now / 420), victimAt);
    drawVictims(this.victimGfx, w, f, now, victimAt);
    drawHoses(this.hoseGfx, w, f, crewAt, now, this.linePts);
    drawEffects(this.fxGfx, w, f, now, crewAt, this.changes, this.linePts);
    this.flames.animate(now);
    this.fx.animate(now);
    // The hot layer shimmers a little while anything flames; otherwise it holds still.
    this.heat?.image.setAlpha(this.flames.count > 0 ? 0.9 + 0.1 * Math.sin(now / 53) * Math.sin(now / 97) : 1);
    this.drawHints(now);
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unsubscribeEvents?.();
    this.unsubscribeEvents = null;
    this.map.destroy();
    this.actors.destroy();
    this.removeHook?.();
    this.removeHook = null;
    this.insets?.destroy();
    this.insets = null;
    this.minimap?.destroy();
    this.minimap = null;
  }

  /** Sets up the camera and field textures for the floor now in view. */
  private showFloor(run: SceneRun, f: number): void {
    const grid = run.world.floors[f];
    if (!grid) return;
    this.shownFloor = f;
    this.mapKey = '';
    this.control.manual = false;
    this.heat?.image.destroy();
    this.smoke?.image.destroy();
    this.fog?.image.destroy();
    this.heat = new FieldLayer(this, 'field-heat', grid.width, grid.height, HEAT_MAX, heatColour);
    this.heat.image.setDepth(1);
    this.smoke = new FieldLayer(this, 'field-smoke', grid.width, grid.height, SMOKE_MAX, smokeColour);
    this.smoke.image.setDepth(5);
    this.fog = new FieldLayer(this, 'field-fog', grid.width, grid.height, 1, fogColour);
    this.fog.image.setDepth(8);
    this.flames.clear();
    this.fx.clear();
    const wpx = grid.width * CELL_PX;
    const hpx = grid.height * CELL_PX;
    const cam = this.cameras.main;
    const fit = Math.min(VIEW_W / wpx, VIEW_H / hpx);
    cam.setZoom(Math.max(fit, MIN_ZOOM));
    this.fitBounds();
    const c = this.crew;
    if (c && c.floor === f) cam.centerOn((c.x + 0.5) * CELL_PX, (c.y + 0.5) * CELL_PX);
    else cam.centerOn(wpx / 2, hpx / 2);
    if (!this.introduced) {
      this.introduced = true;
      this.introduce(run, f);
    } else cam.fadeIn(280, 23, 26, 32);
  }

  /** The opening view: where the incident is far from the crew (a house at the end of a long alley), the
   *  camera starts zoomed out on the whole floor, fire and crew both in sight; the hint says how to zoom in. */
  private introduce(run: SceneRun, f: number): void {
    const c = this.crew;
    const grid = run.world.floors[f];
    if (!c || c.floor !== f || !grid) return;
    const w = run.world;
    const spot = w.items.find((i) => i.floor === f && (i.burning || i.igniteAtTick >= 0)) ?? w.victims.find((v) => v.floor === f && !v.hidden);
    if (!spot) return;
    const cam = this.cameras.main;
    const far = Math.abs(spot.x - c.x) * CELL_PX * cam.zoom > cam.width * 0.4 || Math.abs(spot.y - c.y) * CELL_PX * cam.zoom > cam.height * 0.4;
    if (!far) return;
    cam.setZoom(this.zoomRange().min);
    this.fitBounds();
    cam.centerOn((grid.width * CELL_PX) / 2, (grid.height * CELL_PX) / 2);
  }

  /** Bounds for the floor in view at the zoom now: the whole map centred once it fits the view. */
  private fitBounds(): void {
    const grid = this.source.run.world.floors[this.floorIndex];
    if (!grid) return;
    const cam = this.cameras.main;
    // With other floors, a margin past the map's edges so nothing is stuck under their insets.
    const edge = this.source.run.world.floors.length > 1 ? EDGE_PX : 0;
    const b = cameraBounds(grid.width * CELL_PX, grid.height * CELL_PX, cam.width, cam.height, cam.zoom, edge);
    cam.setBounds(b.x, b.y, b.width, b.height);
  }

  private zoomRange(): { min: number; max: number } {
    const grid = this.source.run.world.floors[this.floorIndex];
    if (!grid) return { min: MIN_ZOOM, max: MAX_ZOOM };
    const fit = Math.min(VIEW_W / (grid.width * CELL_PX), VIEW_H / (grid.height * CELL_PX));
    return { min: Math.min(fit, MIN_ZOOM), max: MAX_ZOOM };
  }

  /** A tap or click (not a drag) moves the controlled crew member there, by the engine's pathfinding. */
  private onTap(worldX: number, worldY: number): void {
    if (!this.source.interactive || this.source.ended) return;
    const c = this.crew;
    if (!c || c.floor !== this.floorIndex) return;
    const grid = this.source.run.world.floors[this.floorIndex];
    const x = Math.floor(worldX / CELL_PX);
    const y = Math.floor(worldY / CELL_PX);
    if (!grid || x < 0 || y < 0 || x >= grid.width || y >= grid.height) return;
    this.marker.setPosition((x + 0.5) * CELL_PX, (y + 0.5) * CELL_PX).setVisible(true);
    this.source.submit({ type: 'moveTo', crewId: this.source.crewId(), x, y });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const floors = this.source.run.world.floors.length;
    if (e.code === 'PageUp' || e.code === 'PageDown') {
      e.preventDefault();
      const next = this.floorIndex + (e.code === 'PageUp' ? 1 : -1);
      if (next >= 0 && next < floors) this.source.setViewFloor(next === this.crew?.floor ? null : next);
      return;
    }
    if (e.code === 'Home') {
      this.source.setViewFloor(null);
      return;
    }
    // Tab cycles crew only while focus is on the game, so the page's own Tab order still works.
    if (e.code === 'Tab') {
      const active = document.activeElement;
      if (active === document.body || active === this.game.canvas.parentElement) {
        e.preventDefault();
        this.source.nextCrew();
      }
      return;
    }
    if (!this.source.interactive || this.source.ended) return;
    // Typing into a form control (the triage picker, a select) must not steer the crew.
    if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea, [role="dialog"]')) return;
    const crewId = this.source.crewId();
    const action = contextActions(this.source.run.world, crewId).find((a) => a.code === e.code);
    if (action) {
      e.preventDefault();
      if (e.repeat) return;
      if (action.intent) this.source.submit(action.intent);
      else if (action.victimId) this.source.ask(action.id, action.victimId);
      return;
    }
    const intent = keyIntent(e.code, this.source.run.world, crewId);
    if (!intent) return;
    // Handled keys must not also scroll the page or trigger a focused button.
    e.preventDefault();
    // Holding an action key must not toggle a door or the nozzle on every auto-repeat.
    if (e.repeat && intent.type !== 'step') return;
    this.source.submit(intent);
  }

  private draw(run: SceneRun): void {
    const w = run.world;
    const f = this.floorIndex;
    const grid = w.floors[f];
    if (!grid) return;
    const now = this.time.now;
    if (w.tick !== this.lastTick) {
      // Wall time per tick, smoothed: a speed control or a slow machine changes it, a glide follows.
      if (this.lastTick >= 0 && w.tick > this.lastTick && now > this.lastTickAt) {
        this.msPerTick = smoothPace(this.msPerTick, (now - this.lastTickAt) / (w.tick - this.lastTick));
      }
      this.lastTick = w.tick;
      this.lastTickAt = now;
    }
    if (f !== this.shownFloor) this.showFloor(run, f);
    const key = `${f}:${grid.version}`;
    if (key !== this.mapKey) {
      this.mapKey = key;
      this.map.show(run.scenario, f, grid);
    }
    this.actors.placeStatic(w, f, this.vehicleKinds);
    this.changes.note(w.items, now);
    drawKit(this.kitGfx, w, f);
    for (const v of w.victims) {
      // Carried, a victim is drawn with the carrier; put down, they appear where they were set.
      if (v.carriedBy || v.floor !== f) this.glide.forget(`victim:${v.id}`);
      // A step lasts until the next is due: the cooldown left plus this tick.
      else this.glide.target(`victim:${v.id}`, v.x, v.y, now, (v.stepCooldown + 1) * this.msPerTick);
    }
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    if (heat) {
      this.heat?.update(this.withFlames(heat, run, grid.width));
      this.flames.place(w, f, heat, grid.width);
    }
    this.fx.place(w, f);
    if (smoke) {
      this.smoke?.update(smoke);
      this.fog?.update(this.fogMask(run, smoke, f, grid.width));
    }
    const adjacent = adjacentFloors(w, f);
    this.hints = stairHints(w, f, adjacent);
    this.insets?.update(run, adjacent);
    const v = this.cameras.main.worldView;
    this.minimap?.update(w, f, { x: v.x / CELL_PX, y: v.y / CELL_PX, w: v.width / CELL_PX, h: v.height / CELL_PX }, this.source.crewId());
    if (adjacent.length > 0) this.placeInsets(run, f);
    this.drawCrew(run, f, now);
    const c = this.crew;
    if (c && c.path.length === 0) this.marker.setVisible(false);
    // Following resumes once the crew member takes a step after the player moved the view by hand.
    const cell = c ? c.floor * 1_000_000 + c.y * grid.width + c.x : -1;
    if (cell !== this.lastCrewCell) {
      if (this.lastCrewCell >= 0) this.control.manual = false;
      this.lastCrewCell = cell;
    }
    // Keep the controlled crew member in view when the floor is larger than the screen.
    if (c && c.floor === f && this.source.viewFloor() === null && !this.control.active && !this.control.manual) {
      const cam = this.cameras.main;
      const px = (c.x + 0.5) * CELL_PX;
      const py = (c.y + 0.5) * CELL_PX;
      const v = cam.worldView;
      if (px < v.x + v.width * 0.2 || px > v.right - v.width * 0.2 || py < v.y + v.height * 0.2 || py > v.bottom - v.height * 0.2) cam.pan(px, py, 300, 'Sine.easeInOut', true);
    }
  }

  private drawCrew(run: SceneRun, f: number, now: number): void {
    const me = this.source.crewId();
    for (const c of run.world.crew) {
      let s = this.crewSprites.get(c.id);
      if (!s) {
        s = { alarm: this.add.image(0, 0, ATLAS, FX.airAlarm).setScale(ART_SCALE * 1.4).setDepth(9.5).setVisible(false), facing: -Math.PI / 2, visible: false };
        this.crewSprites.set(c.id, s);
      }
      const wasVisible = s.visible;
      s.visible = c.floor === f;
      const body = this.actors.crew.get(c.id);
      if (!s.visible) {
        s.alarm.setVisible(false);
        body?.setVisible(false);
      }
      // Appear in place rather than glide when a crew member arrives on this floor (stairs, ladder).
      if (!wasVisible && s.visible) this.glide.place(c.id, c.x, c.y, now);
      else this.glide.target(c.id, c.x, c.y, now, (c.stepCooldown + 1) * this.msPerTick);
      // Face the way they walk; while discharging, face the fire.
      const target = c.dischargingAt ? run.world.items.find((i) => i.id === c.dischargingAt) : undefined;
      const heading = target ? Math.atan2(target.y - c.y, target.x - c.x) : this.glide.heading(c.id);
      if (heading !== null && (target ? target.x !== c.x || target.y !== c.y : true)) s.facing = heading;
      if (c.id === me) this.ring.setVisible(c.floor === f);
    }
    for (const [id, s] of this.crewSprites) {
      if (run.world.crew.some((c) => c.id === id)) continue;
      // Out of this seat's sight (a drill): not drawn until seen again.
      s.visible = false;
      s.alarm.setVisible(false);
      this.actors.crew.get(id)?.setVisible(false);
    }
    if (!run.world.crew.some((c) => c.id === me)) this.ring.setVisible(false);
  }

  /** Moves the insets to the corner of the visible canvas where they hide least of the floor in view. */
  private placeInsets(run: SceneRun, f: number): void {
    const insets = this.insets;
    const grid = run.world.floors[f];
    const host = this.game.canvas.parentElement;
    if (!insets || !grid || !host) return;
    const size = insets.size();
    if (size.width === 0) return;
    const h = host.getBoundingClientRect();
    const c = this.game.canvas.getBoundingClientRect();
    // The part of the canvas on screen: a laptop may show only its top, a scrolled tablet its bottom.
    const left = Math.max(c.left, 0);
    const top = Math.max(c.top, 0);
    const right = Math.min(c.right, window.innerWidth);
    const bottom = Math.min(c.bottom, window.innerHeight);
    if (right - left < size.width || bottom - top < size.height || c.width === 0) return;
    const area = { left, top, width: right - left, height: bottom - top };
    const cam = this.cameras.main;
    const k = this.scale.width / c.width / cam.zoom / CELL_PX;
    const toCells = (b: Box): CellRect => ({
      x0: cam.worldView.x / CELL_PX + (b.left - c.left) * k,
      y0: cam.worldView.y / CELL_PX + (b.top - c.top) * k,
      x1: cam.worldView.x / CELL_PX + (b.left + b.width - c.left) * k,
      y1: cam.worldView.y / CELL_PX + (b.top + b.height - c.top) * k,
    });
    const marks = this.insetMarks(run, f, grid.width);
    const scores = { tr: 0, br: 0, bl: 0, tl: 0 };
    for (const corner of CORNERS) scores[corner] = coverScore(grid, marks, toCells(cornerBox(corner, area, size.width, size.height, INSET_MARGIN_PX)));
    this.insetCorner = pickCorner(this.insetCorner, scores);
    const b = cornerBox(this.insetCorner, area, size.width, size.height, INSET_MARGIN_PX);
    insets.moveTo(this.insetCorner, b.left - h.left, b.top - h.top);
  }

  /** Cells on floor `f` the insets must not cover: crew, victims, items, engines, hydrants, hinted stairs. */
  private insetMarks(run: SceneRun, f: number, width: number): number[] {
    const w = run.world;
    const out: number[] = this.hints.map((h) => h.cell);
    for (const c of w.crew) if (c.floor === f) out.push(c.y * width + c.x);
    for (const v of w.victims) if (v.floor === f && !v.hidden && !v.carriedBy) out.push(v.y * width + v.x);
    for (const it of w.items) if (it.floor === f) out.push(it.y * width + it.x);
    for (const h of w.hydrants) if (h.floor === f) out.push(h.y * width + h.x);
    // An engine is drawn over three cells, its pump panel in the middle.
    for (const v of w.vehicles) if (v.floor === f) out.push((v.y - 1) * width + v.x, v.y * width + v.x, (v.y + 1) * width + v.x);
    return out;
  }

  /** Stair cells that lead to a floor with fire or smoke: a pulsing frame and an arrow up or down. */
  private drawHints(now: number): void {
    this.hintGfx.clear();
    const grid = this.source.run.world.floors[this.floorIndex];
    if (!grid || this.hints.length === 0) return;
    const a = 0.55 + 0.45 * Math.sin(now / 180);
    for (const h of this.hints) {
      const x = h.cell % grid.width;
      const y = (h.cell - x) / grid.width;
      const px = x * CELL_PX;
      const py = y * CELL_PX;
      const colour = HINT_COLOUR[h.alert];
      this.hintGfx.lineStyle(3, colour, a).strokeRect(px + 2, py + 2, CELL_PX - 4, CELL_PX - 4);
      const cx = px + CELL_PX / 2;
      const cy = py + CELL_PX / 2;
      const d = h.dir === 'up' ? -1 : 1;
      this.hintGfx.fillStyle(colour, a).fillTriangle(cx - 7, cy - 3 * d, cx + 7, cy - 3 * d, cx, cy + 7 * d);
    }
  }

  /** 1 where thick smoke hides a cell: no thermal camera looks at it and no crew member stands beside it. */
  private fogMask(run: SceneRun, smoke: Int32Array, f: number, width: number): Int32Array {
    if (this.fogValues.length !== smoke.length) this.fogValues = new Int32Array(smoke.length);
    const onFloor = run.world.crew.filter((c) => c.floor === f);
    const camera = onFloor.some((c) => c.id === this.source.crewId() && c.tools.includes('thermalCamera'));
    for (let i = 0; i < smoke.length; i++) this.fogValues[i] = !camera && (smoke[i] ?? 0) >= THICK_SMOKE ? 1 : 0;
    if (camera) return this.fogValues;
    for (const c of onFloor) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = c.x + dx;
          const y = c.y + dy;
          if (x >= 0 && x < width && y >= 0) {
            const i = y * width + x;
            if (i < this.fogValues.length) this.fogValues[i] = 0;
          }
        }
      }
    }
    return this.fogValues;
  }

  /** The heat field plus each burning item's flame at its cell, written into one reused buffer. */
  private withFlames(heat: Int32Array, run: SceneRun, width: number): Int32Array {
    if (this.flame.length !== heat.length) this.flame = new Int32Array(heat.length);
    this.flame.set(heat);
    for (const it of run.world.items) {
      if (!it.burning || it.floor !== this.floorIndex) continue;
      const i = it.y * width + it.x;
      this.flame[i] = (this.flame[i] ?? 0) + Math.round(it.hrrKW * FLAME_PER_KW);
    }
    return this.flame;
  }
}
