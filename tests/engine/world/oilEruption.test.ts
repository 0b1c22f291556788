/** Water on burning oil at its peak: the steam throws the oil out as a fireball that releases heat above
 *  the growth curve for a few seconds, drawn from the pan's own fuel, fills the room with flame-hot gas
 *  (about 800 degC, the continuous-flame region of a buoyant fire: McCaffrey 1979, as in Drysdale,
 *  An Introduction to Fire Dynamics) and sets alight what is in it; the event names who did it and
 *  where. Figures: docs/engine/oil-eruption.md. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Run } from '../../../engine/index';
import { ERUPTION_FUEL_SHARE, ERUPTION_TICKS, FIREBALL_DECI_C } from '../../../engine/world/oilEruption';
import { crew, customRun } from '../../support/customScenario';

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
// A 5 x 3 m kitchen with an open door onto a hall; a wok of oil burns at its 250 kW peak.
const rows = ['############,', '#..........#,', '#..........#,', '#..........#,', '#..........#,', '#..........#,', '#..........d,', '############,'];
const wok = { id: 'wok', kind: 'panOil', name: L('wok'), floor: 'k', x: 3, y: 3, fireClass: 'F', growth: 'ultraFast', peakKW: 250, fuelMJ: 70, ignitedAtS: 0, preburnS: 60 };
const cabinet = { id: 'cupboard', kind: 'cabinet', name: L('cupboard'), floor: 'k', x: 9, y: 1, fireClass: 'A', growth: 'medium', peakKW: 800, fuelMJ: 400 };
const water = { id: 'ext-water', kind: 'extinguisher', agent: 'water', dischargeS: 60, rangeM: 4 };

function kitchen(): Run {
  return customRun({ floors: [{ id: 'k', rows }], items: [wok, cabinet], crew: [crew('ff', 'k', 6, 3, { equipment: [water] })] });
}
function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}

describe('water on burning oil', () => {
  it("raises the heat release above the peak for a few seconds, from the pan's own fuel, then falls back", () => {
    const run = kitchen();
    runFor(run, 2);
    const item = (): NonNullable<Run['world']['items'][number]> => run.world.items.find((i) => i.id === 'wok') ?? (() => { throw new Error('no wok'); })();
    expect(item().hrrKW).toBe(250);
    const fuelBefore = item().fuelKJ;
    submitIntent(run, { type: 'startDischarge', crewId: 'ff', itemId: 'wok' });
    const events = stepRun(run);
    expect(events).toContainEqual(expect.objectContaining({ type: 'AGENT_FLARE_UP', crewId: 'ff', itemId: 'wok', floor: 0, room: 0 }));
    const surge = (ERUPTION_FUEL_SHARE * fuelBefore) / (ERUPTION_TICKS / TICKS_PER_SECOND);
    expect(item().hrrKW).toBeCloseTo(250 + surge, 6);
    expect(item().hrrKW).toBeGreaterThan(2 * 250);
    // Over the eruption the pan burns its share of fuel on top of the peak: energy drawn from the fuel.
    for (let i = 1; i < ERUPTION_TICKS; i++) stepRun(run);
    const burned = fuelBefore - item().fuelKJ;
    const atPeak = 250 * (ERUPTION_TICKS / TICKS_PER_SECOND);
    expect(burned - atPeak).toBeCloseTo(ERUPTION_FUEL_SHARE * fuelBefore, 3);
    stepRun(run);
    expect(item().hrrKW).toBe(250);
  });

  it('fills the room with flame-hot gas and sets its furniture alight', () => {
    const run = kitchen();
    runFor(run, 2);
    submitIntent(run, { type: 'startDischarge', crewId: 'ff', itemId: 'wok' });
    stepRun(run);
    const g = run.world.floors[0];
    const heat = run.world.heat[0];
    // The nozzle's own cell, 1.5 m from the wok: the one who threw the water stands in the fireball.
    expect(g && heat ? heat[3 * g.width + 6] : 0).toBeGreaterThanOrEqual(FIREBALL_DECI_C - 1000);
    runFor(run, 1);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'ITEM_IGNITED', itemId: 'cupboard' }));
    // Crew exposure reads that heat: the one who threw the water is at once beyond the gear's limit.
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'CREW_BEYOND_GEAR_LIMIT', crewId: 'ff' }));
  });

  it('without the water the cupboard across the kitchen stays unburnt over the same time', () => {
    const run = kitchen();
    runFor(run, 4);
    expect(run.events).not.toContainEqual(expect.objectContaining({ type: 'ITEM_IGNITED', itemId: 'cupboard' }));
  });
});
