/** Breathing air against DOMAIN.md: a 6.8 L, 300 bar set holds about 2000 L; work empties it far
 *  faster than rest; the EN 137 and NFPA alarms come where the standards put them. */
import { describe, expect, it } from 'vitest';
import { AIR_USE_L_PER_MIN, EN137_ALARM, NFPA_ALARM, alarmPressure, freeAirL, minutesToAlarm, pressureAfter } from '../../../engine/world/breathingAir';

const set = { volumeL: 6.8, fullBar: 300 };

describe('breathing air', () => {
  it('a 6.8 L cylinder at 300 bar holds about 2000 L', () => {
    expect(freeAirL(set, 300)).toBeCloseTo(2040, 0);
  });
  it('uses about 40 L/min at rest and 100 L/min in heavy work', () => {
    expect(AIR_USE_L_PER_MIN.rest).toBe(40);
    expect(AIR_USE_L_PER_MIN.heavy).toBeGreaterThanOrEqual(100);
  });
  it('heavy work reaches the whistle in well under half the time of rest', () => {
    const rest = minutesToAlarm(set, 300, EN137_ALARM, 'rest');
    const heavy = minutesToAlarm(set, 300, EN137_ALARM, 'heavy');
    expect(rest).toBeCloseTo((2040 - 6.8 * 55) / 40, 6);
    expect(heavy / rest).toBeLessThan(0.5);
  });
  it('EN 137 whistles at 55 bar, NFPA alarms at a third of full pressure', () => {
    expect(alarmPressure(set, EN137_ALARM)).toBe(55);
    expect(alarmPressure(set, NFPA_ALARM)).toBeCloseTo(99, 0);
  });
  it('pressure falls by litres over cylinder volume and never below zero', () => {
    expect(pressureAfter(set, 300, 680)).toBeCloseTo(200, 6);
    expect(pressureAfter(set, 10, 1000)).toBe(0);
  });
});
