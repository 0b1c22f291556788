/** A small builder for template plans, drawn with the same tools the author uses: rooms (walls round a
 *  floor), doors, windows, stairs. Produces map rows in the engine's legend. */
import { blankRows, paintCells, rectFillCells, rectOutlineCells, type Pt } from '../model/cellTools';

export class PlanBuilder {
  rows: string[];
  constructor(width: number, height: number, ground = ',') {
    this.rows = blankRows(width, height, ground);
  }
  /** A room: walls on the border of (x0, y0)-(x1, y1) and floor inside. */
  room(x0: number, y0: number, x1: number, y1: number): this {
    this.rows = paintCells(this.rows, rectFillCells({ x: x0, y: y0 }, { x: x1, y: y1 }), '.');
    this.rows = paintCells(this.rows, rectOutlineCells({ x: x0, y: y0 }, { x: x1, y: y1 }), '#');
    return this;
  }
  fill(x0: number, y0: number, x1: number, y1: number, ch: string): this {
    this.rows = paintCells(this.rows, rectFillCells({ x: x0, y: y0 }, { x: x1, y: y1 }), ch);
    return this;
  }
  cells(cells: Pt[], ch: string): this {
    this.rows = paintCells(this.rows, cells, ch);
    return this;
  }
  at(x: number, y: number, ch: string): this {
    return this.cells([{ x, y }], ch);
  }
}
