/** Doors and windows count once whatever the number of cells drawn: a door drawn two cells wide is one
 *  1.0 m door, not two 0.9 m doors, in the ventilation limit, the MQH flashover threshold and the gas
 *  exchange between rooms. Expected values are worked here from the published formulas (DOMAIN.md:
 *  ventilation limit ~1500 A0 sqrt(H0) kW; MQH Q_fo = 610 sqrt(hk AT A0 sqrt(H0)), McCaffrey, Quintiere
 *  and Harkleroad 1981, as in Karlsson and Quintiere, Enclosure Fire Dynamics, 2000, ch. 6). */
import { describe, expect, it } from 'vitest';
import { CELL_SIZE_M } from '../../../engine/world/constants';
import { currentOpenings, deriveCompartments, roomFire } from '../../../engine/world/compartments';
import { buildFloorGrid, Cell, setCell } from '../../../engine/world/grid';
import { linkRooms } from '../../../engine/world/roomGases';

const HK = 0.0134;
const CEILING = 2.4;

/** A 4 x 4 m room (8 x 8 cells) with a door of `doorCells` cells in its right wall, onto the outside. */
function room(doorCells: number, door: 'd' | 'D' = 'd'): ReturnType<typeof buildFloorGrid> {
  const rows = Array.from({ length: 10 }, (_, y) => {
    if (y === 0 || y === 9) return '##########,,';
    return `#........${y >= 3 && y < 3 + doorCells ? door : '#'},,`;
  });
  return buildFloorGrid({ id: 'f', name: { vi: 'f', en: 'f' }, level: 0, ceilingM: CEILING, wallHk: HK, rows });
}

/** MQH Q_fo for the 4 x 4 x 2.4 m room with one opening of width b and height h, from the formula. */
function qfoMqh(b: number, h: number): number {
  const a0 = b * h;
  const at = 2 * 16 + 16 * CEILING - a0;
  return 610 * Math.sqrt(HK * at * a0 * Math.sqrt(h));
}

describe('openings count once whatever the number of cells drawn', () => {
  it('a door drawn one cell is the standard 0.9 x 2.0 m doorway (the DOMAIN.md worked example, ~933 kW)', () => {
    const g = room(1);
    const c = deriveCompartments(g, 0, CEILING, HK).rooms[0];
    if (!c) throw new Error('no room');
    expect(currentOpenings(g, c)).toEqual([{ area: 1.8, height: 2.0 }]);
    expect(roomFire(g, c, 0, 20).flashoverKW).toBeCloseTo(qfoMqh(0.9, 2.0), 6);
    expect(Math.abs(roomFire(g, c, 0, 20).flashoverKW - 933) / 933).toBeLessThan(0.02);
  });

  it('a door drawn two cells wide is one 1.0 m door in ventilation and flashover, not two doors', () => {
    const g = room(2);
    const c = deriveCompartments(g, 0, CEILING, HK).rooms[0];
    if (!c) throw new Error('no room');
    const openings = currentOpenings(g, c);
    expect(openings).toHaveLength(1);
    expect(openings[0]?.area).toBeCloseTo(2 * CELL_SIZE_M * 2.0, 9);
    const fire = roomFire(g, c, 0, 20);
    expect(fire.ventLimitKW).toBeCloseTo(1500 * 1.0 * 2.0 * Math.SQRT2, 6);
    expect(fire.flashoverKW).toBeCloseTo(qfoMqh(1.0, 2.0), 6);
    // Counted twice it would be 1500 * 3.6 * sqrt(2) = 7637 kW.
    expect(fire.ventLimitKW).toBeLessThan(1500 * 3.6 * Math.SQRT2 * 0.6);
  });

  it('a door drawn four cells wide is one 2.0 m opening', () => {
    const g = room(4);
    const c = deriveCompartments(g, 0, CEILING, HK).rooms[0];
    if (!c) throw new Error('no room');
    expect(currentOpenings(g, c)).toHaveLength(1);
    expect(roomFire(g, c, 0, 20).flashoverKW).toBeCloseTo(qfoMqh(2.0, 2.0), 6);
  });

  it('a wide door half open counts half its area; shut, it leaks through gaps in proportion to its width', () => {
    const g = room(2, 'D');
    const c = deriveCompartments(g, 0, CEILING, HK).rooms[0];
    if (!c) throw new Error('no room');
    expect(currentOpenings(g, c)[0]?.area).toBeCloseTo(0.02 * (1.0 / 0.9), 9);
    setCell(g, 9, 3, Cell.doorOpen);
    expect(currentOpenings(g, c)[0]?.area).toBeCloseTo((1.0 / 0.9) * (1.8 + 0.02) / 2, 9);
  });

  it('gas leaves the room through one link per door, however wide it is drawn', () => {
    const g = room(3);
    const comps = deriveCompartments(g, 0, CEILING, HK);
    const links = linkRooms([g], [comps], []);
    expect(links).toHaveLength(1);
    expect(links[0]?.opening?.cells).toHaveLength(3);
  });
});
