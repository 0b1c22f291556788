/** The replay viewer's world source: a drill record with an instructor's inject replays to the server's
 *  final state and score whether it is played forward frame by frame, jumped forward or scrubbed back,
 *  and a moment looks the same however the viewer reached it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayToTick, scoreRun, stateHash, TICK_MS, type ScoreResult } from '../../../engine/index';
import { ReplaySource } from '../../../client/session/ReplaySource';
import { verifyDrill } from '../../../server/drills/verifyDrill';
import { INJECT_AT_TICK, kitchenDrillWithInject } from '../../support/drillWithInject';

/** Node has no animation frames: the test hands them out itself, with the times it chooses. */
let pending: FrameRequestCallback | null = null;
const g = globalThis as { requestAnimationFrame?: unknown; cancelAnimationFrame?: unknown };
beforeEach(() => {
  g.requestAnimationFrame = (cb: FrameRequestCallback) => {
    pending = cb;
    return 1;
  };
  g.cancelAnimationFrame = () => {
    pending = null;
  };
});
afterEach(() => {
  pending = null;
  delete g.requestAnimationFrame;
  delete g.cancelAnimationFrame;
});

/** Plays the source with frames `frameMs` apart until it stops on its own. */
function playToEnd(source: ReplaySource, frameMs: number): void {
  source.play();
  let now = performance.now();
  for (let frames = 0; pending && frames < 100_000; frames++) {
    const cb: FrameRequestCallback = pending;
    pending = null;
    now += frameMs;
    cb(now);
  }
  expect(source.playing).toBe(false);
}

const verdict = (s: ScoreResult) => ({ percent: s.percent, stars: s.stars, passed: s.passed, criteria: s.criteria.map((c) => ({ id: c.id, passed: c.passed, evidence: c.evidence })) });

describe('replay of a drill record with an inject', () => {
  const { scenario, record, extras } = kitchenDrillWithInject();
  const server = verifyDrill(scenario, record, extras);
  const serverVerdict = server.result && verdict(server.result);

  it('played forward frame by frame, ends on the server’s final state and score', () => {
    expect(server.status).toBe('verified');
    const source = new ReplaySource(scenario, record);
    source.speed = 8;
    playToEnd(source, TICK_MS);
    expect(source.run.world.tick).toBe(record.endTick);
    expect(verdict(scoreRun(scenario, source.run.events))).toEqual(serverVerdict);
    expect(stateHash(source.run)).toBe(record.finalHash);
  });

  it('jumped to the end, ends on the server’s final state and score', () => {
    const source = new ReplaySource(scenario, record);
    source.seek(record.endTick);
    expect(verdict(scoreRun(scenario, source.run.events))).toEqual(serverVerdict);
    expect(stateHash(source.run)).toBe(record.finalHash);
  });

  it('shows the same moment whether reached forward or by scrubbing back', () => {
    const after = INJECT_AT_TICK + 40;
    const forward = new ReplaySource(scenario, record);
    forward.seek(after);
    const scrubbed = new ReplaySource(scenario, record);
    scrubbed.seek(record.endTick);
    scrubbed.seek(after);
    expect(scrubbed.run.world.tick).toBe(after);
    expect(stateHash(forward.run)).toBe(stateHash(scrubbed.run));
    expect(stateHash(forward.run)).toBe(stateHash(replayToTick(scenario, record, after)));
    // Back to before the inject, then on to the end: the inject applies again on its tick.
    scrubbed.seek(INJECT_AT_TICK - 10);
    scrubbed.seek(record.endTick);
    expect(stateHash(scrubbed.run)).toBe(record.finalHash);
  });

  it('played on from a moment scrubbed back to, ends on the server’s final state', () => {
    const source = new ReplaySource(scenario, record);
    source.seek(record.endTick);
    source.seek(INJECT_AT_TICK - 5);
    source.speed = 8;
    playToEnd(source, TICK_MS);
    expect(stateHash(source.run)).toBe(record.finalHash);
  });
});
