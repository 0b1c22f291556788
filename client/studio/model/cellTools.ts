/** The plan editor's drawing tools as pure functions over a floor's map rows (one character per 0.5 m
 *  cell, the engine's legend): which cells a line, rectangle or flood fill covers, and painting them.
 *  Painting returns new rows and keeps every untouched row as it was; nothing here knows about React. */

export interface Pt {
  x: number;
  y: number;
}

/** The cells of a straight line from a to b, both ends included (Bresenham). */
export function lineCells(a: Pt, b: Pt): Pt[] {
  const out: Pt[] = [];
  let { x, y } = a;
  const dx = Math.abs(b.x - a.x);
  const dy = -Math.abs(b.y - a.y);
  const sx = a.x < b.x ? 1 : -1;
  const sy = a.y < b.y ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    out.push({ x, y });
    if (x === b.x && y === b.y) return out;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

function box(a: Pt, b: Pt): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
}

/** The border of the rectangle with corners a and b: four walls of a room. */
export function rectOutlineCells(a: Pt, b: Pt): Pt[] {
  const { x0, y0, x1, y1 } = box(a, b);
  const out: Pt[] = [];
  for (let x = x0; x <= x1; x++) {
    out.push({ x, y: y0 });
    if (y1 !== y0) out.push({ x, y: y1 });
  }
  for (let y = y0 + 1; y < y1; y++) {
    out.push({ x: x0, y });
    if (x1 !== x0) out.push({ x: x1, y });
  }
  return out;
}

/** Every cell of the rectangle with corners a and b. */
export function rectFillCells(a: Pt, b: Pt): Pt[] {
  const { x0, y0, x1, y1 } = box(a, b);
  const out: Pt[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.push({ x, y });
  return out;
}

/** The 4-connected region of cells with the same character as the start cell (a room's floor, the
 *  street outside). Empty when the start is off the map. */
export function floodFillCells(rows: readonly string[], start: Pt): Pt[] {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  if (start.x < 0 || start.y < 0 || start.y >= height || start.x >= (rows[start.y]?.length ?? 0)) return [];
  const target = rows[start.y]?.[start.x];
  const seen = new Uint8Array(width * height);
  const out: Pt[] = [];
  const stack = [start.y * width + start.x];
  while (stack.length > 0) {
    const i = stack.pop() ?? 0;
    if (seen[i]) continue;
    seen[i] = 1;
    const x = i % width;
    const y = (i - x) / width;
    if (rows[y]?.[x] !== target) continue;
    out.push({ x, y });
    if (x > 0) stack.push(i - 1);
    if (x < width - 1) stack.push(i + 1);
    if (y > 0) stack.push(i - width);
    if (y < height - 1) stack.push(i + width);
  }
  return out;
}

/** Sets `cells` to the legend character `ch`. Cells off the map are ignored; rows that do not change
 *  keep their identity, so a redraw and an undo step cost only what changed. */
export function paintCells(rows: readonly string[], cells: readonly Pt[], ch: string): string[] {
  const byRow = new Map<number, number[]>();
  for (const { x, y } of cells) {
    const row = rows[y];
    if (row === undefined || x < 0 || x >= row.length || row[x] === ch) continue;
    const xs = byRow.get(y);
    if (xs) xs.push(x);
    else byRow.set(y, [x]);
  }
  if (byRow.size === 0) return rows as string[];
  const out = rows.slice();
  for (const [y, xs] of byRow) {
    const chars = (out[y] ?? '').split('');
    for (const x of xs) chars[x] = ch;
    out[y] = chars.join('');
  }
  return out;
}

/** Rows of a new floor: `width` x `height` cells of `ch`. */
export function blankRows(width: number, height: number, ch = ','): string[] {
  return Array.from({ length: height }, () => ch.repeat(width));
}

/** Grows or crops the map to `width` x `height`, filling new cells with `ch` (the street by default). */
export function resizeRows(rows: readonly string[], width: number, height: number, ch = ','): string[] {
  return Array.from({ length: height }, (_, y) => {
    const row = rows[y] ?? '';
    return row.length >= width ? row.slice(0, width) : row + ch.repeat(width - row.length);
  });
}
