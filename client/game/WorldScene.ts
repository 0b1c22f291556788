/** The play and replay scene: draws the source's world on the floor in view (map, heat, smoke and the
 *  fog of thick smoke, items, vehicles, hose lines, victims, crew) each tick, with camera pan and zoom,
 *  and turns mouse and keys into intents. A thin adapter: all rules live in the engine, text in the DOM. */
import Phaser from 'phaser';
import type { Run } from '../../engine/index';
import { CELL_PX } from './constants';
import { contextActions } from './contextActions';
import { CREW_TEXTURE, makeCrewTexture } from './crewTexture';
import { drawKit, drawVictims } from './drawActors';
import { drawItems } from './drawItems';
import { drawMap } from './drawMap';
import { FieldLayer, heatColour, smokeColour, type Rgba } from './FieldLayer';
import { keyIntent } from './keyIntents';
import { installTestHook } from './testHook';
import type { WorldSource } from './WorldSource';

const AGENT_COLOUR: Record<string, number> = { water: 0x4fa3ff, foam: 0xf5f5dc, co2: 0xe0e8ff, powderABC: 0xf3e9c6, wetChemical: 0xd7b8ff };

/** Heat fields are tenths of a degree; 1000 °C saturates the colour scale. */
const HEAT_MAX = 10000;
/** Flame brightness added at a burning item's cell per kW of heat release, in the heat field's units. */
const FLAME_PER_KW = 30;
const SMOKE_MAX = 1000;
/** Smoke this dense hides what is in it (visibility under about a metre) unless a thermal camera looks. */
export const THICK_SMOKE = 600;
/** The logical canvas; the camera zooms the floor into it. */
export const VIEW_W = 960;
export const VIEW_H = 600;
/** Below this zoom cells get too small to read; the camera follows the crew member instead. */
const MIN_ZOOM = 0.5;

const fogColour = (v: number): Rgba => (v > 0 ? [18, 18, 22, 246] : [0, 0, 0, 0]);

export class WorldScene extends Phaser.Scene {
  private mapGfx!: Phaser.GameObjects.Graphics;
  private kitGfx!: Phaser.GameObjects.Graphics;
  private itemGfx!: Phaser.GameObjects.Graphics;
  private victimGfx!: Phaser.GameObjects.Graphics;
  private sprayGfx!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Arc;
  private ring!: Phaser.GameObjects.Arc;
  private heat: FieldLayer | null = null;
  private smoke: FieldLayer | null = null;
  private fog: FieldLayer | null = null;
  private crewSprites = new Map<string, Phaser.GameObjects.Image>();
  private mapKey = '';
  private shownFloor = -1;
  private flame: Int32Array = new Int32Array(0);
  private fogValues: Int32Array = new Int32Array(0);
  private unsubscribe: (() => void) | null = null;
  private removeHook: (() => void) | null = null;
  private dragFrom: { x: number; y: number; sx: number; sy: number } | null = null;

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

  create(): void {
    this.cameras.main.setBackgroundColor('#1a1d22');
    this.mapGfx = this.add.graphics().setDepth(0);
    this.kitGfx = this.add.graphics().setDepth(3);
    this.itemGfx = this.add.graphics().setDepth(2);
    this.victimGfx = this.add.graphics().setDepth(4);
    this.sprayGfx = this.add.graphics().setDepth(7);
    this.ring = this.add.circle(0, 0, CELL_PX / 2 + 2).setStrokeStyle(3, 0x7cc4ff, 1).setDepth(6);
    this.marker = this.add.circle(0, 0, CELL_PX / 2 - 3).setStrokeStyle(2, 0xffffff, 0.9).setVisible(false).setDepth(9);
    makeCrewTexture(this);

    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => (this.dragFrom = { x: p.x, y: p.y, sx: this.cameras.main.scrollX, sy: this.cameras.main.scrollY }));
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.onDrag(p));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.onPointerUp(p));
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.zoomBy(dy > 0 ? 0.9 : 1.1));
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
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
  }

  override update(_time: number, delta: number): void {
    const w = this.source.run.world;
    const k = Math.min(1, delta / 120);
    // Glide between cells so walking reads as movement; the engine position stays the truth.
    for (const c of w.crew) {
      const s = this.crewSprites.get(c.id);
      if (!s) continue;
      s.x += ((c.x + 0.5) * CELL_PX - s.x) * k;
      s.y += ((c.y + 0.5) * CELL_PX - s.y) * k;
    }
    const me = this.crewSprites.get(this.source.crewId());
    if (me?.visible) this.ring.setPosition(me.x, me.y);
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.removeHook?.();
    this.removeHook = null;
  }

  /** Sets up the camera and field textures for the floor now in view. */
  private showFloor(run: Run, f: number): void {
    const grid = run.world.floors[f];
    if (!grid) return;
    this.shownFloor = f;
    this.mapKey = '';
    this.heat?.image.destroy();
    this.smoke?.image.destroy();
    this.fog?.image.destroy();
    this.heat = new FieldLayer(this, 'field-heat', grid.width, grid.height, HEAT_MAX, heatColour);
    this.heat.image.setDepth(1);
    this.smoke = new FieldLayer(this, 'field-smoke', grid.width, grid.height, SMOKE_MAX, smokeColour);
    this.smoke.image.setDepth(5);
    this.fog = new FieldLayer(this, 'field-fog', grid.width, grid.height, 1, fogColour);
    this.fog.image.setDepth(8);
    const wpx = grid.width * CELL_PX;
    const hpx = grid.height * CELL_PX;
    const cam = this.cameras.main;
    const fit = Math.min(VIEW_W / wpx, VIEW_H / hpx);
    cam.setZoom(Math.max(fit, MIN_ZOOM));
    cam.setBounds(0, 0, wpx, hpx);
    const c = this.crew;
    if (c && c.floor === f) cam.centerOn((c.x + 0.5) * CELL_PX, (c.y + 0.5) * CELL_PX);
    else cam.centerOn(wpx / 2, hpx / 2);
  }

  private zoomBy(factor: number): void {
    const grid = this.source.run.world.floors[this.floorIndex];
    if (!grid) return;
    const fit = Math.min(VIEW_W / (grid.width * CELL_PX), VIEW_H / (grid.height * CELL_PX));
    const cam = this.cameras.main;
    cam.setZoom(Math.min(2, Math.max(Math.min(fit, MIN_ZOOM), cam.zoom * factor)));
  }

  private onDrag(p: Phaser.Input.Pointer): void {
    if (!p.isDown || !this.dragFrom) return;
    const cam = this.cameras.main;
    cam.setScroll(this.dragFrom.sx - (p.x - this.dragFrom.x) / cam.zoom, this.dragFrom.sy - (p.y - this.dragFrom.y) / cam.zoom);
  }

  /** A tap or click (not a drag) moves the controlled crew member there, by the engine's pathfinding. */
  private onPointerUp(p: Phaser.Input.Pointer): void {
    const from = this.dragFrom;
    this.dragFrom = null;
    if (from && Math.hypot(p.x - from.x, p.y - from.y) > 8) return;
    if (!this.source.interactive || this.source.ended) return;
    const c = this.crew;
    if (!c || c.floor !== this.floorIndex) return;
    const grid = this.source.run.world.floors[this.floorIndex];
    const x = Math.floor(p.worldX / CELL_PX);
    const y = Math.floor(p.worldY / CELL_PX);
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

  private draw(run: Run): void {
    const w = run.world;
    const f = this.floorIndex;
    const grid = w.floors[f];
    if (!grid) return;
    if (f !== this.shownFloor) this.showFloor(run, f);
    const key = `${f}:${grid.version}`;
    if (key !== this.mapKey) {
      this.mapKey = key;
      drawMap(this.mapGfx, grid);
    }
    drawItems(this.itemGfx, w.items, f);
    drawKit(this.kitGfx, w, f);
    drawVictims(this.victimGfx, w, f, Math.sin(w.tick / 2));
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    if (heat) this.heat?.update(this.withFlames(heat, run, grid.width));
    if (smoke) {
      this.smoke?.update(smoke);
      this.fog?.update(this.fogMask(run, smoke, f, grid.width));
    }
    this.drawCrew(run, f);
    this.drawSpray(run);
    const c = this.crew;
    if (c && c.path.length === 0) this.marker.setVisible(false);
    // Keep the controlled crew member in view when the floor is larger than the screen.
    if (c && c.floor === f && this.source.viewFloor() === null) {
      const cam = this.cameras.main;
      const px = (c.x + 0.5) * CELL_PX;
      const py = (c.y + 0.5) * CELL_PX;
      const v = cam.worldView;
      if (!this.dragFrom && (px < v.x + v.width * 0.2 || px > v.right - v.width * 0.2 || py < v.y + v.height * 0.2 || py > v.bottom - v.height * 0.2)) cam.pan(px, py, 300, 'Sine.easeInOut', true);
    }
  }

  private drawCrew(run: Run, f: number): void {
    const me = this.source.crewId();
    for (const c of run.world.crew) {
      let s = this.crewSprites.get(c.id);
      if (!s) {
        s = this.add.image((c.x + 0.5) * CELL_PX, (c.y + 0.5) * CELL_PX, CREW_TEXTURE).setDepth(6);
        this.crewSprites.set(c.id, s);
      }
      const wasVisible = s.visible;
      s.setVisible(c.floor === f);
      // Teleport rather than glide when a crew member appears on this floor (stairs, ladder).
      if (!wasVisible && s.visible) s.setPosition((c.x + 0.5) * CELL_PX, (c.y + 0.5) * CELL_PX);
      s.setAlpha(c.busy ? 0.75 : 1);
      s.setTint(c.air?.alarmed ? 0xff9090 : 0xffffff);
      if (c.id === me) this.ring.setVisible(c.floor === f);
    }
  }

  /** 1 where thick smoke hides a cell: no thermal camera looks at it and no crew member stands beside it. */
  private fogMask(run: Run, smoke: Int32Array, f: number, width: number): Int32Array {
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
  private withFlames(heat: Int32Array, run: Run, width: number): Int32Array {
    if (this.flame.length !== heat.length) this.flame = new Int32Array(heat.length);
    this.flame.set(heat);
    for (const it of run.world.items) {
      if (!it.burning || it.floor !== this.floorIndex) continue;
      const i = it.y * width + it.x;
      this.flame[i] = (this.flame[i] ?? 0) + Math.round(it.hrrKW * FLAME_PER_KW);
    }
    return this.flame;
  }

  /** A cone of agent from each discharging crew member on this floor to the item. */
  private drawSpray(run: Run): void {
    this.sprayGfx.clear();
    for (const c of run.world.crew) {
      const item = c.dischargingAt ? run.world.items.find((i) => i.id === c.dischargingAt) : undefined;
      if (!item || c.floor !== this.floorIndex) continue;
      const agent = c.hose ? 'water' : (c.equipment[c.selected]?.agent ?? 'water');
      const x0 = (c.x + 0.5) * CELL_PX;
      const y0 = (c.y + 0.5) * CELL_PX;
      const x1 = (item.x + 0.5) * CELL_PX;
      const y1 = (item.y + 0.5) * CELL_PX;
      const len = Math.hypot(x1 - x0, y1 - y0) || 1;
      const nx = (-(y1 - y0) / len) * CELL_PX * 0.45;
      const ny = ((x1 - x0) / len) * CELL_PX * 0.45;
      this.sprayGfx.fillStyle(AGENT_COLOUR[agent] ?? 0xffffff, 0.55).fillTriangle(x0, y0, x1 + nx, y1 + ny, x1 - nx, y1 - ny);
    }
  }
}
