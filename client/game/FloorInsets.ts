/** The inset maps of the floor above and below, shown over the play canvas only while something on
 *  them matters (fire, hot gas, thick smoke): one pixel per cell from the engine's fields, redrawn
 *  per tick, with a label and a warning marker; a click or tap views that floor. DOM buttons, so the
 *  text is i18n with real diacritics and the insets work with keyboard and screen readers. Where they
 *  sit is the scene's choice (moveTo); this file never looks at the camera. */
import type { SceneRun } from './WorldSource';
import { Cell } from '../../engine/index';
import i18n, { currentLang } from '../store/i18n';
import type { AdjacentFloor } from './adjacentFloors';
import { heatColour, smokeColour, type Rgba } from './palettes';
import type { Corner } from './insetCorner';

/** Largest inset on screen in CSS pixels; the map keeps its proportions inside. */
const INSET_W = 168;
const INSET_MAX_H = 120;
const LUT_STEPS = 64;
const HEAT_MAX = 10000;
const SMOKE_MAX = 1000;

function lut(max: number, colour: (v: number) => Rgba): Uint8ClampedArray {
  const out = new Uint8ClampedArray(LUT_STEPS * 4);
  for (let k = 0; k < LUT_STEPS; k++) out.set(colour((k / (LUT_STEPS - 1)) * max), k * 4);
  return out;
}

const HEAT_LUT = lut(HEAT_MAX, heatColour);
const SMOKE_LUT = lut(SMOKE_MAX, smokeColour);

/** Plan colours, darker than the main view's so the fire reads first. */
function groundRgb(kind: number): [number, number, number] {
  if (kind === Cell.wall || kind === Cell.window || kind === Cell.windowGrille || kind === Cell.windowOpen) return [28, 32, 40];
  if (kind === Cell.outdoor) return [92, 97, 104];
  if (kind === Cell.stairs) return [150, 140, 118];
  return [178, 166, 142];
}

/** groundRgb by cell kind, three bytes each, looked up per pixel without allocating. */
const GROUND = new Uint8Array(Array.from({ length: 32 }, (_, k) => groundRgb(k)).flat());

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The cells that are not solid wall, plus a cell of margin: a narrow house on a wide lot fills the inset. */
function planBox(cells: ArrayLike<number>, width: number, height: number): Box {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === Cell.wall) continue;
    const x = i % width;
    const y = (i - x) / width;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  if (x1 < 0) return { x: 0, y: 0, w: width, h: height };
  x0 = Math.max(0, x0 - 1);
  y0 = Math.max(0, y0 - 1);
  return { x: x0, y: y0, w: Math.min(width, x1 + 2) - x0, h: Math.min(height, y1 + 2) - y0 };
}

interface Slot {
  button: HTMLButtonElement;
  canvas: HTMLCanvasElement;
  title: HTMLSpanElement;
  state: HTMLSpanElement;
  image: ImageData | null;
  box: Box | null;
  /** The floor and plan version the box was measured for. */
  boxKey: string;
  shown: AdjacentFloor | null;
}

export class FloorInsets {
  private readonly root: HTMLDivElement;
  private readonly slots: Record<'up' | 'down', Slot>;
  private run: SceneRun | null = null;
  private readonly relabel = (): void => this.label();

  constructor(
    host: HTMLElement,
    private readonly onPick: (floor: number) => void,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'floor-insets';
    this.root.dataset.testid = 'floor-insets';
    this.slots = { up: this.slot('up'), down: this.slot('down') };
    host.appendChild(this.root);
    i18n.on('languageChanged', this.relabel);
  }

  private slot(dir: 'up' | 'down'): Slot {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `floor-inset floor-inset-${dir}`;
    button.dataset.dir = dir;
    button.hidden = true;
    const head = document.createElement('span');
    head.className = 'floor-inset-head';
    const marker = document.createElement('span');
    marker.className = 'floor-inset-marker';
    marker.setAttribute('aria-hidden', 'true');
    marker.textContent = '!';
    const title = document.createElement('span');
    title.className = 'floor-inset-title';
    const state = document.createElement('span');
    state.className = 'floor-inset-state';
    head.append(marker, title);
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    button.append(head, canvas, state);
    const s: Slot = { button, canvas, title, state, image: null, box: null, boxKey: '', shown: null };
    button.addEventListener('click', () => {
      if (s.shown) this.onPick(s.shown.floor);
    });
    this.root.appendChild(button);
    return s;
  }

  /** Per tick: shows the floors in `adjacent`, hides the others, repaints what shows. */
  update(run: SceneRun, adjacent: readonly AdjacentFloor[]): void {
    this.run = run;
    for (const dir of ['up', 'down'] as const) {
      const s = this.slots[dir];
      const a = adjacent.find((x) => x.dir === dir) ?? null;
      const changed = a?.floor !== s.shown?.floor || a?.alert !== s.shown?.alert;
      s.shown = a;
      s.button.hidden = !a;
      if (!a) continue;
      s.button.dataset.floor = String(a.floor);
      s.button.dataset.alert = a.alert;
      if (changed) this.labelSlot(s);
      this.paint(run, s, a.floor);
    }
  }

  /** The insets' block in CSS pixels; zero while none shows. */
  size(): { width: number; height: number } {
    return { width: this.root.offsetWidth, height: this.root.offsetHeight };
  }

  /** Puts the block's top-left at (left, top) CSS px in the host, aligned to the side it is on. */
  moveTo(corner: Corner, left: number, top: number): void {
    const st = this.root.style;
    const l = `${Math.round(left)}px`;
    const t = `${Math.round(top)}px`;
    if (st.left !== l) st.left = l;
    if (st.top !== t) st.top = t;
    if (this.root.dataset.corner !== corner) this.root.dataset.corner = corner;
  }

  /** Floors the insets show now, above first (tests read it through the hook). */
  floors(): number[] {
    return (['up', 'down'] as const).map((d) => this.slots[d].shown?.floor).filter((f): f is number => f !== undefined);
  }

  private label(): void {
    this.labelSlot(this.slots.up);
    this.labelSlot(this.slots.down);
  }

  private labelSlot(s: Slot): void {
    const a = s.shown;
    if (!a || !this.run) return;
    const name = this.run.scenario.world.floors[a.floor]?.name;
    const floorName = name ? name[currentLang(i18n.language)] : String(a.floor);
    const where = i18n.t(a.dir === 'up' ? 'floors.inset.above' : 'floors.inset.below');
    const what = i18n.t(`floors.alert.${a.alert}`);
    s.title.textContent = `${where}: ${floorName}`;
    s.state.textContent = what;
    s.button.setAttribute('aria-label', i18n.t(a.dir === 'up' ? 'floors.inset.viewAbove' : 'floors.inset.viewBelow', { floor: floorName, alert: what }));
  }

  private paint(run: SceneRun, s: Slot, f: number): void {
    const grid = run.world.floors[f];
    const heat = run.world.heat[f];
    const smoke = run.world.smoke[f];
    if (!grid || !heat || !smoke) return;
    const ctx = s.canvas.getContext('2d');
    if (!ctx) return;
    const key = `${f}:${grid.version}`;
    if (!s.box || !s.image || s.boxKey !== key) {
      const box = planBox(grid.cells, grid.width, grid.height);
      s.box = box;
      s.boxKey = key;
      s.canvas.width = box.w;
      s.canvas.height = box.h;
      const k = Math.min(INSET_W / box.w, INSET_MAX_H / box.h);
      s.canvas.style.width = `${Math.round(box.w * k)}px`;
      s.canvas.style.height = `${Math.round(box.h * k)}px`;
      s.image = ctx.createImageData(box.w, box.h);
    }
    const box = s.box;
    const data = s.image.data;
    const hk = (LUT_STEPS - 1) / HEAT_MAX;
    const sk = (LUT_STEPS - 1) / SMOKE_MAX;
    for (let yy = 0; yy < box.h; yy++) {
      for (let xx = 0; xx < box.w; xx++) {
        const i = (box.y + yy) * grid.width + box.x + xx;
        const kind = (grid.cells[i] ?? Cell.wall) * 3;
        const r = GROUND[kind] ?? 0;
        const g = GROUND[kind + 1] ?? 0;
        const b = GROUND[kind + 2] ?? 0;
        const h = Math.min(LUT_STEPS - 1, Math.max(0, Math.floor((heat[i] ?? 0) * hk))) * 4;
        const m = Math.min(LUT_STEPS - 1, Math.max(0, Math.floor((smoke[i] ?? 0) * sk))) * 4;
        const ha = (HEAT_LUT[h + 3] ?? 0) / 255;
        const sa = (SMOKE_LUT[m + 3] ?? 0) / 255;
        const o = (yy * box.w + xx) * 4;
        // Smoke over heat over the plan: the same layering as the main view.
        data[o] = ((HEAT_LUT[h] ?? 0) * ha + r * (1 - ha)) * (1 - sa) + (SMOKE_LUT[m] ?? 0) * sa;
        data[o + 1] = ((HEAT_LUT[h + 1] ?? 0) * ha + g * (1 - ha)) * (1 - sa) + (SMOKE_LUT[m + 1] ?? 0) * sa;
        data[o + 2] = ((HEAT_LUT[h + 2] ?? 0) * ha + b * (1 - ha)) * (1 - sa) + (SMOKE_LUT[m + 2] ?? 0) * sa;
        data[o + 3] = 255;
      }
    }
    // Burning items as bright points: where the fire is, even when the gas around is still cool.
    for (const it of run.world.items) {
      const x = it.x - box.x;
      const y = it.y - box.y;
      if (it.burning && it.floor === f && x >= 0 && y >= 0 && x < box.w && y < box.h) data.set([255, 236, 140, 255], (y * box.w + x) * 4);
    }
    ctx.putImageData(s.image, 0, 0);
  }

  destroy(): void {
    i18n.off('languageChanged', this.relabel);
    this.root.remove();
  }
}
