/** A floor's cells as a one-pixel-per-cell image, redrawn only where rows changed: the plan scales it
 *  up without smoothing, so drawing a wall on a 132 x 40 floor costs one row, not the whole map. */
import { CELL_RGB } from './cellColours';

export class CellImage {
  readonly canvas: HTMLCanvasElement;
  private rows: readonly string[] = [];
  private readonly ctx: CanvasRenderingContext2D;

  constructor() {
    this.canvas = document.createElement('canvas');
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas is not available');
    this.ctx = ctx;
  }

  /** Brings the image up to `rows`; rows whose string is the same object are skipped. */
  update(rows: readonly string[]): void {
    const height = rows.length;
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const resized = this.canvas.width !== width || this.canvas.height !== height;
    if (resized) {
      this.canvas.width = Math.max(1, width);
      this.canvas.height = Math.max(1, height);
    }
    for (let y = 0; y < height; y++) {
      const row = rows[y] ?? '';
      if (!resized && this.rows[y] === row) continue;
      const img = this.ctx.createImageData(Math.max(1, width), 1);
      for (let x = 0; x < width; x++) {
        const [r, g, b] = CELL_RGB[row[x] ?? '#'] ?? [255, 0, 255];
        img.data[x * 4] = r;
        img.data[x * 4 + 1] = g;
        img.data[x * 4 + 2] = b;
        img.data[x * 4 + 3] = row[x] === undefined ? 0 : 255;
      }
      this.ctx.putImageData(img, 0, y);
    }
    this.rows = rows;
  }
}
