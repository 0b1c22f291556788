/** The plan: a canvas showing the floor in view, and the pointer gestures of every tool (pen, line,
 *  rectangle, fill, erase, select and drag, place, ruler, scale points), zoom with the wheel or a pinch,
 *  pan with the middle button, space + drag or two fingers. Redraws on animation frames from the store;
 *  React renders it once. One stroke or drag is one undo step. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_SIZE_M } from '../../../engine/index';
import { useIssues } from '../check/issueStore';
import { locateIssue } from '../check/locateIssue';
import type { Pt } from '../model/cellTools';
import { append, setIn, updateIn } from '../model/paths';
import { useStudio } from '../model/studioStore';
import { AREA_KINDS, newThing, THING_PATH, type ThingKind } from '../model/things';
import { benchRecord } from '../benchHook';
import { useBackgrounds } from './backgroundStore';
import { fitCamera, toCell, zoomAt, type Camera } from './camera';
import { CellImage } from './cellImage';
import { drawPlan } from './drawPlan';
import { thingAt } from './hitTest';
import { paintFloor, shapeCells, toolChar } from './paintStroke';

type Gesture =
  | { kind: 'pen'; last: Pt; ch: string }
  | { kind: 'shape'; start: Pt; end: Pt }
  | { kind: 'drag'; thing: ThingKind; index: number; from: Pt; origin: Pt }
  | { kind: 'area'; thing: ThingKind; start: Pt; end: Pt }
  | { kind: 'pan'; sx: number; sy: number; cam: Camera }
  | { kind: 'ruler'; a: Pt; b: Pt }
  | { kind: 'pinch' };

export interface PlanCanvasProps {
  /** Called with the two scale points once both are clicked. */
  onScalePoints: (a: Pt, b: Pt) => void;
  /** The variant the place tool lays (an item kind, a crew role). */
  variant: string;
}

export function PlanCanvas({ onScalePoints, variant }: PlanCanvasProps) {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [cam, setCamState] = useState<Camera>({ zoom: 12, x: 20, y: 20 });
  const [rulerText, setRulerText] = useState('');
  const [hover, setHover] = useState<Pt | null>(null);
  const state = useRef({ cam, gesture: null as Gesture | null, preview: [] as Pt[], scalePoints: [] as Pt[], ruler: null as { a: Pt; b: Pt } | null, cells: null as CellImage | null, frame: 0, fittedFloor: '', space: false, pointers: new Map<number, Pt>(), pinchDist: 0 });
  const variantRef = useRef(variant);
  variantRef.current = variant;
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';

  const setCam = (c: Camera): void => {
    state.current.cam = c;
    setCamState(c);
    request();
  };

  const draw = (): void => {
    const t0 = performance.now();
    drawFrame();
    benchRecord('draw', performance.now() - t0);
  };

  const drawFrame = (): void => {
    state.current.frame = 0;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const { draft, floor, selection } = useStudio.getState();
    const f = draft?.world.floors[floor];
    if (!draft || !f) return;
    const st = state.current;
    st.cells ??= new CellImage();
    st.cells.update(Array.isArray(f.rows) ? f.rows : []);
    const bg = useBackgrounds.getState();
    const meta = bg.byFloor[f.id];
    const issues = useIssues.getState().issues;
    const badThings = new Set<string>();
    const badRows = new Map<number, number | null>();
    for (const i of issues) {
      const at = locateIssue(i.path, i.rule);
      if (at.thing) badThings.add(`${at.thing.kind}:${at.thing.index}`);
      if (at.floor === floor && at.row !== undefined) badRows.set(at.row, at.cell?.x ?? null);
    }
    const kindOf = selection ? (Object.entries(THING_PATH).find(([, p]) => p.join('.') === selection.path.join('.'))?.[0] ?? '') : '';
    drawPlan(ctx, el.width, el.height, st.cam, draft, floor, st.cells, meta ? { image: bg.images[f.id] ?? null, ...meta } : null, {
      preview: st.preview,
      previewCh: '',
      ruler: st.ruler,
      scalePoints: st.scalePoints,
      selected: selection ? { kind: kindOf, index: selection.index } : null,
      badThings,
      badRows,
      labels: (p) => {
        const list = p.kind === 'crew' ? draft.crew : (draft.world as unknown as Record<string, { name?: { vi?: string; en?: string } }[]>)[THING_PATH[p.kind][1] as string];
        return list?.[p.index]?.name?.[lang] ?? p.id;
      },
    });
  };

  const request = (): void => {
    if (state.current.frame === 0) state.current.frame = requestAnimationFrame(draw);
  };

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const fit = (): void => {
      const { draft, floor } = useStudio.getState();
      const f = draft?.world.floors[floor];
      if (!f || !Array.isArray(f.rows)) return;
      setCam(fitCamera(f.rows[0]?.length ?? 0, f.rows.length, el.width, el.height));
      state.current.fittedFloor = `${useStudio.getState().draftId}:${f.id}`;
    };
    const resize = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      el.width = Math.max(1, Math.round(r.width));
      el.height = Math.max(1, Math.round(r.height));
      if (!state.current.fittedFloor) fit();
      request();
    });
    resize.observe(el);
    const unsubscribe = useStudio.subscribe((s, prev) => {
      const f = s.draft?.world.floors[s.floor];
      if (f && (s.floor !== prev.floor || s.draftId !== prev.draftId) && state.current.fittedFloor !== `${s.draftId}:${f.id}`) fit();
      if (s.draft !== prev.draft || s.floor !== prev.floor || s.selection !== prev.selection) request();
    });
    const unIssues = useIssues.subscribe(request);
    const unBg = useBackgrounds.subscribe(request);
    const keys = (e: KeyboardEvent): void => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === ' ') state.current.space = e.type === 'keydown';
      // + and - zoom about the middle of the plan, for those without a wheel or a pinch.
      if (e.type === 'keydown' && (e.key === '+' || e.key === '=' || e.key === '-') && !e.ctrlKey && !e.metaKey) setCam(zoomAt(state.current.cam, el.width / 2, el.height / 2, e.key === '-' ? 1 / 1.25 : 1.25));
    };
    window.addEventListener('keydown', keys);
    window.addEventListener('keyup', keys);
    const wheel = (e: WheelEvent): void => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      setCam(zoomAt(state.current.cam, e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.15 : 1 / 1.15));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      resize.disconnect();
      unsubscribe();
      unIssues();
      unBg();
      window.removeEventListener('keydown', keys);
      window.removeEventListener('keyup', keys);
      el.removeEventListener('wheel', wheel);
      cancelAnimationFrame(state.current.frame);
    };
    // Set up once: everything the canvas draws is read from the stores at draw time.
  }, []);

  const at = (e: React.PointerEvent): { cell: Pt; sx: number; sy: number } => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const sx = e.clientX - r.left;
    const sy = e.clientY - r.top;
    return { cell: toCell(state.current.cam, sx, sy), sx, sy };
  };

  const measure = (a: Pt, b: Pt): void => {
    const m = Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)) * CELL_SIZE_M;
    setRulerText(t('studio.plan.rulerDistance', { m: m.toFixed(1) }));
  };

  const down = (e: React.PointerEvent): void => {
    const st = state.current;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const { cell, sx, sy } = at(e);
    st.pointers.set(e.pointerId, { x: sx, y: sy });
    if (st.pointers.size === 2) {
      // A second finger turns whatever the first began into a pinch; an unfinished stroke is kept as it is.
      if (st.gesture?.kind === 'pen' || st.gesture?.kind === 'drag') useStudio.getState().endStroke();
      st.preview = [];
      const [p, q] = [...st.pointers.values()] as [Pt, Pt];
      st.pinchDist = Math.hypot(p.x - q.x, p.y - q.y);
      st.gesture = { kind: 'pinch' };
      return;
    }
    const studio = useStudio.getState();
    const tool = studio.tool;
    const floor = studio.draft.world.floors[studio.floor];
    if (!floor) return;
    if (e.button === 1 || st.space) {
      st.gesture = { kind: 'pan', sx, sy, cam: st.cam };
      return;
    }
    const ch = toolChar(tool);
    if (ch !== null && (tool.kind === 'paint' || tool.kind === 'erase')) {
      if (tool.shape === 'fill') {
        studio.change((s) => paintFloor(s, studio.floor, shapeCells('fill', floor.rows, cell, cell), ch));
        return;
      }
      if (tool.shape === 'pen') {
        studio.beginStroke();
        studio.stroke((s) => paintFloor(s, studio.floor, [cell], ch));
        st.gesture = { kind: 'pen', last: cell, ch };
        return;
      }
      st.gesture = { kind: 'shape', start: cell, end: cell };
      st.preview = shapeCells(tool.shape, floor.rows, cell, cell);
      request();
      return;
    }
    if (tool.kind === 'select') {
      const hit = thingAt(studio.draft, floor.id, cell);
      if (!hit) {
        studio.select(null);
        st.gesture = { kind: 'pan', sx, sy, cam: st.cam };
        return;
      }
      studio.select({ path: THING_PATH[hit.kind], index: hit.index });
      studio.beginStroke();
      st.gesture = { kind: 'drag', thing: hit.kind, index: hit.index, from: cell, origin: { x: hit.x, y: hit.y } };
      return;
    }
    if (tool.kind === 'place') {
      const kind = tool.thing as ThingKind;
      if (AREA_KINDS.has(kind)) {
        st.gesture = { kind: 'area', thing: kind, start: cell, end: cell };
        st.preview = shapeCells('fillRect', floor.rows, cell, cell);
        request();
        return;
      }
      const path = THING_PATH[kind];
      const index = (studio.draft.crew && kind === 'crew' ? studio.draft.crew.length : ((studio.draft.world as unknown as Record<string, unknown[]>)[path[1] as string]?.length ?? 0));
      studio.change((s) => append(s, path, newThing(s, kind, floor.id, cell.x, cell.y, variantRef.current)));
      studio.select({ path, index });
      return;
    }
    if (tool.kind === 'ruler') {
      st.ruler = { a: cell, b: cell };
      st.gesture = { kind: 'ruler', a: cell, b: cell };
      measure(cell, cell);
      request();
      return;
    }
    if (tool.kind === 'scale') {
      st.scalePoints = [...st.scalePoints, cell].slice(-2);
      const [a, b] = st.scalePoints;
      if (a && b) {
        onScalePoints(a, b);
        st.scalePoints = [];
      }
      request();
    }
  };

  const move = (e: React.PointerEvent): void => {
    const t0 = performance.now();
    moveAt(e);
    benchRecord('input', performance.now() - t0);
  };

  const moveAt = (e: React.PointerEvent): void => {
    const st = state.current;
    const { cell, sx, sy } = at(e);
    setHover((h) => (h && h.x === cell.x && h.y === cell.y ? h : cell));
    if (st.pointers.has(e.pointerId)) st.pointers.set(e.pointerId, { x: sx, y: sy });
    const g = st.gesture;
    if (!g) return;
    const studio = useStudio.getState();
    const floor = studio.draft.world.floors[studio.floor];
    if (g.kind === 'pinch') {
      const [p, q] = [...st.pointers.values()];
      if (!p || !q) return;
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (st.pinchDist > 0) setCam(zoomAt(st.cam, (p.x + q.x) / 2, (p.y + q.y) / 2, d / st.pinchDist));
      st.pinchDist = d;
      return;
    }
    if (g.kind === 'pan') {
      setCam({ ...g.cam, x: g.cam.x + sx - g.sx, y: g.cam.y + sy - g.sy });
      return;
    }
    if (!floor) return;
    if (g.kind === 'pen') {
      if (cell.x === g.last.x && cell.y === g.last.y) return;
      const from = g.last;
      studio.stroke((s) => paintFloor(s, studio.floor, shapeCells('line', floor.rows, from, cell), g.ch));
      g.last = cell;
      return;
    }
    if (g.kind === 'shape' || g.kind === 'area') {
      if (cell.x === g.end.x && cell.y === g.end.y) return;
      g.end = cell;
      const tool = studio.tool;
      st.preview = shapeCells(g.kind === 'area' ? 'fillRect' : tool.kind === 'paint' || tool.kind === 'erase' ? tool.shape : 'line', floor.rows, g.start, cell);
      request();
      return;
    }
    if (g.kind === 'drag') {
      const x = Math.max(0, g.origin.x + cell.x - g.from.x);
      const y = Math.max(0, g.origin.y + cell.y - g.from.y);
      const base = [...THING_PATH[g.thing], g.index];
      studio.stroke((s) => setIn(setIn(s, [...base, 'x'], x), [...base, 'y'], y));
      return;
    }
    if (g.kind === 'ruler') {
      g.b = cell;
      st.ruler = { a: g.a, b: cell };
      measure(g.a, cell);
      request();
    }
  };

  const up = (e: React.PointerEvent): void => {
    const st = state.current;
    st.pointers.delete(e.pointerId);
    const g = st.gesture;
    if (!g || (g.kind === 'pinch' && st.pointers.size > 0)) return;
    st.gesture = null;
    const studio = useStudio.getState();
    const floor = studio.draft.world.floors[studio.floor];
    if (g.kind === 'pen' || g.kind === 'drag') studio.endStroke();
    if (g.kind === 'shape' && floor) {
      const tool = studio.tool;
      const ch = toolChar(tool);
      if (ch !== null && (tool.kind === 'paint' || tool.kind === 'erase')) studio.change((s) => paintFloor(s, studio.floor, shapeCells(tool.shape, floor.rows, g.start, g.end), ch));
    }
    if (g.kind === 'area' && floor) {
      const path = THING_PATH[g.thing];
      const x = Math.min(g.start.x, g.end.x);
      const y = Math.min(g.start.y, g.end.y);
      const w = Math.abs(g.end.x - g.start.x) + 1;
      const h = Math.abs(g.end.y - g.start.y) + 1;
      const index = ((studio.draft.world as unknown as Record<string, unknown[]>)[path[1] as string]?.length ?? 0);
      studio.change((s) => updateIn(append(s, path, newThing(s, g.thing, floor.id, x, y)), [...path, index], (v: Record<string, unknown>) => ({ ...v, w, h })));
      studio.select({ path, index });
    }
    st.preview = [];
    request();
  };

  const f = useStudio((s) => s.draft?.world.floors[s.floor]);
  return (
    <div className="plan-stage">
      <canvas
        ref={canvas}
        className="plan-canvas"
        role="img"
        aria-label={t('studio.plan.canvas', { floor: f ? f.name[lang] : '' })}
        data-zoom={cam.zoom}
        data-x={cam.x}
        data-y={cam.y}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onContextMenu={(e) => e.preventDefault()}
      />
      <p className="plan-readout">
        <span>{hover ? t('studio.plan.cell', { x: hover.x, y: hover.y, mx: (hover.x * CELL_SIZE_M).toFixed(1), my: (hover.y * CELL_SIZE_M).toFixed(1) }) : ''}</span>{' '}
        <span aria-live="polite" data-testid="ruler">{rulerText}</span>
      </p>
    </div>
  );
}
