/** Picks the corner of the play view where the floor insets hide the least of what the player needs:
 *  blank canvas and solid wall first, open floor next, never crew, victims, kit or a stair that leads
 *  to trouble if any corner avoids them. Pure: cells in, a corner out; it never touches the DOM. */
import { Cell } from '../../engine/index';

export type Corner = 'tr' | 'br' | 'bl' | 'tl';
export const CORNERS: readonly Corner[] = ['tr', 'br', 'bl', 'tl'];

/** A rectangle in cells, end exclusive; it may reach past the map. */
export interface CellRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Plan {
  width: number;
  height: number;
  cells: ArrayLike<number>;
}

/** One cell that matters under a corner outweighs a room's worth of empty floor. */
export const MARK_WEIGHT = 200;

/** How much of what matters `r` would hide: open cells count 1 each, `marks` (cell indices) MARK_WEIGHT. */
export function coverScore(plan: Plan, marks: readonly number[], r: CellRect): number {
  const x0 = Math.max(0, Math.floor(r.x0));
  const y0 = Math.max(0, Math.floor(r.y0));
  const x1 = Math.min(plan.width, Math.ceil(r.x1));
  const y1 = Math.min(plan.height, Math.ceil(r.y1));
  let score = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * plan.width;
    for (let x = x0; x < x1; x++) if (plan.cells[row + x] !== Cell.wall) score++;
  }
  for (const m of marks) {
    const x = m % plan.width;
    const y = (m - x) / plan.width;
    if (x >= x0 && x < x1 && y >= y0 && y < y1) score += MARK_WEIGHT;
  }
  return score;
}

/** The corner to use: the one that hides least, but the insets stay put unless moving clearly helps,
 *  so a finger reaching for one never finds it gone. */
export function pickCorner(current: Corner, scores: Readonly<Record<Corner, number>>): Corner {
  let best = current;
  for (const c of CORNERS) if (scores[c] < scores[best]) best = c;
  const now = scores[current];
  // Moving must uncover a third of what is hidden now, and a few cells at least.
  return now - scores[best] >= Math.max(8, now / 3) ? best : current;
}

/** A rectangle in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a `width` x `height` block sits in `corner` of `area`, `margin` in from its edges. */
export function cornerBox(corner: Corner, area: Box, width: number, height: number, margin: number): Box {
  const left = corner === 'tl' || corner === 'bl' ? area.left + margin : area.left + area.width - margin - width;
  const top = corner === 'tl' || corner === 'tr' ? area.top + margin : area.top + area.height - margin - height;
  return { left, top, width, height };
}
