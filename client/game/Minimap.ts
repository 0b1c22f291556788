/** The minimap: the whole floor in view in one small canvas over the play area, with the fire, the crew
 *  (the followed member marked), the casualties and the part of the floor on screen; a click or tap there
 *  moves the camera to that spot. A DOM element the scene feeds per tick; it never looks at the run itself
 *  and moves only the camera, through the callback it is given. */
import { Cell, type WorldState } from '../../engine/index';
import i18n from '../store/i18n';

/** Largest size on screen in CSS pixels; the floor keeps its proportions inside. */
const MAX_W = 180;
const MAX_H = 110;

function ground(kind: number): [number, number, number] {
  if (kind === Cell.wall) return [30, 34, 42];
  if (kind === Cell.outdoor) return [88, 92, 98];
  if (kind === Cell.window || kind === Cell.windowGrille || kind === Cell.windowOpen) return [120, 170, 210];
  if (kind === Cell.doorClosed || kind === Cell.doorOpen || kind === Cell.doorLocked) return [139, 90, 43];
  return [200, 190, 168];
}

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private image: ImageData | null = null;
  private key = '';
  private width = 0;
  private height = 0;
  private readonly relabel = (): void => this.canvas.setAttribute('aria-label', i18n.t('play.minimap'));

  constructor(
    host: HTMLElement,
    private readonly onPick: (cellX: number, cellY: number) => void,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'minimap';
    this.canvas.dataset.testid = 'minimap';
    this.canvas.setAttribute('role', 'img');
    this.relabel();
    this.canvas.addEventListener('pointerdown', (e) => {
      e.stopPropagation();
      const r = this.canvas.getBoundingClientRect();
      if (r.width === 0 || this.width === 0) return;
      this.onPick(Math.floor(((e.clientX - r.left) / r.width) * this.width), Math.floor(((e.clientY - r.top) / r.height) * this.height));
    });
    host.appendChild(this.canvas);
    i18n.on('languageChanged', this.relabel);
  }

  /** Per tick: floor `f` with what is on it, `view` the cells on screen, `followed` the marked member. */
  update(w: WorldState, f: number, view: { x: number; y: number; w: number; h: number }, followed: string): void {
    const g = w.floors[f];
    const heat = w.heat[f];
    if (!g || !heat) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const key = `${f}:${g.version}`;
    if (!this.image || this.key !== key) {
      this.key = key;
      this.width = g.width;
      this.height = g.height;
      this.canvas.width = g.width;
      this.canvas.height = g.height;
      const k = Math.min(MAX_W / g.width, MAX_H / g.height, 4);
      this.canvas.style.width = `${Math.round(g.width * k)}px`;
      this.canvas.style.height = `${Math.round(g.height * k)}px`;
      this.image = ctx.createImageData(g.width, g.height);
    }
    const data = this.image.data;
    for (let i = 0; i < g.cells.length; i++) {
      const [r, gg, b] = ground(g.cells[i] ?? Cell.wall);
      // Hot gas tints the plan: the fire's reach at a glance.
      const t = Math.max(0, Math.min(1, ((heat[i] ?? 0) - 800) / 5000));
      data[i * 4] = r + (255 - r) * t;
      data[i * 4 + 1] = gg + (120 - gg) * t;
      data[i * 4 + 2] = b * (1 - t);
      data[i * 4 + 3] = 255;
    }
    ctx.putImageData(this.image, 0, 0);
    const dot = (x: number, y: number, colour: string, size: number): void => {
      ctx.fillStyle = colour;
      ctx.fillRect(x - (size - 1) / 2, y - (size - 1) / 2, size, size);
    };
    for (const it of w.items) if (it.burning && it.floor === f) dot(it.x, it.y, '#ffe066', 3);
    for (const v of w.victims) if (!v.hidden && !v.carriedBy && v.floor === f) dot(v.x, v.y, v.status === 'dead' ? '#8d949c' : '#ff6ad5', 3);
    for (const c of w.crew) if (c.floor === f) dot(c.x, c.y, c.id === followed ? '#ffffff' : '#5fb3ff', c.id === followed ? 4 : 3);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.max(0, view.x) + 0.5, Math.max(0, view.y) + 0.5, Math.min(g.width, view.w) - 1, Math.min(g.height, view.h) - 1);
  }

  destroy(): void {
    i18n.off('languageChanged', this.relabel);
    this.canvas.remove();
  }
}
