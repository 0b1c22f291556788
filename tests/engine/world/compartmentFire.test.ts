/** Compartment correlations against DOMAIN.md's worked example and the physics trainees learn:
 *  closing a door starves the fire and delays flashover; a larger vent raises Q_fo. */
import { describe, expect, it } from 'vitest';
import { cbrt, sqrt } from '../../../engine/world/exactMath';
import { flashoverHrrBabrauskas, flashoverHrrMqh, flashoverHrrThomas, HK_GYPSUM, mqhTemperatureRise, shutRoomRiseStep, ventilationLimitedHrr, type CompartmentGeometry } from '../../../engine/world/compartmentFire';

const room: CompartmentGeometry = { floorArea: 16, perimeter: 16, ceilingHeight: 2.4, hk: HK_GYPSUM };
const door = { area: 0.9 * 2.0, height: 2.0 };

describe('exact roots', () => {
  it('agree with Math.sqrt and Math.cbrt to the last few bits', () => {
    for (const x of [0.0001, 0.5, 2, 9, 1055, 1e6]) {
      expect(sqrt(x)).toBeCloseTo(Math.sqrt(x), 12);
      expect(cbrt(x)).toBeCloseTo(Math.cbrt(x), 10);
    }
  });
});

describe('compartment fire', () => {
  it('the MQH worked example: a 4 x 4 x 2.4 m gypsum room with one door flashes over at about 933 kW (within 2 %)', () => {
    const qfo = flashoverHrrMqh(room, [door]);
    expect(Math.abs(qfo - 933) / 933).toBeLessThan(0.02);
  });

  it('the hot layer reaches about 500-600 degC at the flashover HRR', () => {
    const rise = mqhTemperatureRise(flashoverHrrMqh(room, [door]), room, [door]);
    expect(rise + 20).toBeGreaterThan(480);
    expect(rise + 20).toBeLessThan(620);
  });

  it('a larger vent raises the flashover HRR', () => {
    const window = { area: 1.2, height: 1.0 };
    expect(flashoverHrrMqh(room, [door, window])).toBeGreaterThan(flashoverHrrMqh(room, [door]));
    expect(flashoverHrrBabrauskas([door, window])).toBeGreaterThan(flashoverHrrBabrauskas([door]));
  });

  it('the alternatives agree on the order of magnitude', () => {
    for (const q of [flashoverHrrBabrauskas([door]), flashoverHrrThomas(room, [door])]) {
      expect(q / flashoverHrrMqh(room, [door])).toBeGreaterThan(0.5);
      expect(q / flashoverHrrMqh(room, [door])).toBeLessThan(2.5);
    }
  });

  it('closing the door to a crack starves the fire: the ventilation limit falls', () => {
    const crack = { area: 0.02, height: 2.0 };
    expect(ventilationLimitedHrr([crack])).toBeLessThan(ventilationLimitedHrr([door]) / 50);
    expect(ventilationLimitedHrr([door])).toBeCloseTo(1500 * 1.8 * Math.SQRT2, 6);
  });

  it('the same fire heats a closed room more than an open one', () => {
    expect(mqhTemperatureRise(300, room, [{ area: 0.2, height: 2 }])).toBeGreaterThan(mqhTemperatureRise(300, room, [door]));
  });
});

/** Beyler's closed-compartment correlation (Beyler 1991; SFPE Handbook, Walton and Thomas, "Estimating
 *  temperatures in compartment fires"; NUREG-1805 ch. 2, closed compartment): dT = (2 K2 / K1^2) (K1 sqrt(t) - 1 +
 *  exp(-K1 sqrt(t))), K1 = 2 (0.4 sqrt(k rho c)) AT / (m cp), K2 = Q / (m cp). Gypsum board k = 0.00017
 *  kW/mK, rho = 960 kg/m^3, c = 1.1 kJ/kgK (NUREG-1805 ch. 2 table of surface properties); m = 1.2 V kg. */
function beyler(q: number, t: number, g: CompartmentGeometry): number {
  const m = 1.2 * g.floorArea * g.ceilingHeight;
  const at = 2 * g.floorArea + g.perimeter * g.ceilingHeight;
  const k1 = (2 * 0.4 * Math.sqrt(0.00017 * 960 * 1.1) * at) / m;
  const k2 = q / m;
  return ((2 * k2) / (k1 * k1)) * (k1 * Math.sqrt(t) - 1 + Math.exp(-k1 * Math.sqrt(t)));
}

/** The engine's shut-room balance stepped every 0.2 s for `seconds` at a steady `q`, sealed. */
function shutRise(q: number, seconds: number, openings: { area: number; height: number }[] = []): number {
  let rise = 0;
  for (let i = 1; i <= seconds * 5; i++) rise = shutRoomRiseStep(rise, q, i * 0.2, 0.2, room, openings);
  return rise;
}

describe('shut room: energy balance against the linings (Beyler closed compartment)', () => {
  for (const [q, t] of [[42, 60], [42, 300], [200, 300], [200, 900]] as const) {
    it(`a sealed 4 x 4 x 2.4 m gypsum room with a steady ${q} kW fire after ${t} s is within 1 % of Beyler`, () => {
      const expected = beyler(q, t, room);
      expect(Math.abs(shutRise(q, t) - expected) / expected).toBeLessThan(0.01);
    });
  }

  it('a fire fed by the gap under a shut door (~42 kW) heats the room by tens of degrees, not the hundreds MQH gives over the gap', () => {
    const gap = { area: 0.02, height: 2.0 };
    const q = ventilationLimitedHrr([gap]);
    const balance = shutRise(q, 300, [gap]);
    // Beyler's sealed room at 300 s gives 54 K; the gap's leakage only takes heat away.
    expect(balance).toBeLessThan(beyler(q, 300, room));
    expect(balance).toBeGreaterThan(0.9 * beyler(q, 300, room));
    // MQH with the gap as the opening: about 280 K, five times too hot.
    expect(mqhTemperatureRise(q, room, [gap])).toBeGreaterThan(4 * balance);
  });

  it("with no fire a shut room's layer cools towards ambient", () => {
    let rise = 100;
    for (let i = 1; i <= 300; i++) rise = shutRoomRiseStep(rise, 0, 600 + i * 0.2, 0.2, room, []);
    expect(rise).toBeLessThan(100);
    expect(rise).toBeGreaterThan(0);
  });
});
