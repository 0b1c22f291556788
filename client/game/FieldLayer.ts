/** One grid field (heat or smoke) shown as ONE canvas texture with one pixel per cell, rewritten per
 *  tick and stretched over the map with linear filtering. Never one game object per cell. */
import Phaser from 'phaser';
import { CELL_PX } from './constants';
import type { Rgba } from './palettes';

export { heatColour, smokeColour, type Rgba } from './palettes';

/** Colour lookup over [0, max]: values are quantised into `steps` buckets so a tick costs one pass. */
function buildLut(max: number, steps: number, colour: (value: number) => Rgba): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(steps * 4);
  for (let k = 0; k < steps; k++) lut.set(colour((k / (steps - 1)) * max), k * 4);
  return lut;
}

export class FieldLayer {
  private readonly texture: Phaser.Textures.CanvasTexture;
  private readonly pixels: ImageData;
  private readonly lut: Uint8ClampedArray;
  private readonly steps = 512;
  readonly image: Phaser.GameObjects.Image;

  constructor(
    scene: Phaser.Scene,
    key: string,
    private readonly width: number,
    height: number,
    private readonly max: number,
    colour: (value: number) => Rgba,
  ) {
    if (scene.textures.exists(key)) scene.textures.remove(key);
    const texture = scene.textures.createCanvas(key, width, height);
    if (!texture) throw new Error(`cannot create texture ${key}`);
    this.texture = texture;
    this.texture.setFilter(Phaser.Textures.FilterMode.LINEAR);
    this.pixels = texture.context.createImageData(width, height);
    this.lut = buildLut(max, this.steps, colour);
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setScale(CELL_PX);
  }

  /** Repaints from `values` (row-major, one per cell). */
  update(values: Int32Array): void {
    const data = this.pixels.data;
    const scale = (this.steps - 1) / this.max;
    for (let i = 0; i < values.length && i < this.width * this.pixels.height; i++) {
      const v = values[i] ?? 0;
      const k = v <= 0 ? 0 : v >= this.max ? this.steps - 1 : Math.floor(v * scale);
      const o = k * 4;
      data[i * 4] = this.lut[o] ?? 0;
      data[i * 4 + 1] = this.lut[o + 1] ?? 0;
      data[i * 4 + 2] = this.lut[o + 2] ?? 0;
      data[i * 4 + 3] = this.lut[o + 3] ?? 0;
    }
    this.texture.putData(this.pixels, 0, 0);
    this.texture.refresh();
  }
}

