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

  it('a shut room stays within the energy balance: tens of degrees, not the MQH layer over the door gap', () => {
    const run = roomRun('closed');
    runFor(run, 300);
    const room = run.world.rooms[0]?.[0];
    // Beyler's sealed-room rise (NUREG-1805 ch. 2, closed compartment) for the most heat the gap can feed
    // (1500 * 0.02 * sqrt(2) = 42 kW) over 300 s bounds it: 54 K above the 30 degC ambient.
    const m = 1.2 * 16 * 2.4;
    const k1 = (2 * 0.4 * Math.sqrt(0.00017 * 960 * 1.1) * (32 + 16 * 2.4)) / m;
    const k2 = (1500 * 0.02 * Math.SQRT2) / m;
    const bound = ((2 * k2) / (k1 * k1)) * (k1 * Math.sqrt(300) - 1 + Math.exp(-k1 * Math.sqrt(300)));
    expect(room?.hrrKW).toBeGreaterThan(30);
    expect((room?.hotLayerC ?? 0) - 30).toBeLessThan(bound);
    expect((room?.hotLayerC ?? 0) - 30).toBeGreaterThan(bound / 3);
    // MQH over the gap would put the layer near 300 degC.
    expect(room?.gasC).toBeLessThan(120);
  });

  it('opening the door of a burning shut room puts its layer on the MQH correlation over the doorway', () => {
    const run = roomRun('closed');
    runFor(run, 200);
    submitIntent(run, { type: 'toggleDoor', crewId: 'ff-1', x: ROOM_DOOR.x, y: ROOM_DOOR.y });
    runFor(run, 2);
    const room = run.world.rooms[0]?.[0];
    const q = room?.hrrKW ?? 0;
    const at = 32 + 16 * 2.4 - 1.8;
    const mqh = 6.85 * Math.cbrt((q * q) / (1.8 * Math.SQRT2 * at * 0.0134));
    expect(room?.hotLayerC).toBeCloseTo(30 + mqh, 6);
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
