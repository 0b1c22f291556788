/** Water supply and hazards in the running world: the attack line pays out and runs short, the tank
 *  empties and a hydrant refills it, water near live electrics shocks until isolated, a heated gas
 *  cylinder fails into a jet fire its valve no longer controls, and a weak floor collapses. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Intent, type Run } from '../../../engine/index';
import { crew, customRun } from '../../support/customScenario';

function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}
function act(run: Run, intent: Intent): ReturnType<typeof stepRun> {
  submitIntent(run, intent);
  return stepRun(run);
}
const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });

// A long room (20 m) with a door to the street, where the engine waits.
const hall = ['##########################################,,,,', '#........................................d,,,,', '##########################################,,,,'];
const engine = (tankL: number, hoseM: number): Record<string, unknown> => ({ id: 'engine-1', name: L('engine'), kind: 'engine', floor: 'g', x: 44, y: 1, tankL, pumpLpm: 400, hoseM });
const bed = (x: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'bed', kind: 'bed', name: L('bed'), floor: 'g', x, y: 1, fireClass: 'A', growth: 'medium', peakKW: 1500, fuelMJ: 2000, ignitedAtS: 0, preburnS: 120, ...extra });

function hallRun(tankL: number, hoseM: number, extra: { items?: Record<string, unknown>[]; hydrants?: Record<string, unknown>[]; crewX?: number } = {}): Run {
  return customRun({
    floors: [{ id: 'g', rows: hall }],
    items: extra.items ?? [bed(30)],
    crew: [crew('ff', 'g', extra.crewX ?? 43, 1)],
    vehicles: [engine(tankL, hoseM)],
    hydrants: extra.hydrants ?? [],
  });
}

describe('attack line', () => {
  it('knocks down a class A fire with a hose stream; the first water is logged', () => {
    const run = hallRun(2000, 40);
    expect(act(run, { type: 'takeHose', crewId: 'ff', vehicleId: 'engine-1' })).toContainEqual(expect.objectContaining({ type: 'HOSE_TAKEN' }));
    act(run, { type: 'moveTo', crewId: 'ff', x: 40, y: 1 });
    runFor(run, 5);
    const events = act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'WATER_ON' }));
    runFor(run, 30);
    expect(run.events.some((e) => e.type === 'FIRE_OUT' && e.itemId === 'bed')).toBe(true);
    expect(run.world.vehicles[0]?.waterL).toBeLessThan(2000);
  });

  it('too short a hose stops the walk', () => {
    const run = hallRun(2000, 5);
    act(run, { type: 'takeHose', crewId: 'ff', vehicleId: 'engine-1' });
    act(run, { type: 'moveTo', crewId: 'ff', x: 10, y: 1 });
    runFor(run, 30);
    expect(run.events.some((e) => e.type === 'HOSE_SHORT')).toBe(true);
    expect(run.world.crew[0]?.x).toBeGreaterThan(30);
  });

  it('an empty tank stops the water, and a hydrant refills it', () => {
    const run = hallRun(100, 40, { hydrants: [{ id: 'h1', name: L('hydrant'), floor: 'g', x: 45, y: 2, flowLpm: 1000 }] });
    act(run, { type: 'takeHose', crewId: 'ff', vehicleId: 'engine-1' });
    act(run, { type: 'moveTo', crewId: 'ff', x: 40, y: 1 });
    runFor(run, 5);
    act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
    runFor(run, 20);
    expect(run.events.some((e) => e.type === 'TANK_EMPTY')).toBe(true);
    act(run, { type: 'moveTo', crewId: 'ff', x: 44, y: 1 });
    runFor(run, 10);
    expect(act(run, { type: 'connectHydrant', crewId: 'ff', vehicleId: 'engine-1', hydrantId: 'h1' })).toContainEqual(expect.objectContaining({ type: 'HYDRANT_CONNECTED' }));
    runFor(run, 3);
    // 1000 L/min for 16 ticks (the connecting tick and three seconds): 53 L.
    expect(run.world.vehicles[0]?.waterL).toBeCloseTo(53.3, 0);
  });
});

describe('hazards', () => {
  const panel = { id: 'panel', kind: 'electricalPanel', name: L('panel'), floor: 'g', x: 36, y: 1, fireClass: 'A', growth: 'slow', peakKW: 10, fuelMJ: 1, electrics: 'live' };

  it('water near live electrics shocks the user; once isolated it does not', () => {
    const run = hallRun(2000, 40, { items: [bed(30), panel] });
    act(run, { type: 'takeHose', crewId: 'ff', vehicleId: 'engine-1' });
    act(run, { type: 'moveTo', crewId: 'ff', x: 37, y: 1 });
    runFor(run, 6);
    const shocked = act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
    expect(shocked).toContainEqual(expect.objectContaining({ type: 'ELECTRIC_SHOCK' }));
    // A shock injures (issue 16): the member is hurt and calls a MAYDAY.
    expect(shocked).toContainEqual(expect.objectContaining({ type: 'CREW_INJURED', crewId: 'ff', reason: 'electricShock' }));
    expect(shocked).toContainEqual(expect.objectContaining({ type: 'MAYDAY', crewId: 'ff', reason: 'electricShock' }));
    expect(run.world.crew[0]?.status).toBe('injured');
    expect(act(run, { type: 'isolatePower', crewId: 'ff', itemId: 'panel' })).toContainEqual(expect.objectContaining({ type: 'POWER_ISOLATED' }));
    act(run, { type: 'startDischarge', crewId: 'ff', itemId: 'bed' });
    runFor(run, 2);
    expect(run.events.filter((e) => e.type === 'ELECTRIC_SHOCK')).toHaveLength(1);
  });

  it('a gas cylinder left in the heat fails into a jet fire; shutting its valve then does not put it out', () => {
    const cylinder = { id: 'lpg-2', kind: 'lpgCylinder', name: L('LPG'), floor: 'g', x: 31, y: 1, fireClass: 'C', growth: 'ultraFast', peakKW: 600, fuelMJ: 550, valve: 'open', failureS: 30 };
    // The crew waits at the door (two minutes beside the fire would burn it) and goes in once the gas burns.
    const run = hallRun(2000, 40, { items: [bed(30, { preburnS: 300 }), cylinder] });
    runFor(run, 120);
    expect(run.events.some((e) => e.type === 'LPG_FAILURE' && e.itemId === 'lpg-2')).toBe(true);
    const gas = run.world.items.find((i) => i.id === 'lpg-2');
    expect(gas?.burning).toBe(true);
    act(run, { type: 'moveTo', crewId: 'ff', x: 32, y: 1 });
    runFor(run, 5);
    // The gas escapes through the ruptured shell, not the valve.
    expect(act(run, { type: 'closeValve', crewId: 'ff', itemId: 'lpg-2' })).not.toContainEqual(expect.objectContaining({ type: 'FIRE_OUT', itemId: 'lpg-2' }));
    expect(gas?.burning).toBe(true);
  });

  it('a weak floor gives way after enough hot gas and injures whoever stands on it', () => {
    const run = customRun({
      floors: [{ id: 'g', rows: hall }],
      items: [bed(30, { preburnS: 300 })],
      crew: [crew('ff', 'g', 28, 1)],
      hazards: [{ id: 'weak', kind: 'weakFloor', name: L('weak floor'), floor: 'g', x: 27, y: 1, w: 3, h: 1, collapseAfterS: 10 }],
    });
    runFor(run, 15);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'COLLAPSE' }));
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'CREW_INJURED', crewId: 'ff' }));
  });
});
