/** The orders a player can give one crew member now, each ready as an intent: search the floor in view,
 *  attack a fire that burns, pitch a ladder to a window above the street, set up water supply, triage the
 *  casualties around it, withdraw, or take it back under direct control. Offers only what the member's
 *  role and kit allow and what has a target; the engine still decides. */
import { Cell, ORDER_NEEDS, type Intent, type OrderKind, type WorldState } from '../../engine/index';

export type OrderOptionId = OrderKind | 'control';

export interface OrderOption {
  id: OrderOptionId;
  intent: Intent;
  /** The fire attacked or the floor searched, for the label. */
  itemId?: string;
  floor?: number;
  /** The storey of the window a ladder goes to (the ground floor is 0). */
  level?: number;
}

/** How many fires and windows are offered at most: the nearest, so the bar stays short. */
const MAX_TARGETS = 2;

const d2 = (ax: number, ay: number, bx: number, by: number): number => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
const isWindow = (k: number | undefined): boolean => k === Cell.window || k === Cell.windowGrille || k === Cell.windowOpen;

/** Windows above the street that a ladder from an outdoor cell of the ground floor reaches, nearest first. */
function ladderWindows(w: WorldState, fromX: number, fromY: number): { x: number; y: number; level: number }[] {
  const ground = w.floors[w.levels.indexOf(0)];
  if (!ground) return [];
  const out: { x: number; y: number; level: number }[] = [];
  w.floors.forEach((g, f) => {
    const level = w.levels[f] ?? 0;
    if (level <= 0) return;
    for (let i = 0; i < g.cells.length; i++) {
      if (!isWindow(g.cells[i])) continue;
      const x = i % g.width;
      const y = (i - x) / g.width;
      const foot = [[x, y - 1], [x, y + 1], [x - 1, y], [x + 1, y]].some(([fx, fy]) => fx !== undefined && fy !== undefined && fx >= 0 && fy >= 0 && fx < ground.width && ground.cells[fy * ground.width + fx] === Cell.outdoor);
      if (foot && !out.some((o) => o.x === x && o.y === y)) out.push({ x, y, level });
    }
  });
  return out.sort((a, b) => d2(a.x, a.y, fromX, fromY) - d2(b.x, b.y, fromX, fromY) || a.level - b.level);
}

/** Orders for `crewId`; `viewFloor` is the floor on screen (searched when the player looks at it). */
export function orderOptions(w: WorldState, crewId: string, viewFloor: number | null): OrderOption[] {
  const c = w.crew.find((m) => m.id === crewId);
  if (!c) return [];
  const may = (kind: OrderKind): boolean => !c.allowed || c.allowed.includes(ORDER_NEEDS[kind]);
  const order = (o: Extract<Intent, { type: 'order' }>['order']): Intent => ({ type: 'order', crewId, order: o });
  const out: OrderOption[] = [];
  if (c.order) out.push({ id: 'control', intent: order(null) });
  const floor = viewFloor ?? c.floor;
  if (may('search') && c.order?.kind !== 'search') out.push({ id: 'search', intent: order({ kind: 'search', floor }), floor });
  if (may('attack')) {
    const fires = w.items.filter((i) => i.burning && !(c.order?.kind === 'attack' && c.order.itemId === i.id));
    fires.sort((a, b) => Number(b.floor === c.floor) - Number(a.floor === c.floor) || d2(a.x, a.y, c.x, c.y) - d2(b.x, b.y, c.x, c.y));
    for (const f of fires.slice(0, MAX_TARGETS)) out.push({ id: 'attack', intent: order({ kind: 'attack', itemId: f.id }), itemId: f.id });
  }
  if (may('ladder') && c.tools.includes('ladder')) {
    const pitched = (x: number, y: number): boolean => w.ladders.some((l) => l.x === x && l.y === y);
    for (const win of ladderWindows(w, c.x, c.y).filter((p) => !pitched(p.x, p.y)).slice(0, 1)) out.push({ id: 'ladder', intent: order({ kind: 'ladder', x: win.x, y: win.y }), level: win.level });
  }
  if (may('supply') && w.vehicles.some((v) => v.hydrantId === null) && w.hydrants.some((h) => h.working) && c.order?.kind !== 'supply') out.push({ id: 'supply', intent: order({ kind: 'supply' }) });
  if (may('triage') && c.order?.kind !== 'triage' && w.victims.some((v) => !v.hidden && v.tag === null && v.floor === c.floor)) out.push({ id: 'triage', intent: order({ kind: 'triage' }) });
  const g = w.floors[c.floor];
  const outside = (w.levels[c.floor] ?? 0) === 0 && g !== undefined && g.cells[c.y * g.width + c.x] === Cell.outdoor;
  if (may('withdraw') && !outside && c.order?.kind !== 'withdraw') out.push({ id: 'withdraw', intent: order({ kind: 'withdraw' }) });
  return out;
}
