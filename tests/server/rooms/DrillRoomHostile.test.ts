/** Hostile input against a live drill: over 10,000 generated malformed, oversized and out-of-role
 *  messages (fast-check) from clients that join by the code, while an instructor and three crew play.
 *  The server stays up, every offender is disconnected with a reason, the honest clients keep getting
 *  patches, and claims of a score or a world change change nothing. */
import { Client } from '@colyseus/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_MALFORMED, CLOSE_OUT_OF_ROLE, CLOSE_RATE, MAX_STRIKES } from '../../../server/rooms/DrillRoom';
import { ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN, startTestServer, type TestServer } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, threeCrewKitchen, waitForState, type DrillClient } from './drillClients';

const CREW = ['ff-1', 'ff-2', 'ff-3'];
/** Offenders in flight at once: the room keeps seats for a few spectators beside its crew. */
const PARALLEL = 5;
const RUNS = 700;

const crewId = fc.oneof(fc.constantFrom(...CREW, 'ff-9', ''), fc.string({ maxLength: 80 }));
/** Shapes a player might forge: other people's crew members, extra fields claiming outcomes, the
 *  instructor's commands, scores and state, oversized text, and plain garbage. */
const hostileMessage = fc.oneof(
  fc.record({ type: fc.constant('intent'), payload: fc.record({ type: fc.constantFrom('moveTo', 'toggleDoor', 'step'), crewId, x: fc.integer({ min: -5, max: 5000 }), y: fc.integer({ min: 0, max: 30 }) }) }),
  fc.record({ type: fc.constant('intent'), payload: fc.record({ type: fc.constant('startDischarge'), crewId: fc.constantFrom(...CREW), itemId: fc.constant('pan-oil'), burning: fc.constant(false) }) }),
  fc.record({ type: fc.constant('intent'), payload: fc.constant({ type: 'endRun' }) }),
  fc.record({ type: fc.constantFrom('start', 'pause', 'resume', 'end'), payload: fc.constantFrom(undefined, {}) }),
  fc.record({ type: fc.constant('inject'), payload: fc.oneof(fc.constant({ kind: 'scenario', id: 'ignite-kitchen-cabinet' }), fc.record({ kind: fc.constant('freeRadio'), text: fc.string({ maxLength: 300 }) })) }),
  fc.record({ type: fc.constant('assignRole'), payload: fc.record({ participantId: fc.string({ maxLength: 20 }), crewId: fc.constantFrom(...CREW) }) }),
  fc.record({ type: fc.constantFrom('score', 'setState', 'world', 'constructor', 'toString', '__proto__', '*', ''), payload: fc.constantFrom({ percent: 100, stars: 3 }, { items: { 'pan-oil': { burning: false } } }, { tick: 99_999 }) }),
  fc.record({ type: fc.constantFrom('intent', 'inject', 'assignRole'), payload: fc.anything({ maxDepth: 3 }) }),
  fc.record({ type: fc.constantFrom('intent', 'inject'), payload: fc.string({ minLength: 600, maxLength: 1500 }) }),
);
const offender = fc.array(hostileMessage, { minLength: MAX_STRIKES, maxLength: MAX_STRIKES });

let server: TestServer;
let client: Client;
beforeAll(async () => {
  // Behind a proxy on loopback: each offender comes from its own address (X-Forwarded-For), as a
  // crowd of attackers would, so the per-address join limit and bans do not stop the honest crew.
  server = await startTestServer({ catalogue: new ScenarioCatalogue([threeCrewKitchen()]), drillTickMs: 100, trustProxy: 'loopback' });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

let offenders = 0;

/** Joins from an address of its own, sends its messages, and resolves with how the server closed the connection. */
async function attack(code: string, messages: readonly { type: string; payload: unknown }[]): Promise<{ code: number; reason: string }> {
  let joined: Awaited<ReturnType<typeof joinDrill>> | null = null;
  const n = (offenders += 1);
  const from = new Client(server.url, { headers: { 'x-forwarded-for': `198.18.${n >> 8}.${n & 255}` } });
  // Seats free up as the server finishes with the previous offenders; wait for one.
  for (let attempt = 0; joined === null; attempt++) {
    try {
      joined = await joinDrill(from, code, 'x');
    } catch (error) {
      if (attempt > 100 || !String(error).includes('locked')) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const { room } = joined;
  room.reconnection.enabled = false;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => room.onLeave((c, reason) => resolve({ code: c, reason: reason ?? '' })));
  for (const m of messages) room.send(m.type, m.payload);
  const timeout = new Promise<{ code: number; reason: string }>((resolve) => setTimeout(() => resolve({ code: -1, reason: 'still connected' }), 5000));
  return Promise.race([closed, timeout]);
}

describe('DrillRoom under hostile input', () => {
  it('survives 10,000 generated bad messages: offenders are cut off with a reason, the crew plays on', { timeout: 240_000 }, async () => {
    const instructor = await openDrill(client, KITCHEN);
    const code = instructor.room.roomId;
    const crew: DrillClient[] = [];
    for (const name of ['Lan', 'Minh', 'Tuấn']) crew.push((await joinDrill(client, code, name)).room);
    const honest = [instructor.room, ...crew];
    try {
      await waitForState(instructor.room, (s) => s.participants.size === 4, 'the crew in the lobby');
      CREW.forEach((id, i) => instructor.room.send('assignRole', { participantId: crew[i]?.sessionId, crewId: id }));
      await Promise.all(crew.map((r, i) => waitForState(r, () => crewOf(r) === CREW[i], 'seats')));
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      const patches = honest.map(() => 0);
      honest.forEach((r, i) => r.onStateChange(() => (patches[i] = (patches[i] ?? 0) + 1)));
      // The honest crew keep stepping back and forth outside the door while the attack goes on.
      let flip = false;
      const play = setInterval(() => {
        flip = !flip;
        crew.forEach((r) => r.send('intent', { type: 'step', crewId: crewOf(r), dir: flip ? 'E' : 'W' }));
      }, 400);

      let sent = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(offender, { minLength: PARALLEL, maxLength: PARALLEL }), async (batch) => {
            const outcomes = await Promise.all(batch.map((messages) => attack(code, messages)));
            sent += batch.reduce((n, m) => n + m.length, 0);
            for (const o of outcomes) {
              expect([CLOSE_MALFORMED, CLOSE_OUT_OF_ROLE, CLOSE_RATE]).toContain(o.code);
              expect(o.reason).toMatch(/refused messages|messages a second/);
            }
          }),
          { numRuns: RUNS, seed: 20_260_601, endOnFailure: true },
        );
      } finally {
        clearInterval(play);
      }
      expect(sent).toBeGreaterThanOrEqual(10_000);

      // Every offender message was read and refused (none dropped unread), and none counted as play.
      const state = await waitForState(instructor.room, (s) => s.rejectedMessages >= sent, 'the refusals to be counted');
      expect(state.rejectedMessages).toBe(sent);
      expect(state.status).toBe('running');
      for (const r of honest) expect(r.connection.isOpen).toBe(true);
      for (const n of patches) expect(n).toBeGreaterThan(50);
      const before = patches.slice();
      const tickNow = state.tick;
      await waitForState(instructor.room, (s) => s.tick > tickNow + 5, 'more ticks');
      patches.forEach((n, i) => expect(n).toBeGreaterThan(before[i] ?? 0));

      instructor.room.send('end');
      await waitForState(instructor.room, (s) => s.runId !== '', 'the debrief');
      const stored = await server.store.getRun(instructor.room.state.runId);
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
      // The record holds the crew's steps and the instructor's end, nothing an offender sent.
      const kinds = new Set(stored?.record.intents.map((i) => i.intent.type));
      expect([...kinds].sort()).toEqual(['endRun', 'step']);
      expect(stored?.drill?.injects).toEqual([]);
      expect(stored?.drill?.participants.map((p) => p.name).sort()).toEqual(['Instructor', 'Lan', 'Minh', 'Tuấn']);
    } finally {
      await leaveAll(honest);
    }
  });
});
