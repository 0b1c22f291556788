/** The play scene: draws the session's world (map, items, fire and smoke fields, crew) each tick and
 *  turns mouse and keys into intents. A thin adapter: all rules live in the engine, all text in the DOM. */
import Phaser from 'phaser';
import type { Run } from '../../engine/index';
import type { LocalSession } from '../session/LocalSession';
import { CELL_PX } from './constants';
import { CREW_TEXTURE, makeCrewTexture } from './crewTexture';
import { drawItems } from './drawItems';
import { drawMap } from './drawMap';
import { FieldLayer, heatColour, smokeColour } from './FieldLayer';
import { keyIntent } from './keyIntents';
import { installTestHook } from './testHook';

const AGENT_COLOUR: Record<string, number> = { water: 0x4fa3ff, foam: 0xf5f5dc, co2: 0xe0e8ff, powderABC: 0xf3e9c6, wetChemical: 0xd7b8ff };

/** Heat fields are tenths of a degree; 1000 °C saturates the colour scale. */
const HEAT_MAX = 10000;
/** Flame brightness added at a burning item's cell per kW of heat release, in the heat field's units:
 *  hot gas spreads over the room, so without it the seat of the fire would not stand out. */
const FLAME_PER_KW = 30;
const SMOKE_MAX = 1000;

export class WorldScene extends Phaser.Scene {
  private mapGfx!: Phaser.GameObjects.Graphics;
  private itemGfx!: Phaser.GameObjects.Graphics;
  private sprayGfx!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Arc;
  private heat!: FieldLayer;
  private smoke!: FieldLayer;
  private crewSprite!: Phaser.GameObjects.Image;
  private cellsSeen = '';
  private flame: Int32Array = new Int32Array(0);
  private unsubscribe: (() => void) | null = null;
  private removeHook: (() => void) | null = null;

  constructor(private readonly session: LocalSession) {
    super('WorldScene');
  }

  private get crew() {
    return this.session.run.world.crew.find((c) => c.id === this.session.crewId);
  }

  private get floorIndex(): number {
    return this.crew?.floor ?? 0;
  }

  create(): void {
    const w = this.session.run.world;
    const grid = w.floors[this.floorIndex];
    if (!grid) return;
    this.cameras.main.setBackgroundColor('#1a1d22');
    this.mapGfx = this.add.graphics();
    this.heat = new FieldLayer(this, 'field-heat', grid.width, grid.height, HEAT_MAX, heatColour);
    // Items above the hot-gas wash so a trainee can always find the cylinder and the pan.
    this.itemGfx = this.add.graphics();
    this.smoke = new FieldLayer(this, 'field-smoke', grid.width, grid.height, SMOKE_MAX, smokeColour);
    this.sprayGfx = this.add.graphics();
    this.marker = this.add.circle(0, 0, CELL_PX / 2 - 3).setStrokeStyle(2, 0xffffff, 0.9).setVisible(false);
    makeCrewTexture(this);
    const c = this.crew;
    this.crewSprite = this.add.image(((c?.x ?? 0) + 0.5) * CELL_PX, ((c?.y ?? 0) + 0.5) * CELL_PX, CREW_TEXTURE);

    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.onPointer(p));
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));

    this.unsubscribe = this.session.onTick((run) => this.draw(run));
    this.removeHook = installTestHook({
      cellToClient: (x, y) => {
        const rect = this.game.canvas.getBoundingClientRect();
        const sx = rect.width / this.scale.width;
        const sy = rect.height / this.scale.height;
        return { x: rect.left + (x + 0.5) * CELL_PX * sx, y: rect.top + (y + 0.5) * CELL_PX * sy };
      },
      crew: () => ({ x: this.crew?.x ?? -1, y: this.crew?.y ?? -1 }),
      tick: () => this.session.run.world.tick,
      ended: () => this.session.ended,
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.teardown());
  }

  override update(_time: number, delta: number): void {
    const c = this.crew;
    if (!c) return;
    // Glide between cells so walking reads as movement; the engine position stays the truth.
    const tx = (c.x + 0.5) * CELL_PX;
    const ty = (c.y + 0.5) * CELL_PX;
    const k = Math.min(1, delta / 120);
    this.crewSprite.x += (tx - this.crewSprite.x) * k;
    this.crewSprite.y += (ty - this.crewSprite.y) * k;
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.removeHook?.();
    this.removeHook = null;
  }

  private onPointer(p: Phaser.Input.Pointer): void {
    if (this.session.ended) return;
    const grid = this.session.run.world.floors[this.floorIndex];
    const x = Math.floor(p.worldX / CELL_PX);
    const y = Math.floor(p.worldY / CELL_PX);
    if (!grid || x < 0 || y < 0 || x >= grid.width || y >= grid.height) return;
    this.marker.setPosition((x + 0.5) * CELL_PX, (y + 0.5) * CELL_PX).setVisible(true);
    this.session.submit({ type: 'moveTo', crewId: this.session.crewId, x, y });
  }

  private onKey(e: KeyboardEvent): void {
    if (this.session.ended || e.ctrlKey || e.metaKey || e.altKey) return;
    const intent = keyIntent(e.code, this.session.run.world, this.session.crewId);
    if (!intent) return;
    // Handled keys must not also scroll the page or trigger a focused button.
    e.preventDefault();
    // Holding an action key must not toggle a door or the nozzle on every auto-repeat.
    if (e.repeat && intent.type !== 'step') return;
    this.session.submit(intent);
  }

  private draw(run: Run): void {
    const w = run.world;
    const f = this.floorIndex;
    const grid = w.floors[f];
    if (!grid) return;
    const cells = grid.cells.join(',');
    if (cells !== this.cellsSeen) {
      this.cellsSeen = cells;
      drawMap(this.mapGfx, grid);
    }
    drawItems(this.itemGfx, w.items, f);
    const heat = w.heat[f];
    const smoke = w.smoke[f];
    if (heat) this.heat.update(this.withFlames(heat, run, grid.width));
    if (smoke) this.smoke.update(smoke);
    this.drawSpray(run);
    const c = this.crew;
    if (c && c.path.length === 0) this.marker.setVisible(false);
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

  /** A cone of agent from the crew member to the item while discharging. */
  private drawSpray(run: Run): void {
    this.sprayGfx.clear();
    const c = this.crew;
    const item = c?.dischargingAt ? run.world.items.find((i) => i.id === c.dischargingAt) : undefined;
    const ext = c?.equipment[c.selected];
    if (!c || !item || !ext) return;
    const x0 = (c.x + 0.5) * CELL_PX;
    const y0 = (c.y + 0.5) * CELL_PX;
    const x1 = (item.x + 0.5) * CELL_PX;
    const y1 = (item.y + 0.5) * CELL_PX;
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = (-(y1 - y0) / len) * CELL_PX * 0.45;
    const ny = ((x1 - x0) / len) * CELL_PX * 0.45;
    this.sprayGfx.fillStyle(AGENT_COLOUR[ext.agent] ?? 0xffffff, 0.55).fillTriangle(x0, y0, x1 + nx, y1 + ny, x1 - nx, y1 - ny);
  }
}
