/** LPG cylinders in a fire: heat-up towards failure, cooling by water at the published design rate
 *  (NFPA 15, Standard for Water Spray Fixed Systems for Fire Protection: 10.2 L/min per m^2, 0.25
 *  gpm/ft^2, for exposed vessels; the same figure in API 2030), cooling down out of the heat, and a
 *  failure that neither needs nor respects the valve. Figures: docs/engine/lpg-cylinders.md. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Intent, type Run } from '../../../engine/index';
import { CYLINDER_AREA_M2, cylinderHeat } from '../../../engine/world/hazards';
import { crew, customRun } from '../../support/customScenario';

const NFPA15_LPM_PER_M2 = 10.2;
/** The design flow onto a 12 kg household cylinder's 0.71 m^2. */
const designLpm = NFPA15_LPM_PER_M2 * CYLINDER_AREA_M2;

/** Ticks until a cylinder that fails after `failureS` s of exposure fails, under `lpm` of water. */
function ticksToFail(failureS: number, lpm: number, limitS = 3600): number {
  let heat = 0;
  for (let t = 1; t <= limitS * TICKS_PER_SECOND; t++) {
    heat = cylinderHeat(heat, true, lpm);
    if (heat >= failureS * TICKS_PER_SECOND) return t;
  }
  return Infinity;
}

describe('cylinder heat (pure)', () => {
  it('left in the heat it fails after the scenario time', () => {
    expect(ticksToFail(300, 0)).toBe(300 * TICKS_PER_SECOND);
  });

  it('water at the NFPA 15 design rate (10.2 L/min/m^2) stops the heat-up: it never fails', () => {
    expect(ticksToFail(300, designLpm)).toBe(Infinity);
  });

  it('water at half the design rate delays failure to about twice the time', () => {
    const t = ticksToFail(300, designLpm / 2);
    expect(t / (300 * TICKS_PER_SECOND)).toBeGreaterThan(1.9);
    expect(t / (300 * TICKS_PER_SECOND)).toBeLessThan(2.1);
  });

  it('out of the heat it cools down, slowly in still air and fast under a hose stream', () => {
    let still = 100 * TICKS_PER_SECOND;
    let hosed = still;
    for (let t = 0; t < 60 * TICKS_PER_SECOND; t++) {
      still = cylinderHeat(still, false, 0);
      hosed = cylinderHeat(hosed, false, 400);
    }
    expect(still).toBeLessThan(100 * TICKS_PER_SECOND);
    expect(still).toBeGreaterThan(90 * TICKS_PER_SECOND);
    expect(hosed).toBe(0);
  });
});

// A long room (20 m) with a door to the street, where the engine waits; a bed burns near the cylinder.
const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
const hall = ['##########################################,,,,', '#........................................d,,,,', '##########################################,,,,'];
const bed = { id: 'bed', kind: 'bed', name: L('bed'), floor: 'g', x: 30, y: 1, fireClass: 'A', growth: 'medium', peakKW: 1500, fuelMJ: 2000, ignitedAtS: 0, preburnS: 300 };
const cylinder = (valve: 'open' | 'closed'): Record<string, unknown> => ({ id: 'lpg-2', kind: 'lpgCylinder', name: L('LPG'), floor: 'g', x: 31, y: 1, fireClass: 'C', growth: 'ultraFast', peakKW: 600, fuelMJ: 550, valve, failureS: 30 });

function hall2(valve: 'open' | 'closed'): Run {
  return customRun({
    floors: [{ id: 'g', rows: hall }],
    items: [bed, cylinder(valve)],
    crew: [crew('ff', 'g', 43, 1)],
    vehicles: [{ id: 'engine-1', name: L('engine'), kind: 'engine', floor: 'g', x: 44, y: 1, tankL: 4000, pumpLpm: 400, hoseM: 40 }],
  });
}
function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}
function act(run: Run, intent: Intent): ReturnType<typeof stepRun> {
  submitIntent(run, intent);
  return stepRun(run);
}
const failed = (run: Run): boolean => run.events.some((e) => e.type === 'LPG_FAILURE' && e.itemId === 'lpg-2');

describe('cylinders in the running world', () => {
  it('a hose stream on the cylinder keeps it from failing where one left alone fails', () => {
    const left = hall2('open');
    runFor(left, 90);
    expect(failed(left)).toBe(true);

    const cooled = hall2('open');
    act(cooled, { type: 'takeHose', crewId: 'ff', vehicleId: 'engine-1' });
    // From the doorway, 6 m off: three metres from the burning bed for a minute and a half would burn
    // the crew member, who would drop the line (crews can be harmed).
    runFor(cooled, 5);
    // Cooling a cylinder that is not burning is a use of the hose the engine accepts.
    expect(act(cooled, { type: 'startDischarge', crewId: 'ff', itemId: 'lpg-2' })).not.toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED' }));
    runFor(cooled, 85);
    expect(failed(cooled)).toBe(false);
    expect(cooled.world.items.find((i) => i.id === 'lpg-2')?.heatedTicks).toBe(0);
  });

  it('a shut valve does not stop a heated cylinder failing, and the failure leaves the valve shut', () => {
    const run = hall2('closed');
    runFor(run, 90);
    expect(failed(run)).toBe(true);
    const gas = run.world.items.find((i) => i.id === 'lpg-2');
    expect(gas?.valve).toBe('closed');
    expect(gas?.ruptured).toBe(true);
    expect(gas?.burning).toBe(true);
  });

  it('the jet fire of a ruptured cylinder burns on after its valve is shut, until its gas is gone', () => {
    const run = hall2('open');
    runFor(run, 90);
    expect(failed(run)).toBe(true);
    act(run, { type: 'moveTo', crewId: 'ff', x: 32, y: 1 });
    runFor(run, 5);
    expect(act(run, { type: 'closeValve', crewId: 'ff', itemId: 'lpg-2' })).toContainEqual(expect.objectContaining({ type: 'VALVE_CLOSED' }));
    runFor(run, 10);
    const gas = run.world.items.find((i) => i.id === 'lpg-2');
    expect(gas?.burning).toBe(true);
    expect(gas?.hrrKW).toBeGreaterThan(0);
  });
});
