/** Draws one frame of the plan: background image, cells, grid, stairs from the floors above and below,
 *  things, issue markers, the shape being drawn and the ruler. Reads what it is given; changes nothing. */
import type { Scenario } from '../../../engine/index';
import type { Pt } from '../model/cellTools';
import { thingsOn, type Placed } from '../model/things';
import type { Camera } from './camera';
import { CELL_GLYPH, THING_STYLE } from './cellColours';
import type { CellImage } from './cellImage';

export interface Background {
  image: HTMLImageElement | null;
  opacity: number;
  /** Cells per image pixel, and where the image's corner sits in cells. */
  cellsPerPx: number;
  x: number;
  y: number;
}

export interface Overlay {
  preview: Pt[];
  previewCh: string;
  ruler: { a: Pt; b: Pt } | null;
  scalePoints: Pt[];
  selected: { kind: string; index: number } | null;
  /** Things (kind:index) and map rows with checker issues. */
  badThings: ReadonlySet<string>;
  badRows: ReadonlyMap<number, number | null>;
  labels: (p: Placed) => string;
}

function stairsAround(s: Scenario, floorIndex: number): { up: Pt[]; down: Pt[] } {
  const floors = s.world.floors;
  const here = floors[floorIndex];
  const out = { up: [] as Pt[], down: [] as Pt[] };
  if (!here) return out;
  for (const other of floors) {
    const dir = other.level === here.level + 1 ? 'up' : other.level === here.level - 1 ? 'down' : null;
    if (!dir || !Array.isArray(other.rows)) continue;
    other.rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] === 'S') out[dir].push({ x, y });
    });
  }
  return out;
}

export function drawPlan(ctx: CanvasRenderingContext2D, w: number, h: number, cam: Camera, s: Scenario, floorIndex: number, cells: CellImage, bg: Background | null, o: Overlay): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#0f1115';
  ctx.fillRect(0, 0, w, h);
  const floor = s.world.floors[floorIndex];
  if (!floor || !Array.isArray(floor.rows)) return;
  const z = cam.zoom;
  const width = cells.canvas.width;
  const height = cells.canvas.height;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells.canvas, cam.x, cam.y, width * z, height * z);
  if (bg?.image) {
    ctx.globalAlpha = bg.opacity;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(bg.image, cam.x + bg.x * z, cam.y + bg.y * z, bg.image.naturalWidth * bg.cellsPerPx * z, bg.image.naturalHeight * bg.cellsPerPx * z);
    ctx.globalAlpha = 1;
  }
  // Only the cells in view get grid lines and letters.
  const x0 = Math.max(0, Math.floor(-cam.x / z));
  const y0 = Math.max(0, Math.floor(-cam.y / z));
  const x1 = Math.min(width, Math.ceil((w - cam.x) / z));
  const y1 = Math.min(height, Math.ceil((h - cam.y) / z));
  if (z >= 8) {
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.12)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = x0; x <= x1; x++) {
      ctx.moveTo(cam.x + x * z + 0.5, cam.y + y0 * z);
      ctx.lineTo(cam.x + x * z + 0.5, cam.y + y1 * z);
    }
    for (let y = y0; y <= y1; y++) {
      ctx.moveTo(cam.x + x0 * z, cam.y + y * z + 0.5);
      ctx.lineTo(cam.x + x1 * z, cam.y + y * z + 0.5);
    }
    ctx.stroke();
  }
  if (z >= 12) {
    ctx.font = `${Math.round(z * 0.6)}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    for (let y = y0; y < y1; y++) {
      const row = floor.rows[y] ?? '';
      for (let x = x0; x < x1; x++) {
        const g = CELL_GLYPH[row[x] ?? ''];
        if (g) ctx.fillText(g, cam.x + (x + 0.5) * z, cam.y + (y + 0.5) * z);
      }
    }
  }
  // Where stairs on the next floors land: a stair here should meet them.
  const around = stairsAround(s, floorIndex);
  ctx.lineWidth = 2;
  for (const [list, colour] of [[around.up, '#c9a7ff'], [around.down, '#7cc4ff']] as const) {
    ctx.strokeStyle = colour;
    ctx.setLineDash([3, 3]);
    for (const p of list) ctx.strokeRect(cam.x + p.x * z + 2, cam.y + p.y * z + 2, z - 4, z - 4);
    ctx.setLineDash([]);
  }
  for (const [y, x] of o.badRows) {
    ctx.fillStyle = 'rgba(255, 60, 60, 0.8)';
    ctx.fillRect(cam.x - 6, cam.y + y * z, 4, z);
    if (x !== null) {
      ctx.strokeStyle = '#ff3c3c';
      ctx.lineWidth = 3;
      ctx.strokeRect(cam.x + x * z - 1, cam.y + y * z - 1, z + 2, z + 2);
    }
  }
  for (const t of thingsOn(s, floor.id)) {
    const style = THING_STYLE[t.kind] ?? { fill: '#fff', glyph: '?' };
    const px = cam.x + t.x * z;
    const py = cam.y + t.y * z;
    const selected = o.selected?.kind === t.kind && o.selected.index === t.index;
    if (t.kind === 'zone' || t.kind === 'hazard') {
      ctx.fillStyle = style.fill;
      ctx.fillRect(px, py, t.w * z, t.h * z);
      ctx.strokeStyle = t.kind === 'zone' ? '#7cc4ff' : '#ff5a52';
      ctx.lineWidth = selected ? 3 : 1.5;
      ctx.strokeRect(px, py, t.w * z, t.h * z);
    } else {
      ctx.fillStyle = style.fill;
      ctx.beginPath();
      ctx.arc(px + z / 2, py + z / 2, Math.max(3, z * 0.45), 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = selected ? '#ffffff' : '#111';
      ctx.lineWidth = selected ? 3 : 1;
      ctx.stroke();
    }
    if (o.badThings.has(`${t.kind}:${t.index}`)) {
      ctx.strokeStyle = '#ff3c3c';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(px + z / 2, py + z / 2, Math.max(6, z * 0.8), 0, Math.PI * 2);
      ctx.stroke();
    }
    if (z >= 10) {
      ctx.font = `${Math.max(10, Math.round(z * 0.55))}px sans-serif`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 3;
      const label = o.labels(t);
      ctx.strokeText(label, px + z, py);
      ctx.fillText(label, px + z, py);
    }
  }
  if (o.preview.length > 0) {
    ctx.fillStyle = 'rgba(255, 176, 0, 0.55)';
    for (const p of o.preview) ctx.fillRect(cam.x + p.x * z, cam.y + p.y * z, z, z);
  }
  for (const p of o.scalePoints) {
    ctx.fillStyle = '#ffb000';
    ctx.beginPath();
    ctx.arc(cam.x + (p.x + 0.5) * z, cam.y + (p.y + 0.5) * z, 5, 0, Math.PI * 2);
    ctx.fill();
  }
  if (o.ruler) {
    const { a, b } = o.ruler;
    ctx.strokeStyle = '#ffb000';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cam.x + (a.x + 0.5) * z, cam.y + (a.y + 0.5) * z);
    ctx.lineTo(cam.x + (b.x + 0.5) * z, cam.y + (b.y + 0.5) * z);
    ctx.stroke();
  }
}
