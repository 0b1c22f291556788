/** A stream needs a clear line: water and extinguishing agent never reach a fire through a wall, a shut
 *  or locked door or glass, and do through an open door or an open window. Unit cases on the grid walk,
 *  cases in the running world, and fast-check properties over random partitioned plans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cell, clearLine, stepRun, submitIntent, type FloorGrid, type Intent, type Run } from '../../../engine/index';
import { crew, customRun } from '../../support/customScenario';

const KIND: Record<string, number> = { '#': Cell.wall, '.': Cell.floor, D: Cell.doorClosed, d: Cell.doorOpen, L: Cell.doorLocked, W: Cell.window, G: Cell.windowGrille, O: Cell.windowOpen };

function grid(rows: string[]): FloorGrid {
  const width = rows[0]?.length ?? 0;
  const cells = new Uint8Array(width * rows.length);
  rows.forEach((r, y) => [...r].forEach((ch, x) => (cells[y * width + x] = KIND[ch] ?? Cell.wall)));
  return { id: 'g', width, height: rows.length, cells, version: 0 };
}

describe('clear line on the grid', () => {
  it('passes an open door and an open window, and stops at a wall, shut or locked door and glass', () => {
    for (const [between, clear] of [['d', true], ['O', true], ['.', true], ['#', false], ['D', false], ['L', false], ['W', false], ['G', false]] as const) {
      expect(clearLine(grid([`..${between}..`]), 0, 0, 4, 0), between).toBe(clear);
    }
  });

  it('checks every cell the line clips, not only those Bresenham would step on', () => {
    // From (0,0) to (2,1) the segment clips (1,0) before it enters (1,1); Bresenham steps only on (1,1).
    expect(clearLine(grid(['.#.', '...']), 0, 0, 2, 1)).toBe(false);
    expect(clearLine(grid(['...', '.#.']), 0, 0, 2, 1)).toBe(false);
    expect(clearLine(grid(['...', '...']), 0, 0, 2, 1)).toBe(true);
  });

  it('does not slip between two walls that meet at a corner', () => {
    expect(clearLine(grid(['.#', '#.']), 0, 0, 1, 1)).toBe(false);
    expect(clearLine(grid(['#.', '.#']), 1, 0, 0, 1)).toBe(false);
    expect(clearLine(grid(['..', '..']), 0, 0, 1, 1)).toBe(true);
  });

  it('ignores its own end cells: the nozzle and the burning thing', () => {
    expect(clearLine(grid(['#.#']), 0, 0, 2, 0)).toBe(true);
  });
});

function runFor(run: Run, ticks: number): void {
  for (let i = 0; i < ticks && run.endReason === null; i++) stepRun(run);
}
function act(run: Run, intent: Intent): ReturnType<typeof stepRun> {
  submitIntent(run, intent);
  return stepRun(run);
}

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
const powder = { id: 'ext', kind: 'extinguisher', agent: 'powderABC', dischargeS: 60, rangeM: 20 };
const bed = (x: number, y: number): Record<string, unknown> => ({ id: 'bed', kind: 'bed', name: L('bed'), floor: 'g', x, y, fireClass: 'A', growth: 'medium', peakKW: 1500, fuelMJ: 2000, ignitedAtS: 0, preburnS: 60 });
/** The bed catches at the first tick; intents before it find nothing burning. */
function alight(run: Run): Run {
  stepRun(run);
  return run;
}
const growthOf = (run: Run): number => run.world.items.find((i) => i.id === 'bed')?.growthTicks ?? -1;

describe('discharge in the running world', () => {
  // Two rooms with a door between them; the fire in the right-hand room, the crew in the left.
  const rows = (door: string): string[] => ['###########', `#....${door}....#`, '#....#....#', '###########'];
  const twoRooms = (door: string, extraCrew: Record<string, unknown>[] = []): Run =>
    alight(customRun({ floors: [{ id: 'g', rows: rows(door) }], items: [bed(8, 1)], crew: [crew('ff', 'g', 3, 1, { equipment: [powder] }), ...extraCrew] }));

  it('an extinguisher through the open door knocks the fire down', () => {
    const run = twoRooms('d');
    const before = growthOf(run);
    expect(act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' })).toContainEqual(expect.objectContaining({ type: 'AGENT_APPLIED' }));
    runFor(run, 20);
    expect(growthOf(run)).toBeLessThan(before);
  });

  it('the same discharge at a shut door is refused: the fire is behind it', () => {
    const run = twoRooms('D');
    expect(act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' })).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'noClearLine' }));
    expect(run.world.crew[0]?.dischargingAt).toBeNull();
  });

  it('a door shut in the middle of the discharge stops the agent reaching the fire', () => {
    const run = twoRooms('d', [crew('door', 'g', 4, 2)]);
    act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
    runFor(run, 5);
    act(run, { type: 'toggleDoor', crewId: 'door', x: 5, y: 1 });
    const shut = growthOf(run);
    runFor(run, 20);
    expect(growthOf(run)).toBeGreaterThan(shut);
  });
});

/** A walled plan split by a partition column of wall, shut or locked doors and glass, crew on one side
 *  and the fire on the other, optionally turned on its side (rows become columns). */
interface Spec {
  width: number;
  height: number;
  /** Column of the partition. */
  px: number;
  cuts: string[];
  crewAt: [number, number];
  fireAt: [number, number];
  sideways: boolean;
}

const PARTITION = ['#', 'D', 'L', 'W', 'G'] as const;

const spec = fc
  .record({
    width: fc.integer({ min: 9, max: 16 }),
    height: fc.integer({ min: 4, max: 9 }),
    wall: fc.integer({ min: 4, max: 12 }),
    cuts: fc.array(fc.constantFrom(...PARTITION), { minLength: 9, maxLength: 9 }),
    crew: fc.tuple(fc.nat(), fc.nat()),
    fire: fc.tuple(fc.nat(), fc.nat()),
    sideways: fc.boolean(),
  })
  .map(({ width, height, wall, cuts, crew, fire, sideways }): Spec => {
    const px = Math.min(wall, width - 4);
    // Row 1's first two cells keep the test scenario's own cylinder and pan, so the crew starts lower.
    const crewAt: [number, number] = [1 + (crew[0] % (px - 1)), 2 + (crew[1] % (height - 3))];
    const fireAt: [number, number] = [px + 1 + (fire[0] % (width - px - 2)), 1 + (fire[1] % (height - 2))];
    return { width, height, px, cuts, crewAt, fireAt, sideways };
  });

function specRun(s: Spec): Run {
  const rows = Array.from({ length: s.height }, (_, y) =>
    Array.from({ length: s.width }, (_, x) => (y === 0 || y === s.height - 1 || x === 0 || x === s.width - 1 ? '#' : x === s.px ? (s.cuts[y] ?? '#') : '.')).join(''),
  );
  // Turned, (x, y) becomes (y, x): the cylinder and pan cells (1,1) and (2,1) stay on floor cells.
  const turned = Array.from({ length: s.width }, (_, x) => Array.from({ length: s.height }, (_, y) => rows[y]?.[x] ?? '#').join(''));
  const at = ([x, y]: [number, number]): [number, number] => (s.sideways ? [y, x] : [x, y]);
  const [cx, cy] = at(s.crewAt);
  const [fx, fy] = at(s.fireAt);
  return alight(customRun({ floors: [{ id: 'g', rows: s.sideways ? turned : rows }], items: [bed(fx, fy)], crew: [crew('ff', 'g', cx, cy, { equipment: [powder] })] }));
}

describe('no agent ever reaches a fire through a wall or a shut door (property)', () => {
  it('the discharge is refused, and forcing it on changes nothing the fire does', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const asked = specRun(s);
        const alone = specRun(s);
        const events = act(asked, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
        stepRun(alone);
        expect(events).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'noClearLine' }));
        // As if the line had been clear when it began: the world itself must stop the agent every tick.
        const forced = asked.world.crew[0];
        if (forced) forced.dischargingAt = 'bed';
        runFor(asked, 30);
        runFor(alone, 30);
        expect(asked.world.crew[0]?.equipment[0]?.remainingTicks).toBeLessThan(60 * 5);
        expect(growthOf(asked)).toBe(growthOf(alone));
        expect(asked.world.rooms).toEqual(alone.world.rooms);
      }),
      { numRuns: 60 },
    );
  });

  it('with an open door or an open window in line, the same stream does reach the fire', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom('d', 'O'), (s, opening) => {
        const y = s.crewAt[1];
        const open: Spec = { ...s, cuts: s.cuts.map((c, i) => (i === y ? opening : c)), crewAt: [Math.max(1, s.px - 2), y], fireAt: [s.px + 1, y] };
        const asked = specRun(open);
        const alone = specRun(open);
        expect(act(asked, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' })).toContainEqual(expect.objectContaining({ type: 'AGENT_APPLIED' }));
        stepRun(alone);
        runFor(asked, 20);
        runFor(alone, 20);
        expect(growthOf(asked)).toBeLessThan(growthOf(alone));
      }),
      { numRuns: 40 },
    );
  });
});
