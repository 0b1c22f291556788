/** Compartment correlations against DOMAIN.md's worked example and the physics trainees learn:
 *  closing a door starves the fire and delays flashover; a larger vent raises Q_fo. */
import { describe, expect, it } from 'vitest';
import { cbrt, sqrt } from '../../../engine/world/exactMath';
import { flashoverHrrBabrauskas, flashoverHrrMqh, flashoverHrrThomas, HK_GYPSUM, mqhTemperatureRise, ventilationLimitedHrr, type CompartmentGeometry } from '../../../engine/world/compartmentFire';

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
