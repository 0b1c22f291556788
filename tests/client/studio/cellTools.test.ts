/** The plan's drawing tools: each shape covers the cells an author expects, painting changes only the
 *  rows it touches, and erasing returns cells to the street. */
import { describe, expect, it } from 'vitest';
import { blankRows, floodFillCells, lineCells, paintCells, rectFillCells, rectOutlineCells, resizeRows } from '../../../client/studio/model/cellTools';
import { paintFloor, shapeCells, toolChar } from '../../../client/studio/plan/paintStroke';
import { blankDraft } from '../../../client/studio/templates/templates';

const key = (cells: { x: number; y: number }[]): string[] => cells.map((c) => `${c.x},${c.y}`).sort();

describe('line', () => {
  it('covers every cell of a horizontal wall, both ends included', () => {
    expect(key(lineCells({ x: 2, y: 3 }, { x: 6, y: 3 }))).toEqual(['2,3', '3,3', '4,3', '5,3', '6,3']);
  });
  it('runs backwards as well as forwards', () => {
    expect(key(lineCells({ x: 6, y: 1 }, { x: 6, y: 4 }))).toEqual(key(lineCells({ x: 6, y: 4 }, { x: 6, y: 1 })));
  });
  it('draws a diagonal with one cell per step and no gaps', () => {
    const cells = lineCells({ x: 0, y: 0 }, { x: 4, y: 2 });
    expect(cells).toHaveLength(5);
    for (let i = 1; i < cells.length; i++) {
      const a = cells[i - 1];
      const b = cells[i];
      expect(Math.abs((a?.x ?? 0) - (b?.x ?? 0)) <= 1 && Math.abs((a?.y ?? 0) - (b?.y ?? 0)) <= 1).toBe(true);
    }
  });
});

describe('rectangle', () => {
  it('an outline is the room’s four walls and nothing inside', () => {
    const cells = rectOutlineCells({ x: 5, y: 5 }, { x: 1, y: 2 });
    expect(cells).toHaveLength(2 * 5 + 2 * 2);
    expect(key(cells)).not.toContain('3,3');
    expect(new Set(key(cells)).size).toBe(cells.length);
  });
  it('a filled rectangle covers its area', () => {
    expect(rectFillCells({ x: 1, y: 1 }, { x: 3, y: 2 })).toHaveLength(6);
  });
  it('a one-cell rectangle is that cell', () => {
    expect(key(rectOutlineCells({ x: 4, y: 4 }, { x: 4, y: 4 }))).toEqual(['4,4']);
  });
});

describe('flood fill', () => {
  const rows = ['#######', '#..#..#', '#..#..#', '#######'];
  it('fills the room it starts in and stops at walls', () => {
    expect(key(floodFillCells(rows, { x: 1, y: 1 }))).toEqual(['1,1', '1,2', '2,1', '2,2']);
  });
  it('off the map fills nothing', () => {
    expect(floodFillCells(rows, { x: 9, y: 9 })).toEqual([]);
  });
  it('through a doorway reaches the next room', () => {
    const open = paintCells(rows, [{ x: 3, y: 1 }], '.');
    expect(floodFillCells(open, { x: 1, y: 1 })).toHaveLength(9);
  });
});

describe('painting', () => {
  it('changes only the rows it touches and keeps the others as they were', () => {
    const rows = blankRows(8, 4);
    const next = paintCells(rows, [{ x: 1, y: 2 }, { x: 2, y: 2 }], '#');
    expect(next[2]).toBe(',##,,,,,');
    expect(next[0]).toBe(rows[0]);
    expect(next[1]).toBe(rows[1]);
  });
  it('returns the very same rows when nothing changes (no undo step for a no-op)', () => {
    const rows = blankRows(4, 4);
    expect(paintCells(rows, [{ x: 1, y: 1 }], ',')).toBe(rows);
    expect(paintCells(rows, [{ x: 9, y: 9 }], '#')).toBe(rows);
  });
  it('erasing lays the street back', () => {
    expect(toolChar({ kind: 'erase', shape: 'pen' })).toBe(',');
    expect(toolChar({ kind: 'paint', ch: 'S', shape: 'pen' })).toBe('S');
    expect(toolChar({ kind: 'select' })).toBeNull();
  });
  it('every door and window kind can be drawn and stays in the legend', () => {
    const s = blankDraft('t', 'a');
    let d = s;
    for (const ch of ['#', '.', 'D', 'd', 'L', 'W', 'G', 'O', 'S']) d = paintFloor(d, 0, shapeCells('line', d.world.floors[0]?.rows ?? [], { x: 0, y: 0 }, { x: 5, y: 0 }), ch);
    expect(d.world.floors[0]?.rows[0]?.slice(0, 6)).toBe('SSSSSS');
    expect(s.world.floors[0]?.rows[0]?.startsWith(',')).toBe(true);
  });
  it('resizing grows with street and crops from the far side', () => {
    expect(resizeRows(['##', '..'], 3, 3)).toEqual(['##,', '..,', ',,,']);
    expect(resizeRows(['###', '...'], 2, 1)).toEqual(['##']);
  });
});
