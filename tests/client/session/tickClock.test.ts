/** The play clock: faster playback buys more fixed ticks per wall-clock millisecond, never a longer tick;
 *  a paused clock buys none and owes nothing when it resumes. */
import { describe, expect, it } from 'vitest';
import { TICK_MS } from '../../../engine/index';
import { advanceClock, clockRate, MAX_CATCH_UP_MS, nextSpeed, SPEEDS } from '../../../client/session/tickClock';

/** Plays `frames` frames of `frameMs` each at `speed` and counts the ticks stepped. */
function ticksOver(frames: number, frameMs: number, speed: number): number {
  let carry = 0;
  let ticks = 0;
  for (let k = 0; k < frames; k++) {
    const due = advanceClock(carry, frameMs, speed);
    carry = due.carryMs;
    ticks += due.ticks;
  }
  return ticks;
}

describe('play clock', () => {
  it('steps five ticks a second in real time, at any frame rate', () => {
    // Frame lengths that are exact in binary, so the sums carry no rounding error.
    expect(ticksOver(64, 15.625, 1)).toBe(5);
    expect(ticksOver(128, 7.8125, 1)).toBe(5);
    expect(ticksOver(10, 100, 1)).toBe(5);
  });

  it('x2 and x4 step two and four times as many ticks in the same wall time', () => {
    for (const speed of SPEEDS) expect(ticksOver(640, 15.625, speed)).toBe(50 * speed);
  });

  it('keeps the remainder of a frame for the next one, so no incident time is lost', () => {
    const a = advanceClock(0, TICK_MS * 0.75, 4);
    expect(a).toEqual({ ticks: 3, carryMs: 0 });
    const b = advanceClock(0, TICK_MS / 3, 1);
    expect(b.ticks).toBe(0);
    expect(advanceClock(b.carryMs, (TICK_MS * 2) / 3, 1).ticks).toBe(1);
  });

  it('catches up at most a second of wall time after a stall, scaled by the speed', () => {
    expect(advanceClock(0, 60_000, 1).ticks).toBe(MAX_CATCH_UP_MS / TICK_MS);
    expect(advanceClock(0, 60_000, 4).ticks).toBe((4 * MAX_CATCH_UP_MS) / TICK_MS);
  });

  it('ignores a clock that runs backwards', () => {
    expect(advanceClock(50, -500, 2)).toEqual({ ticks: 0, carryMs: 50 });
  });

  it('cycles x1, x2, x4 and back to x1', () => {
    expect([nextSpeed(1), nextSpeed(2), nextSpeed(4)]).toEqual([2, 4, 1]);
  });

  it('a paused clock steps no tick, however long the pause, and keeps the part-tick it had', () => {
    for (const speed of SPEEDS) {
      expect(clockRate(speed, false)).toBe(speed);
      expect(clockRate(speed, true)).toBe(0);
      expect(advanceClock(TICK_MS / 2, 60_000, clockRate(speed, true))).toEqual({ ticks: 0, carryMs: TICK_MS / 2 });
    }
  });

  it('resuming steps only the frames after the pause: no catch-up burst for the paused wall time', () => {
    // One second running, ten minutes paused in 4 ms frames, one second running again, at x4.
    let carry = 0;
    let ticks = 0;
    const frame = (ms: number, paused: boolean) => {
      const due = advanceClock(carry, ms, clockRate(4, paused));
      carry = due.carryMs;
      ticks += due.ticks;
      return due.ticks;
    };
    for (let k = 0; k < 250; k++) frame(4, false);
    const before = ticks;
    for (let k = 0; k < 150_000; k++) frame(4, true);
    expect(ticks).toBe(before);
    // The first frame after resuming is an ordinary frame.
    expect(frame(4, false)).toBeLessThanOrEqual(1);
    for (let k = 1; k < 250; k++) frame(4, false);
    expect(ticks).toBe(2 * before);
  });
});
