/** The floor insets go where they hide least of the map: on the tube house ground floor seen whole, the
 *  solid block left of the house rather than the alley end and the house; they stay put unless moving
 *  clearly helps, so a finger reaching for one never finds it gone. */
import { describe, expect, it } from 'vitest';
import { cornerBox, coverScore, MARK_WEIGHT, pickCorner, type CellRect } from '../../../client/game/insetCorner';
import { makeRun } from '../../support/scenarios';

const TUBE = 'tube-house-motorbikes';

describe('inset corner', () => {
  it('scores blank canvas and wall as nothing, open floor by the cell and marked cells heavily', () => {
    const grid = makeRun(TUBE).world.floors[0];
    if (!grid) throw new Error('no ground floor');
    const wallBlock: CellRect = { x0: 10, y0: 10, x1: 40, y1: 30 };
    expect(coverScore(grid, [], wallBlock)).toBe(0);
    expect(coverScore(grid, [], { x0: -50, y0: -50, x1: 0, y1: 0 })).toBe(0);
    // Rows 0-5 are the alley: 6 open cells per column.
    expect(coverScore(grid, [], { x0: 10, y0: 0, x1: 12, y1: 10 })).toBe(12);
    expect(coverScore(grid, [2 * grid.width + 11], { x0: 10, y0: 0, x1: 12, y1: 10 })).toBe(12 + MARK_WEIGHT);
  });

  it('leaves the top right of the whole tube house ground floor for the bottom left', () => {
    const run = makeRun(TUBE);
    const grid = run.world.floors[0];
    if (!grid) throw new Error('no ground floor');
    // The floor fit to a 960 x 600 view: 960 / 132 px a cell, the map centred vertically.
    const px = 960 / grid.width;
    const top = (600 - grid.height * px) / 2;
    const area = { left: 0, top: 0, width: 960, height: 600 };
    const toCells = (b: { left: number; top: number; width: number; height: number }): CellRect => ({
      x0: b.left / px,
      y0: (b.top - top) / px,
      x1: (b.left + b.width) / px,
      y1: (b.top + b.height - top) / px,
    });
    const marks = run.world.items.filter((i) => i.floor === 0).map((i) => i.y * grid.width + i.x);
    const scores = { tr: 0, br: 0, bl: 0, tl: 0 };
    for (const c of ['tr', 'br', 'bl', 'tl'] as const) scores[c] = coverScore(grid, marks, toCells(cornerBox(c, area, 180, 340, 8)));
    expect(scores.tr).toBeGreaterThan(MARK_WEIGHT);
    expect(scores.bl).toBe(0);
    expect(scores.br, 'the bottom right still covers the back of the house').toBeGreaterThan(0);
    expect(pickCorner('tr', scores)).toBe('bl');
  });

  it('stays put for a small gain and moves off anything marked', () => {
    expect(pickCorner('tr', { tr: 30, br: 25, bl: 40, tl: 50 })).toBe('tr');
    expect(pickCorner('tr', { tr: 30, br: 10, bl: 40, tl: 50 })).toBe('br');
    expect(pickCorner('bl', { tr: 0, br: 0, bl: 3, tl: 0 })).toBe('bl');
    expect(pickCorner('tl', { tr: MARK_WEIGHT + 5, br: MARK_WEIGHT, bl: 60, tl: MARK_WEIGHT + 40 })).toBe('bl');
  });

  it('puts the block in each corner of the area, inside its margin', () => {
    const area = { left: 10, top: 20, width: 500, height: 300 };
    expect(cornerBox('tl', area, 100, 50, 8)).toEqual({ left: 18, top: 28, width: 100, height: 50 });
    expect(cornerBox('br', area, 100, 50, 8)).toEqual({ left: 402, top: 262, width: 100, height: 50 });
  });
});
