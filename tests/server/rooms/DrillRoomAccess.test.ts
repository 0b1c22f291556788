/** Who may be in a drill and read its run, over a real server and the real SDK: join attempts limited
 *  per address (join codes cannot be guessed at speed), a removed participant kept out of that drill,
 *  one seat's radio unable to crowd out the others, and the drill's run readable only by its
 *  participants, the instructors and managers over them, and admins. */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JOINS_PER_ADDRESS_PER_MINUTE } from '../../../server/drills/drillGate';
import { CLOSE_REMOVED, RADIO_KEPT_PER_SEAT, RADIO_LINES_PER_SEAT } from '../../../server/rooms/DrillRoom';
import { ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN } from '../fixtures';
import { startOrgServer, type CallerName, type OrgServer } from '../orgFixture';
import { crewOf, joinDrill, leaveAll, openDrill, threeCrewKitchen, waitForState, type DrillClient } from './drillClients';

let org: OrgServer;
beforeAll(async () => {
  org = await startOrgServer({ catalogue: new ScenarioCatalogue([threeCrewKitchen()]), drillTickMs: 20, trustProxy: 'loopback' });
}, 60_000);
afterAll(async () => {
  await org?.server.stop();
});

/** An SDK client from `address`, signed in as `as` when given. */
function clientFrom(address: string, as?: CallerName): Client {
  const cookie = as ? org.cookies[as] : undefined;
  return new Client(org.server.url, { headers: { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) } });
}

describe('joining a drill', () => {
  it('is limited per address, so join codes cannot be guessed at speed; other addresses still join', async () => {
    const guesser = clientFrom('203.0.113.50');
    const answers = await Promise.all(
      Array.from({ length: MAX_JOINS_PER_ADDRESS_PER_MINUTE + 10 }, (_, i) => guesser.joinById(`ZZ${String(i).padStart(4, '0')}`, { name: 'x' }).then(() => 'joined', (e: unknown) => String(e))),
    );
    expect(answers.filter((a) => /too many join attempts/.test(a))).toHaveLength(10);
    expect(answers.filter((a) => a === 'joined')).toHaveLength(0);
    const instructor = await openDrill(clientFrom('203.0.113.1', 'instructorA'), KITCHEN);
    try {
      const trainee = await joinDrill(clientFrom('203.0.113.51'), instructor.room.roomId, 'Lan');
      expect(trainee.room.sessionId).not.toBe('');
      await leaveAll([trainee.room]);
    } finally {
      await leaveAll([instructor.room]);
    }
  });
});

describe('a removed participant', () => {
  it('cannot come back into that drill, signed in or from the same address, while others still join', async () => {
    const instructor = await openDrill(clientFrom('203.0.113.2', 'instructorA'), KITCHEN);
    const code = instructor.room.roomId;
    const rooms: DrillClient[] = [instructor.room];
    try {
      const signedIn = await joinDrill(clientFrom('203.0.113.10', 'trainee'), code, 'An');
      const anonymous = await joinDrill(clientFrom('203.0.113.11'), code, 'Bình');
      rooms.push(signedIn.room, anonymous.room);
      await waitForState(instructor.room, (s) => s.participants.size === 3, 'three in the lobby');
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      for (const joined of [signedIn, anonymous]) {
        joined.room.reconnection.enabled = false;
        const closed = new Promise<number>((resolve) => joined.room.onLeave((c) => resolve(c)));
        instructor.room.send('removeParticipant', { participantId: joined.room.sessionId });
        expect(await closed).toBe(CLOSE_REMOVED);
      }
      // The same account from another address, and the same address under another name, stay out.
      await expect(joinDrill(clientFrom('203.0.113.99', 'trainee'), code, 'An again')).rejects.toThrow(/removed from this drill/);
      await expect(joinDrill(clientFrom('203.0.113.11'), code, 'Not Bình')).rejects.toThrow(/removed from this drill/);
      const other = await joinDrill(clientFrom('203.0.113.12', 'instructorB'), code, 'Chi');
      rooms.push(other.room);
      await waitForState(other.room, () => crewOf(other.room) !== '', 'a seat for a late joiner');
    } finally {
      await leaveAll(rooms);
    }
  });
});

describe('the radio', () => {
  it('limits each seat, and one seat never holds more than its share of the lines everyone sees', async () => {
    const instructor = await openDrill(clientFrom('203.0.113.3', 'instructorA'), KITCHEN);
    const code = instructor.room.roomId;
    const crew = [await joinDrill(clientFrom('203.0.113.20'), code, 'Lan'), await joinDrill(clientFrom('203.0.113.21'), code, 'Minh')];
    const rooms = [instructor.room, ...crew.map((c) => c.room)];
    try {
      await waitForState(instructor.room, (s) => s.participants.size === 3, 'lobby');
      crew.forEach((c, i) => instructor.room.send('assignRole', { participantId: c.room.sessionId, crewId: `ff-${i + 1}` }));
      await Promise.all(crew.map((c, i) => waitForState(c.room, () => crewOf(c.room) === `ff-${i + 1}`, 'seats')));
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      const [talker, quiet] = crew;
      quiet?.room.send('radio', { text: 'Minh: đã tới cửa' });
      await waitForState(instructor.room, (s) => { let seen = false; s.radio.forEach((l) => (seen ||= l.textEn === 'Minh: đã tới cửa')); return seen; }, 'the quiet seat on the radio');
      for (let i = 0; i < RADIO_LINES_PER_SEAT + 6; i++) talker?.room.send('radio', { text: `flood ${i}` });
      const state = await waitForState(instructor.room, (s) => s.ignoredIntents >= 6, 'the extra lines dropped');
      const lines: string[] = [];
      state.radio.forEach((l) => lines.push(l.textEn));
      expect(lines.filter((t) => t.startsWith('flood'))).toHaveLength(Math.min(RADIO_LINES_PER_SEAT, RADIO_KEPT_PER_SEAT));
      expect(lines).toContain('Minh: đã tới cửa');
    } finally {
      await leaveAll(rooms);
    }
  });
});

describe("a drill's run", () => {
  it('is read by its participants, the instructors and managers over them and admins; never signed out', async () => {
    const instructor = await openDrill(clientFrom('203.0.113.4', 'instructorA'), KITCHEN);
    const code = instructor.room.roomId;
    const trainee = await joinDrill(clientFrom('203.0.113.30', 'trainee'), code, 'An');
    const rooms = [instructor.room, trainee.room];
    try {
      await waitForState(instructor.room, (s) => s.participants.size === 2, 'lobby');
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running', 'start');
      instructor.room.send('end');
      const ended = await waitForState(instructor.room, (s) => s.runId !== '', 'the debrief');
      const runId = ended.runId;
      await expect.poll(async () => (await org.call('admin', 'GET', `/api/runs/${runId}`)).status).toBe(200);
      const expected: Record<CallerName, number> = { anonymous: 404, trainee: 200, instructorA: 200, instructorB: 404, manager: 200, admin: 200 };
      for (const [as, status] of Object.entries(expected) as [CallerName, number][]) {
        expect((await org.call(as, 'GET', `/api/runs/${runId}`)).status, as).toBe(status);
      }
      expect((await org.call('traineeB', 'GET', `/api/runs/${runId}`)).status).toBe(404);
      const anonymousList = (await org.call('anonymous', 'GET', '/api/runs?limit=500')).body as { id: string }[];
      expect(anonymousList.map((r) => r.id)).not.toContain(runId);
    } finally {
      await leaveAll(rooms);
    }
  });
});
