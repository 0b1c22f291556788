/** Turns pointer input on the play canvas into camera moves and taps: one finger or the mouse drags to
 *  pan, two fingers pinch to zoom about their midpoint, the wheel zooms about the mouse, and a press
 *  that barely moves is a tap. It moves only the camera; what a tap means is the scene's business. */
import type Phaser from 'phaser';

/** Game pixels a press may wander and still count as a tap (a fingertip wobbles more than a mouse). */
const TAP_SLOP = 12;

interface Drag {
  id: number;
  x: number;
  y: number;
  sx: number;
  sy: number;
}

interface Pinch {
  dist: number;
  zoom: number;
  /** The world point under the fingers' midpoint when the pinch began: it stays under them. */
  wx: number;
  wy: number;
}

export interface CameraControlOptions {
  /** Smallest and largest zoom for the floor in view. */
  zoomRange(): { min: number; max: number };
  /** A tap or click at a world position. */
  onTap(worldX: number, worldY: number): void;
  /** The zoom changed: bounds that depend on it must follow before the next frame clamps the scroll. */
  onZoom(): void;
}

export class CameraControl {
  private drag: Drag | null = null;
  private pinch: Pinch | null = null;
  /** False once a gesture has moved or pinched, so lifting the finger does not also walk the crew. */
  private tap = false;
  /** The player has moved the view by hand; the scene pauses following the crew member until told. */
  manual = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly options: CameraControlOptions,
  ) {
    // The mouse plus two touch points: enough for a pinch.
    if (scene.input.manager.pointersTotal < 2) scene.input.addPointer(2 - scene.input.manager.pointersTotal);
    // Phaser maps page to game coordinates with canvas bounds it caches at boot; the HUD around the
    // canvas settles later (and a tablet scrolls the page), so re-measure before each press is mapped.
    // pointerdown and wheel reach the canvas before the mouse and touch events Phaser listens to.
    const canvas = scene.game.canvas;
    const measure = (): void => scene.scale.updateBounds();
    canvas.addEventListener('pointerdown', measure, { capture: true });
    canvas.addEventListener('wheel', measure, { capture: true, passive: true });
    scene.events.once('shutdown', () => {
      canvas.removeEventListener('pointerdown', measure, { capture: true });
      canvas.removeEventListener('wheel', measure, { capture: true });
    });
    scene.input.on('pointerdown', (p: Phaser.Input.Pointer) => this.down(p));
    scene.input.on('pointermove', (p: Phaser.Input.Pointer) => this.move(p));
    scene.input.on('pointerup', (p: Phaser.Input.Pointer) => this.up(p, true));
    // Lifted off the canvas (over the HUD, say): the gesture ends but it was no tap.
    scene.input.on('pointerupoutside', (p: Phaser.Input.Pointer) => this.up(p, false));
    scene.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.zoomAt(this.camera.zoom * (dy > 0 ? 0.9 : 1.1), p.x, p.y));
  }

  /** True while a finger or the mouse button is down on the canvas. */
  get active(): boolean {
    return this.drag !== null || this.pinch !== null;
  }

  private get camera(): Phaser.Cameras.Scene2D.Camera {
    return this.scene.cameras.main;
  }

  private touching(): Phaser.Input.Pointer[] {
    return this.scene.input.manager.pointers.filter((q) => q.isDown && q.id !== 0);
  }

  private down(p: Phaser.Input.Pointer): void {
    const fingers = this.touching();
    const a = fingers[0];
    const b = fingers[1];
    if (a && b) {
      const cam = this.camera;
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const w = this.toWorld(mx, my);
      this.camera.panEffect.reset();
      this.pinch = { dist: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), zoom: cam.zoom, wx: w.x, wy: w.y };
      this.drag = null;
      this.tap = false;
      return;
    }
    if (this.pinch) return;
    // A hand on the view takes it over from any follow pan still easing in.
    this.camera.panEffect.reset();
    this.drag = { id: p.id, x: p.x, y: p.y, sx: this.camera.scrollX, sy: this.camera.scrollY };
    this.tap = true;
  }

  private move(p: Phaser.Input.Pointer): void {
    if (this.pinch) {
      const [a, b] = this.touching();
      if (!a || !b) return;
      const z = this.clampZoom(this.pinch.zoom * (Math.hypot(a.x - b.x, a.y - b.y) / this.pinch.dist));
      this.place(z, this.pinch.wx, this.pinch.wy, (a.x + b.x) / 2, (a.y + b.y) / 2);
      this.manual = true;
      return;
    }
    const d = this.drag;
    if (!d || d.id !== p.id || !p.isDown) return;
    if (Math.hypot(p.x - d.x, p.y - d.y) <= TAP_SLOP && this.tap) return;
    this.tap = false;
    this.manual = true;
    const cam = this.camera;
    cam.setScroll(d.sx - (p.x - d.x) / cam.zoom, d.sy - (p.y - d.y) / cam.zoom);
  }

  private up(p: Phaser.Input.Pointer, onCanvas: boolean): void {
    if (this.pinch) {
      // The gesture ends when the last finger lifts; a finger left behind neither pans nor taps.
      if (this.touching().length === 0) this.pinch = null;
      return;
    }
    const d = this.drag;
    if (!d || d.id !== p.id) return;
    this.drag = null;
    // World position from the pointer's screen position: Phaser leaves worldX stale after a touch.
    if (onCanvas && this.tap && Math.hypot(p.x - d.x, p.y - d.y) <= TAP_SLOP) {
      const w = this.toWorld(p.x, p.y);
      this.options.onTap(w.x, w.y);
    }
    this.tap = false;
  }

  private clampZoom(z: number): number {
    const { min, max } = this.options.zoomRange();
    return Math.min(max, Math.max(min, z));
  }

  /** The world point under screen point (x, y) for the camera as it stands (origin at its centre). */
  private toWorld(x: number, y: number): { x: number; y: number } {
    const cam = this.camera;
    const z = cam.zoom;
    return { x: cam.scrollX + (cam.width / 2) * (1 - 1 / z) + x / z, y: cam.scrollY + (cam.height / 2) * (1 - 1 / z) + y / z };
  }

  /** Zoom `z`, scrolled so world point (wx, wy) shows at screen point (x, y). */
  private place(z: number, wx: number, wy: number, x: number, y: number): void {
    const cam = this.camera;
    cam.setZoom(z);
    this.options.onZoom();
    cam.setScroll(wx - x / z - (cam.width / 2) * (1 - 1 / z), wy - y / z - (cam.height / 2) * (1 - 1 / z));
  }

  /** Zooms to `z` (clamped) keeping the world point under screen point (x, y) where it is. */
  zoomAt(z: number, x: number, y: number): void {
    this.camera.panEffect.reset();
    this.manual = true;
    const w = this.toWorld(x, y);
    this.place(this.clampZoom(z), w.x, w.y, x, y);
  }
}
