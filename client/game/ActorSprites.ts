/** The atlas images of what stands on the floor in view: items by kind (blackened once burnt out),
 *  vehicles by kind, hydrants, pitched ladders, casualties by age and state, and crew by role in the pose
 *  their state calls for (walking, carrying, spraying, down). One image per thing, reused tick to tick;
 *  positions between ticks come from the scene's glide. Reads the world; never changes it. */
import type Phaser from 'phaser';
import type { CrewState, WorldState } from '../../engine/index';
import { ART_SCALE, ATLAS } from './art/atlasKey';
import { crewKey, itemKey, KIT, vehicleKey, victimKey, type CrewPose } from './art/assetKeys';
import { CELL_PX } from './constants';

type Victim = WorldState['victims'][number];

/** Down: burned past standing, overcome by smoke, or dead (the engine's crew status). */
export function crewDown(c: CrewState): boolean {
  return c.status === 'down' || c.status === 'dead';
}

export function crewPose(c: CrewState, walking: boolean, step: number): CrewPose {
  if (crewDown(c)) return 'down';
  if (c.carrying) return 'carry';
  if (c.dischargingAt) return 'spray';
  if (walking) return step % 2 === 0 ? 'walk1' : 'walk2';
  return 'stand';
}

export function victimArt(v: Victim): 'ok' | 'down' | 'dead' | 'safe' {
  if (v.status === 'dead') return 'dead';
  if (v.safe) return 'safe';
  if (v.status === 'incapacitated' || v.mobility === 'unconscious') return 'down';
  return 'ok';
}

export class ActorSprites {
  private readonly items = new Map<string, Phaser.GameObjects.Image>();
  private readonly vehicles = new Map<string, Phaser.GameObjects.Image>();
  private readonly hydrants = new Map<string, Phaser.GameObjects.Image>();
  private readonly victims = new Map<string, Phaser.GameObjects.Image>();
  readonly crew = new Map<string, Phaser.GameObjects.Image>();
  private ladders: Phaser.GameObjects.Image[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depths: { items: number; kit: number; victims: number; crew: number },
  ) {}

  private image(pool: Map<string, Phaser.GameObjects.Image>, id: string, frame: string, depth: number): Phaser.GameObjects.Image {
    let im = pool.get(id);
    if (!im) {
      im = this.scene.add.image(0, 0, ATLAS, frame).setScale(ART_SCALE).setDepth(depth);
      pool.set(id, im);
    } else if (im.frame.name !== frame) im.setFrame(frame);
    return im;
  }

  /** Per tick: items, vehicles, hydrants and ladders on floor `f`. `vehicleKinds` names each vehicle's kind. */
  placeStatic(w: WorldState, f: number, vehicleKinds: ReadonlyMap<string, string>): void {
    const seen = new Set<string>();
    for (const it of w.items) {
      seen.add(it.id);
      const im = this.image(this.items, it.id, itemKey(it.kind), this.depths.items);
      im.setVisible(it.floor === f).setPosition((it.x + 0.5) * CELL_PX, (it.y + 0.5) * CELL_PX);
      // Burnt out: charred; a shut valve or isolated power shows on the item's own effects.
      im.setTint(it.fuelKJ <= 0 ? 0x3a302a : it.burning ? 0xffd6b0 : 0xffffff);
    }
    for (const [id, im] of this.items) if (!seen.has(id)) im.setVisible(false);
    for (const v of w.vehicles) {
      const im = this.image(this.vehicles, v.id, vehicleKey(vehicleKinds.get(v.id) ?? 'engine'), this.depths.kit);
      im.setVisible(v.floor === f).setPosition((v.x + 0.5) * CELL_PX, (v.y + 0.5) * CELL_PX);
    }
    for (const h of w.hydrants) {
      const im = this.image(this.hydrants, h.id, KIT.hydrant, this.depths.kit);
      im.setVisible(h.floor === f).setPosition((h.x + 0.5) * CELL_PX, (h.y + 0.5) * CELL_PX).setTint(h.working ? 0xffffff : 0x777777);
    }
    const onGround = (w.levels[f] ?? 0) === 0;
    while (this.ladders.length < w.ladders.length) this.ladders.push(this.scene.add.image(0, 0, ATLAS, KIT.ladder).setScale(ART_SCALE).setDepth(this.depths.kit + 0.1));
    this.ladders.forEach((im, k) => {
      const l = w.ladders[k];
      im.setVisible(!!l && onGround);
      if (!l) return;
      // From the foot in the street to the wall under the window: the ladder lies along that line.
      const x0 = (l.footX + 0.5) * CELL_PX;
      const y0 = (l.footY + 0.5) * CELL_PX;
      const x1 = (l.x + 0.5) * CELL_PX;
      const y1 = (l.y + 0.5) * CELL_PX;
      im.setPosition((x0 + x1) / 2, (y0 + y1) / 2).setRotation(Math.atan2(y1 - y0, x1 - x0) + Math.PI / 2);
    });
  }

  /** Per frame: casualties on floor `f` at `at`'s positions; `frame` waves the arms of those calling out. */
  placeVictims(w: WorldState, f: number, frame: number, at: (v: Victim) => { x: number; y: number } | null): void {
    for (const v of w.victims) {
      const state = victimArt(v);
      const im = this.image(this.victims, v.id, victimKey(v.child, state, v.reached ? 0 : frame), this.depths.victims);
      // Carried, a casualty is drawn in the carrier's arms (the carry pose).
      const p = v.hidden || v.carriedBy || v.floor !== f ? null : at(v);
      im.setVisible(p !== null);
      if (p) im.setPosition((p.x + 0.5) * CELL_PX, (p.y + 0.5) * CELL_PX);
    }
  }

  /** The image for crew member `c` in pose `pose` (created on first use). */
  crewImage(c: CrewState, pose: CrewPose): Phaser.GameObjects.Image {
    return this.image(this.crew, c.id, crewKey(c.role, pose), this.depths.crew);
  }

  destroy(): void {
    for (const pool of [this.items, this.vehicles, this.hydrants, this.victims, this.crew]) {
      for (const im of pool.values()) im.destroy();
      pool.clear();
    }
    for (const im of this.ladders) im.destroy();
    this.ladders = [];
  }
}
