/** The fire's moving parts as particles from the atlas: smoke billowing off every burning item, more and
 *  bigger with its heat release; embers from the big ones; steam where water meets the fire; a burst where
 *  the engine reports a flare-up, a cylinder failing, a flashover or a collapse; and at night the dark with
 *  the fire's own light (and the engine's lamps) in it. Capped pools, no object per cell. Reads the world
 *  and the events it is given; never changes either. */
import Phaser from 'phaser';
import type { WorldState } from '../../engine/index';
import type { SceneEvent } from './WorldSource';
import { FX } from './art/assetKeys';
import { ART_SCALE, ATLAS } from './art/atlasKey';
import { CELL_PX, VIEW_H, VIEW_W } from './constants';

/** Smoke sources at most: the biggest fires. */
const MAX_SMOKE = 8;
/** Heat release at which a fire's smoke and light reach full size (a room going to flashover). */
const FULL_KW = 1500;
/** Events drawn as a burst where they happen. */
const BURSTS = new Set(['AGENT_FLARE_UP', 'LPG_FAILURE', 'FLASHOVER', 'COLLAPSE', 'ELECTRIC_SHOCK']);

type Emitter = Phaser.GameObjects.Particles.ParticleEmitter;

export class FireFx {
  private readonly smoke: Emitter[] = [];
  private readonly embers: Emitter;
  private readonly steam: Emitter;
  private readonly glows: Phaser.GameObjects.Image[] = [];
  private readonly dark: Phaser.GameObjects.Rectangle | null;

  constructor(
    private readonly scene: Phaser.Scene,
    depth: number,
    night: boolean,
  ) {
    for (let k = 0; k < MAX_SMOKE; k++) {
      this.smoke.push(
        scene.add
          .particles(0, 0, ATLAS, {
            frame: FX.smoke,
            lifespan: 2600,
            speed: { min: 6, max: 22 },
            scale: { start: 0.5, end: 1.9 },
            alpha: { start: 0.55, end: 0 },
            rotate: { min: 0, max: 360 },
            frequency: 240,
            emitting: false,
          })
          .setDepth(depth),
      );
    }
    this.embers = scene.add
      .particles(0, 0, ATLAS, { frame: FX.ember, lifespan: 900, speed: { min: 20, max: 60 }, scale: { start: 0.9, end: 0.2 }, alpha: { start: 1, end: 0 }, blendMode: Phaser.BlendModes.ADD, emitting: false })
      .setDepth(depth + 0.2);
    this.steam = scene.add
      .particles(0, 0, ATLAS, { frame: FX.steam, lifespan: 1400, speed: { min: 10, max: 30 }, scale: { start: 0.35, end: 1.3 }, alpha: { start: 0.7, end: 0 }, emitting: false })
      .setDepth(depth + 0.1);
    // Night: a dark veil over the whole view, under the fire's light.
    this.dark = night ? scene.add.rectangle(0, 0, VIEW_W * 4, VIEW_H * 4, 0x050812, 0.62).setScrollFactor(0).setOrigin(0.5).setDepth(depth + 1) : null;
    this.dark?.setPosition(VIEW_W / 2, VIEW_H / 2);
    this.glowDepth = depth + 1.1;
  }

  private readonly glowDepth: number;

  /** Per tick: smoke and light on the burning items of floor `f`, steam where water reaches a fire. */
  place(w: WorldState, f: number): void {
    const fires = w.items.filter((i) => i.burning && i.floor === f).sort((a, b) => b.hrrKW - a.hrrKW);
    this.smoke.forEach((e, k) => {
      const it = fires[k];
      if (!it) {
        e.stop();
        return;
      }
      const size = Math.min(1, it.hrrKW / FULL_KW);
      e.setPosition((it.x + 0.5) * CELL_PX, (it.y + 0.5) * CELL_PX);
      // A small fire puffs now and then; a big one pours smoke.
      e.setFrequency(Math.round(320 - 250 * size), 1 + Math.round(2 * size));
      e.setScale(0.6 + 0.9 * size);
      if (!e.emitting) e.start();
    });
    const big = fires[0];
    if (big && big.hrrKW > 150) {
      this.embers.setPosition((big.x + 0.5) * CELL_PX, (big.y + 0.5) * CELL_PX);
      this.embers.setFrequency(Math.round(260 - 200 * Math.min(1, big.hrrKW / FULL_KW)));
      if (!this.embers.emitting) this.embers.start();
    } else this.embers.stop();
    let steaming = false;
    for (const c of w.crew) {
      if (c.floor !== f || !c.dischargingAt) continue;
      const agent = c.hose ? 'water' : c.equipment[c.selected]?.agent;
      const target = w.items.find((i) => i.id === c.dischargingAt);
      if (!target || !target.burning || (agent !== 'water' && agent !== 'foam')) continue;
      this.steam.setPosition((target.x + 0.5) * CELL_PX, (target.y + 0.5) * CELL_PX);
      steaming = true;
    }
    if (steaming && !this.steam.emitting) this.steam.start();
    else if (!steaming) this.steam.stop();
    if (this.dark) this.placeLight(w, f, fires);
  }

  /** The fire's light at night, sized by heat release, and the lamps of the engines on scene. */
  private placeLight(w: WorldState, f: number, fires: WorldState['items']): void {
    const lights: { x: number; y: number; scale: number; tint: number }[] = [];
    for (const it of fires.slice(0, 10)) lights.push({ x: it.x, y: it.y, scale: 1.5 + 4 * Math.min(1, it.hrrKW / FULL_KW), tint: 0xffb060 });
    for (const v of w.vehicles) if (v.floor === f) lights.push({ x: v.x, y: v.y, scale: 3, tint: 0xc8d8ff });
    // Each crew member's torch: a small pool of light where it stands.
    for (const c of w.crew) if (c.floor === f) lights.push({ x: c.x, y: c.y, scale: 1.2, tint: 0xf4f0e0 });
    while (this.glows.length < lights.length) this.glows.push(this.scene.add.image(0, 0, ATLAS, FX.glow).setBlendMode(Phaser.BlendModes.ADD).setDepth(this.glowDepth));
    this.glows.forEach((g, k) => {
      const l = lights[k];
      g.setVisible(!!l);
      if (l) g.setPosition((l.x + 0.5) * CELL_PX, (l.y + 0.5) * CELL_PX).setScale(ART_SCALE * l.scale).setTint(l.tint);
    });
  }

  /** Per frame: the fire's light flickers. */
  animate(now: number): void {
    this.glows.forEach((g, k) => {
      if (g.visible) g.setAlpha(0.78 + 0.22 * Math.sin(now / 70 + k * 1.7) * Math.sin(now / 113 + k));
    });
  }

  /** A burst where an event of `BURSTS` happened on floor `f`: at its item, else its crew member. */
  events(w: WorldState, f: number, events: readonly SceneEvent[]): void {
    for (const e of events) {
      if (!BURSTS.has(e.type)) continue;
      const at = (e.itemId ? w.items.find((i) => i.id === e.itemId) : undefined) ?? (e.crewId ? w.crew.find((c) => c.id === e.crewId) : undefined);
      if (!at || at.floor !== f) continue;
      const x = (at.x + 0.5) * CELL_PX;
      const y = (at.y + 0.5) * CELL_PX;
      const burst = this.scene.add.image(x, y, ATLAS, FX.burst).setDepth(this.glowDepth + 0.1).setBlendMode(Phaser.BlendModes.ADD).setScale(ART_SCALE * 0.6);
      const big = e.type === 'LPG_FAILURE' || e.type === 'FLASHOVER' ? 5 : 3;
      this.scene.tweens.add({ targets: burst, scale: ART_SCALE * big, alpha: 0, duration: 900, ease: 'Cubic.easeOut', onComplete: () => burst.destroy() });
      if (e.type !== 'ELECTRIC_SHOCK') this.embers.explode(24, x, y);
    }
  }

  clear(): void {
    for (const e of this.smoke) e.stop();
    this.embers.stop();
    this.steam.stop();
    for (const g of this.glows) g.setVisible(false);
  }
}
