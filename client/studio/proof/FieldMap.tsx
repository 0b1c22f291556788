/** One small map of a floor: its cells with the "fire only" heat and smoke over them, or the ghost
 *  run's people and fires at a moment of the replay. Draws once per change of what it is given. */
import { useEffect, useRef } from 'react';
import { CellImage } from '../plan/cellImage';
import { fieldRgba } from './fieldColours';
import type { Frame } from './ghostRun';

const PX = 4;

export function FieldMap({ rows, heat, smoke, frame, floor, label, box }: { rows: readonly string[]; heat?: Int32Array; smoke?: Int32Array; frame?: Frame; floor: number; label: string; box?: { x0: number; y0: number; x1: number; y1: number } | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const width = rows[0]?.length ?? 0;
  const height = rows.length;
  useEffect(() => {
    const el = ref.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const cells = new CellImage();
    cells.update(rows);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells.canvas, 0, 0, width * PX, height * PX);
    if (heat && smoke) {
      const img = ctx.createImageData(width, height);
      for (let i = 0; i < width * height; i++) {
        const [r, g, b, a] = fieldRgba(heat[i] ?? 0, smoke[i] ?? 0);
        img.data.set([r, g, b, a], i * 4);
      }
      const tmp = document.createElement('canvas');
      tmp.width = width;
      tmp.height = height;
      tmp.getContext('2d')?.putImageData(img, 0, 0);
      ctx.drawImage(tmp, 0, 0, width * PX, height * PX);
    }
    if (box) {
      ctx.strokeStyle = '#ff2d2d';
      ctx.lineWidth = 2;
      ctx.strokeRect(box.x0 * PX, box.y0 * PX, (box.x1 - box.x0 + 1) * PX, (box.y1 - box.y0 + 1) * PX);
    }
    if (frame) {
      const dot = (x: number, y: number, colour: string): void => {
        ctx.fillStyle = colour;
        ctx.beginPath();
        ctx.arc((x + 0.5) * PX, (y + 0.5) * PX, PX * 0.9, 0, Math.PI * 2);
        ctx.fill();
      };
      for (const f of frame.fires) if (f.floor === floor) dot(f.x, f.y, '#ff6b2c');
      for (const v of frame.victims) if (v.floor === floor && !v.hidden) dot(v.x, v.y, v.status === 'dead' ? '#000' : v.safe ? '#3fbf6a' : '#ffd23f');
      for (const c of frame.crew) if (c.floor === floor) dot(c.x, c.y, '#3fa7ff');
    }
  }, [rows, heat, smoke, frame, floor, width, height, box]);
  return <canvas ref={ref} width={width * PX} height={height * PX} className="field-map" role="img" aria-label={label} />;
}
