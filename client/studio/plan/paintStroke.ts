/** Turns a tool and the cells under the pointer into a change of the draft: which cells a shape covers
 *  and the new rows of the floor. Pure; PlanCanvas calls it on every pointer event. */
import type { Scenario } from '../../../engine/index';
import { floodFillCells, lineCells, paintCells, rectFillCells, rectOutlineCells, type Pt } from '../model/cellTools';
import { getIn, setIn } from '../model/paths';
import type { Shape, Tool } from '../model/studioStore';

/** The legend character a painting tool lays: erasing returns cells to the street. */
export function toolChar(tool: Tool): string | null {
  if (tool.kind === 'paint') return tool.ch;
  if (tool.kind === 'erase') return ',';
  return null;
}

export function shapeCells(shape: Shape, rows: readonly string[], a: Pt, b: Pt): Pt[] {
  switch (shape) {
    case 'pen':
    case 'line':
      return lineCells(a, b);
    case 'rect':
      return rectOutlineCells(a, b);
    case 'fillRect':
      return rectFillCells(a, b);
    case 'fill':
      return floodFillCells(rows, b);
  }
}

/** The draft with `cells` of floor `floorIndex` set to `ch` (the same object when nothing changes). */
export function paintFloor(s: Scenario, floorIndex: number, cells: readonly Pt[], ch: string): Scenario {
  const path = ['world', 'floors', floorIndex, 'rows'];
  const rows = getIn(s, path);
  if (!Array.isArray(rows)) return s;
  const next = paintCells(rows as string[], cells, ch);
  return next === rows ? s : setIn(s, path, next);
}
