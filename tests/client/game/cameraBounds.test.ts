/** Fully zoomed out, the whole floor shows centred and cannot be scrolled off; closer in, the view may
 *  run a margin past the map. Checked through a model of Phaser's scroll clamp on the tube house's
 *  132 x 40 ground floor, whose margin (it has other floors) once pushed it about 40 px off. */
import { describe, expect, it } from 'vitest';
import { cameraBounds } from '../../../client/game/cameraBounds';
import { CELL_PX, EDGE_PX as EDGE, VIEW_H, VIEW_W } from '../../../client/game/constants';

const MAP_W = 132 * CELL_PX;
const MAP_H = 40 * CELL_PX;

/** Screen position of world 0 on one axis once Phaser clamps `scroll` to the bounds (BaseCamera.clampX
 *  and preRender: origin at the camera's centre, a view longer than its bounds pinned to their start). */
function screenOfZero(start: number, length: number, view: number, zoom: number, scroll: number): number {
  const shown = view / zoom;
  const lo = start + (shown - view) / 2;
  const hi = Math.max(lo, lo + length - shown);
  const s = Math.min(hi, Math.max(lo, scroll));
  return -(s + (view - shown) / 2) * zoom;
}

describe('camera bounds', () => {
  it('centres the whole tube house ground floor when fully zoomed out, wherever the scroll was', () => {
    const fit = Math.min(VIEW_W / MAP_W, VIEW_H / MAP_H);
    const b = cameraBounds(MAP_W, MAP_H, VIEW_W, VIEW_H, fit, EDGE);
    for (const scroll of [-5000, 0, 1440, 5000]) {
      const left = screenOfZero(b.x, b.width, VIEW_W, fit, scroll);
      const top = screenOfZero(b.y, b.height, VIEW_H, fit, scroll);
      expect(left).toBeCloseTo(0, 6);
      expect(left + MAP_W * fit).toBeCloseTo(VIEW_W, 6);
      expect(top).toBeCloseTo((VIEW_H - MAP_H * fit) / 2, 6);
    }
  });

  it('centres a small map on both axes and lets a large one run the margin past its edges', () => {
    const small = cameraBounds(640, 384, VIEW_W, VIEW_H, 1, EDGE);
    expect(screenOfZero(small.x, small.width, VIEW_W, 1, 999)).toBeCloseTo((VIEW_W - 640) / 2, 6);
    expect(screenOfZero(small.y, small.height, VIEW_H, 1, -999)).toBeCloseTo((VIEW_H - 384) / 2, 6);
    const near = cameraBounds(MAP_W, MAP_H, VIEW_W, VIEW_H, 1, EDGE);
    expect(near).toEqual({ x: -EDGE, y: -EDGE, width: MAP_W + 2 * EDGE, height: MAP_H + 2 * EDGE });
    expect(screenOfZero(near.x, near.width, VIEW_W, 1, -1e6)).toBe(EDGE);
    expect(screenOfZero(near.x, near.width, VIEW_W, 1, 1e6) + MAP_W).toBe(VIEW_W - EDGE);
  });
});
