/** Compartment fire behaviour in the running world: flashover at the MQH threshold, closing the door
 *  delays it, a starved fire grows when the door opens, and flashover involves the whole room. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { ROOM_DOOR, roomRun } from '../../support/roomScenario';

function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}
const firstTick = (run: Run, type: string): number | undefined => run.events.find((e) => e.type === type)?.tick;

describe('compartment fire behaviour', () => {
  it('with the door open the room flashes over near 933 kW, after a rollover warning', () => {
    const run = roomRun('open');
    runFor(run, 400);
    const fo = firstTick(run, 'FLASHOVER');
    const ro = firstTick(run, 'ROLLOVER_WARNING');
    expect(fo).toBeDefined();
    expect(ro).toBeLessThan(fo ?? 0);
    // A medium t-squared fire reaches 933 kW at about 282 s.
    expect((fo ?? 0) / TICKS_PER_SECOND).toBeGreaterThan(270);
    expect((fo ?? 0) / TICKS_PER_SECOND).toBeLessThan(295);
    expect(run.world.rooms[0]?.[0]?.hotLayerC).toBeGreaterThanOrEqual(900);
  });

  it('closing the door delays flashover', () => {
    const run = roomRun('closed');
    runFor(run, 400);
    expect(firstTick(run, 'FLASHOVER')).toBeUndefined();
    expect(run.world.rooms[0]?.[0]?.hrrKW).toBeLessThan(100);
  });

  it('a ventilation-limited fire grows when the door opens', () => {
    const run = roomRun('closed');
    runFor(run, 200);
    const starved = run.world.items[0]?.hrrKW ?? 0;
    submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: ROOM_DOOR.x, y: ROOM_DOOR.y });
    runFor(run, 2);
    const fed = run.world.items[0]?.hrrKW ?? 0;
    expect(starved).toBeLessThan(60);
    expect(fed).toBeGreaterThan(starved * 5);
  });

  it('flashover sets every fuel item in the room alight', () => {
    const run = roomRun('open', [{ id: 'bed', kind: 'bed', name: { vi: 'Giường', en: 'Bed' }, floor: 'floor-5', x: 7, y: 8, fireClass: 'A', growth: 'medium', peakKW: 1500, fuelMJ: 800, ignitionC: 900 }]);
    runFor(run, 400);
    const fo = firstTick(run, 'FLASHOVER') ?? -1;
    const bedLit = run.events.find((e) => e.type === 'ITEM_IGNITED' && e.itemId === 'bed');
    expect(bedLit?.tick).toBe(fo);
  });

  it('heat spreads fire to nearby fuel before flashover', () => {
    const run = roomRun('open', [{ id: 'chair', kind: 'sofa', name: { vi: 'Ghế', en: 'Chair' }, floor: 'floor-5', x: 5, y: 4, fireClass: 'A', growth: 'fast', peakKW: 500, fuelMJ: 200 }]);
    runFor(run, 400);
    const chairLit = run.events.find((e) => e.type === 'ITEM_IGNITED' && e.itemId === 'chair')?.tick;
    expect(chairLit).toBeDefined();
    expect(chairLit).toBeLessThan(firstTick(run, 'FLASHOVER') ?? Infinity);
  });
});
