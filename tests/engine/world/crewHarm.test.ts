/** Crews can be harmed. Protective clothing endures each thermal class for the published time (NIST TN
 *  1474, Donnelly et al. 2006, Table 1: 100 degC / 1 kW/m2 for 25 min, 160 degC / 2 kW/m2 for 15 min,
 *  260 degC / 10 kW/m2 for 5 min, beyond that under a minute; NFPA 1971's TPP of 35 cal/cm2 at
 *  84 kW/m2 for the seconds of flashover); radiant heat from the hot layer (500 degC: about 20 kW/m2 at
 *  the floor, DOMAIN.md) and from flames (point source, SFPE Handbook). An empty cylinder in smoke is a
 *  MAYDAY and then a casualty to carry out; a shock injures. */
import { describe, expect, it } from 'vitest';
import { stepRun, submitIntent, TICKS_PER_SECOND, type Intent, type Run, type WorldEvent } from '../../../engine/index';
import { harmCrew } from '../../../engine/world/crewHarm';
import { enduranceS, layerFluxKW, pointSourceFluxKW, thermalClass } from '../../../engine/world/thermalClasses';
import type { WorldState } from '../../../engine/world/WorldState';
import { crew, customRun } from '../../support/customScenario';

describe('thermal classes of protective clothing (Donnelly et al. 2006, NIST TN 1474)', () => {
  it('classes an environment by the worse of its gas temperature and its radiant flux', () => {
    expect(thermalClass(40, 0.5)).toBe('none');
    expect(thermalClass(100, 1)).toBe('routine');
    expect(thermalClass(101, 1)).toBe('ordinary');
    expect(thermalClass(160, 2)).toBe('ordinary');
    expect(thermalClass(60, 2.5)).toBe('emergency');
    expect(thermalClass(260, 10)).toBe('emergency');
    expect(thermalClass(261, 0)).toBe('critical');
    expect(thermalClass(40, 11)).toBe('critical');
  });

  it('gives the published endurance: 25, 15 and 5 minutes, and under one minute beyond', () => {
    expect(enduranceS(90, 0.5)).toBe(25 * 60);
    expect(enduranceS(150, 1.5)).toBe(15 * 60);
    expect(enduranceS(250, 8)).toBe(5 * 60);
    expect(enduranceS(300, 5)).toBe(60);
    expect(enduranceS(30, 0)).toBe(Infinity);
  });

  it('at flashover flux the gear lasts its TPP rating: 35 cal/cm2 at 84 kW/m2 is about 17 s (NFPA 1971)', () => {
    expect(enduranceS(900, 84)).toBeCloseTo(17.4, 1);
  });
});

describe('radiant heat', () => {
  it('a 500 degC hot layer gives about 20 kW/m2 at the floor, the flashover sign (DOMAIN.md)', () => {
    expect(layerFluxKW(500, 30)).toBeGreaterThan(18);
    expect(layerFluxKW(500, 30)).toBeLessThan(22);
    expect(layerFluxKW(30, 30)).toBe(0);
  });

  it('a 1 MW fire 2 m away gives 0.3 x 1000 / (4 pi 4) = 6.0 kW/m2 (point-source model)', () => {
    // 2 m is 4 cells of 0.5 m: 16 squared cells.
    expect(pointSourceFluxKW(1000, 16)).toBeCloseTo(5.97, 2);
  });
});

const L = (t: string): { vi: string; en: string } => ({ vi: t, en: t });
const street = [',,,,,,,,,,,,', ',,,,,,,,,,,,', ',,,,,,,,,,,,'];

/** A crew member on open ground (no hot layer over it, no flames in sight) whose cell's gas is held at
 *  `gasC`, tick after tick. */
function standIn(w: WorldState, gasC: number, seconds: number): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (let i = 0; i < seconds * TICKS_PER_SECOND; i++) {
    w.heat[0]?.fill(gasC * 10);
    harmCrew(w, events);
    w.tick += 1;
  }
  return events;
}

const at = (events: WorldEvent[], type: string): number => (events.find((e) => e.type === type)?.tick ?? -TICKS_PER_SECOND) / TICKS_PER_SECOND;

/** The same, with the cell's smoke held at `smoke` (0-1000) and the gas at ambient. */
function breatheIn(w: WorldState, smoke: number, seconds: number): WorldEvent[] {
  const events: WorldEvent[] = [];
  for (let i = 0; i < seconds * TICKS_PER_SECOND; i++) {
    w.smoke[0]?.fill(smoke);
    harmCrew(w, events);
    w.tick += 1;
  }
  return events;
}

describe('breathing smoke', () => {
  const set = { cylinderL: 6.8, fullBar: 300, alarm: { kind: 'pressure', bar: 55 } };

  it('with air in the set, smoke does nothing to the member', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1, { breathingSet: set })] });
    expect(breatheIn(run.world, 1000, 300)).toEqual([]);
  });

  it('an empty cylinder in smoke is a MAYDAY at once; opaque smoke puts the member down in about 90 s (the victims’ FED)', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1, { breathingSet: { ...set, startBar: 0 } })] });
    const air = run.world.crew[0]?.air;
    if (air) air.empty = true;
    const events = breatheIn(run.world, 1000, 120);
    expect(events[0]).toMatchObject({ type: 'MAYDAY', reason: 'air', tick: 0 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'CREW_INCAPACITATED', reason: 'smoke' }));
    expect(at(events, 'CREW_INCAPACITATED')).toBeCloseTo(90, 0);
  });
});

describe('exposure over time', () => {
  it('at 200 degC (emergency class, 5 min) the warning comes at half the endurance and the burn at 5 min', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1)] });
    const events = standIn(run.world, 200, 400);
    expect(at(events, 'CREW_HEAT_WARNING')).toBeCloseTo(150, 0);
    expect(at(events, 'CREW_BURNED')).toBeCloseTo(300, 0);
    expect(events).toContainEqual(expect.objectContaining({ type: 'MAYDAY', reason: 'burn' }));
    expect(run.world.crew[0]?.status).toBe('injured');
  });

  it('at 120 degC (ordinary class, 15 min) ten minutes is a warning but no burn', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1)] });
    const events = standIn(run.world, 120, 600);
    expect(events.map((e) => e.type)).toEqual(['CREW_HEAT_WARNING']);
  });

  it('in flashover gas (900 degC) a firefighter is beyond the gear, burned within a minute and then down', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1)] });
    const events = standIn(run.world, 900, 150);
    expect(at(events, 'CREW_BEYOND_GEAR_LIMIT')).toBe(0);
    expect(at(events, 'CREW_BURNED')).toBeCloseTo(60, 0);
    expect(at(events, 'CREW_INCAPACITATED')).toBeCloseTo(120, 0);
    expect(run.world.crew[0]?.status).toBe('down');
  });

  it('out of the heat the clothing sheds what it took in, and the warning is given again next time', () => {
    const run = customRun({ floors: [{ id: 'g', rows: street }], crew: [crew('ff', 'g', 5, 1)] });
    const first = standIn(run.world, 200, 200);
    standIn(run.world, 30, 25 * 60);
    expect(run.world.crew[0]?.exposure).toBe(0);
    const second = standIn(run.world, 200, 200);
    expect([...first, ...second].filter((e) => e.type === 'CREW_HEAT_WARNING')).toHaveLength(2);
  });
});

function runFor(run: Run, seconds: number): void {
  for (let i = 0; i < seconds * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
}
function act(run: Run, intent: Intent): WorldEvent[] {
  submitIntent(run, intent);
  return stepRun(run);
}

describe('harm in the running world', () => {
  // A 4 x 4 m room with a door to the street and a large sofa fire.
  const rows = ['##########,,,,', '#........#,,,,', '#........#,,,,', '#........#,,,,', '#........d,,,,', '#........#,,,,', '#........#,,,,', '#........#,,,,', '#........#,,,,', '##########,,,,'];
  const sofa = { id: 'sofa', kind: 'sofa', name: L('sofa'), floor: 'g', x: 4, y: 4, fireClass: 'A', growth: 'ultraFast', peakKW: 3000, fuelMJ: 20000, ignitedAtS: 0 };

  it('a crew member who stays in a room through flashover is burned, goes down and calls a MAYDAY', () => {
    const run = customRun({ floors: [{ id: 'g', rows }], items: [sofa], crew: [crew('ff', 'g', 7, 7)] });
    runFor(run, 240);
    const types = run.events.filter((e) => e.crewId === 'ff').map((e) => e.type);
    expect(run.events.some((e) => e.type === 'FLASHOVER')).toBe(true);
    expect(types).toEqual(expect.arrayContaining(['CREW_BEYOND_GEAR_LIMIT', 'CREW_HEAT_WARNING', 'CREW_BURNED', 'MAYDAY', 'CREW_INCAPACITATED']));
    const flashover = run.events.find((e) => e.type === 'FLASHOVER')?.tick ?? 0;
    const down = run.events.find((e) => e.type === 'CREW_INCAPACITATED')?.tick ?? Infinity;
    // Beyond the gear's rating a minute burns and two put the member down, sooner under strong radiation.
    expect((down - flashover) / TICKS_PER_SECOND).toBeLessThan(120);
    expect(act(run, { type: 'moveTo', crewId: 'ff', x: 12, y: 4 })).toContainEqual(expect.objectContaining({ type: 'INTENT_REFUSED', reason: 'crewDown' }));
  });

  it('the same crew member standing outside the door is unharmed', () => {
    const run = customRun({ floors: [{ id: 'g', rows }], items: [sofa], crew: [crew('ff', 'g', 13, 8)] });
    runFor(run, 240);
    expect(run.events.filter((e) => e.crewId === 'ff' && /CREW_|MAYDAY/.test(e.type))).toEqual([]);
  });

  it('a downed member cannot be walked out by itself: a colleague carries it and puts it down outdoors', () => {
    const run = customRun({ floors: [{ id: 'g', rows }], crew: [crew('ff', 'g', 2, 7), crew('ric', 'g', 12, 4)] });
    const down = run.world.crew[0];
    if (down) down.status = 'down';
    act(run, { type: 'moveTo', crewId: 'ric', x: 3, y: 7 });
    runFor(run, 15);
    act(run, { type: 'carry', crewId: 'ric', victimId: 'ff' });
    act(run, { type: 'moveTo', crewId: 'ric', x: 12, y: 4 });
    runFor(run, 20);
    expect(run.world.crew[0]).toMatchObject({ x: 12, y: 4, carriedBy: 'ric' });
    expect(act(run, { type: 'putDown', crewId: 'ric' })).toContainEqual(expect.objectContaining({ type: 'CREW_RESCUED', crewId: 'ff' }));
  });

});
