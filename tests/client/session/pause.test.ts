/** The active pause: the clock store's toggle, and that pausing never reaches the run. Orders given while
 *  paused apply on the first tick after resuming, and the record and state hash are those of a pause-free run. */
import { beforeEach, describe, expect, it } from 'vitest';
import { expertBot, replayRecord, stateHash, stepRun, submitIntent, toRunRecord, type Intent, type Run } from '../../../engine/index';
import { advanceClock, clockRate, type Speed } from '../../../client/session/tickClock';
import { useSpeedStore } from '../../../client/store/speedStore';
import { makeRun } from '../../support/scenarios';

const ID = '3b8e3f0c-5a7d-4c1e-8f2a-9d6b1e4c7a20';

describe('pause control', () => {
  beforeEach(() => useSpeedStore.setState({ speed: 1, paused: false }));

  it('toggles the pause without touching the speed, and changing speed keeps the pause', () => {
    const s = useSpeedStore.getState;
    s().setSpeed(4);
    s().togglePause();
    expect(s()).toMatchObject({ paused: true, speed: 4 });
    s().cycle();
    expect(s()).toMatchObject({ paused: true, speed: 1 });
    s().togglePause();
    expect(s()).toMatchObject({ paused: false, speed: 1 });
  });
});

/** Drives a run the way the local session does: frames of wall time through the clock, with the pause
 *  read from the store each frame. `plan` runs before every frame and may give orders or toggle the pause. */
function play(run: Run, frames: number, frameMs: number, speed: Speed, plan: (frame: number, run: Run) => void): void {
  let carry = 0;
  for (let f = 0; f < frames && run.endReason === null; f++) {
    plan(f, run);
    const { paused } = useSpeedStore.getState();
    const due = advanceClock(carry, frameMs, clockRate(speed, paused));
    carry = due.carryMs;
    for (let k = 0; k < due.ticks && run.endReason === null; k++) stepRun(run);
  }
}

describe('a paused run', () => {
  beforeEach(() => useSpeedStore.setState({ speed: 1, paused: false }));

  it('stops the incident clock and queues orders for the first tick after resuming', () => {
    const run = makeRun();
    let queuedAt = -1;
    let orders: Intent[] = [];
    play(run, 400, 50, 1, (f, r) => {
      if (f === 20) useSpeedStore.getState().setPaused(true);
      if (f === 30) {
        queuedAt = r.world.tick;
        orders = expertBot(r);
        for (const i of orders) submitIntent(r, i);
      }
      if (f === 40) {
        expect(r.world.tick).toBe(queuedAt);
        expect(r.pending).toHaveLength(orders.length);
        useSpeedStore.getState().setPaused(false);
      }
    });
    expect(orders.length).toBeGreaterThan(0);
    // 400 frames of 50 ms, 20 of them paused: 19 s of incident time at five ticks a second.
    expect(run.world.tick).toBe(95);
    const logged = toRunRecord(run, ID).intents.filter((l) => l.tick === queuedAt);
    expect(logged.map((l) => l.intent)).toEqual(orders);
  });

  it('leaves the record and state hash of a run without pauses, and replays to the same hash', () => {
    // The same orders at the same incident moments, once with pauses around every order, once without.
    const give = (r: Run) => {
      if (r.world.tick % 10 === 0 && r.pending.length === 0) for (const i of expertBot(r)) submitIntent(r, i);
    };
    const plain = makeRun();
    play(plain, 1200, 40, 2, (_f, r) => give(r));
    const paused = makeRun();
    let hold = 0;
    let pauses = 0;
    play(paused, 6000, 40, 2, (_f, r) => {
      const s = useSpeedStore.getState();
      if (s.paused && --hold <= 0) s.setPaused(false);
      else if (!s.paused && r.world.tick % 10 === 0 && r.pending.length === 0 && r.world.tick < plain.world.tick) {
        s.setPaused(true);
        hold = 7;
        pauses++;
        give(r);
      }
    });
    expect(plain.endReason).not.toBeNull();
    expect(pauses).toBeGreaterThan(5);
    expect(paused.endReason).toBe(plain.endReason);
    expect(paused.world.tick).toBe(plain.world.tick);
    expect(stateHash(paused)).toBe(stateHash(plain));
    const record = toRunRecord(paused, ID);
    expect(record.intents).toEqual(toRunRecord(plain, ID).intents);
    const replay = replayRecord(paused.scenario, record);
    expect(replay.ok && replay.hashMatches).toBe(true);
  });
});
