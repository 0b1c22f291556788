/** The shipped tube house has a fire commander's seat (ic-1): over a real server and the real SDK, the trainee
 *  in it gets every crew member however far off and what the crews have found, while the nozzle beside the
 *  engine gets only what it sees; the commander talks on the crew radio and may only move. */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayDrill } from '../../../server/drills/verifyDrill';
import { loadScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { startTestServer, type TestServer } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, waitForState, type DrillClient, type SyncedState } from '../rooms/drillClients';

const TUBE_HOUSE = 'tube-house-motorbikes';
const CREW = ['ff-1', 'ff-2', 'ff-3', 'ic-1'];
const FAMILY = ['child', 'grandmother', 'mother'];
/** Clear air lets a crew member see 30 m (60 cells); a rescuer past x = 70 is out of the nozzle's sight at x = 5. */
const FAR_X = 70;
/** The bots reach the family at about tick 530; at 10 ms a tick that is some seconds of wall clock. */
const LONG_WAIT_MS = 40_000;

const ids = (map: { forEach(cb: (v: unknown, k: string) => void): void } | undefined): string[] => {
  const out: string[] = [];
  map?.forEach((_, k) => out.push(k));
  return out.sort();
};

let server: TestServer;
let client: Client;
beforeAll(async () => {
  // The catalogue the server ships with: the tube house as it is in scenarios/.
  server = await startTestServer({ drillTickMs: 10 });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('the tube house commander seat', () => {
  it('shows the commander the whole crew and what crews found, not the nozzle, and lets the commander use the radio', async () => {
    const instructor = await openDrill(client, TUBE_HOUSE);
    const code = instructor.room.roomId;
    const commander = await joinDrill(client, code, 'Hà');
    const nozzle = await joinDrill(client, code, 'Lan');
    const rooms: DrillClient[] = [instructor.room, commander.room, nozzle.room];
    try {
      await waitForState(instructor.room, (s) => s.participants.size === 3, 'three in the lobby');
      // The instructor's lobby offers the commander as a crew member with its role.
      expect(ids(instructor.room.state.crew)).toEqual(CREW);
      expect(instructor.room.state.crew.get('ic-1')?.role).toBe('commander');

      instructor.room.send('assignRole', { participantId: commander.room.sessionId, crewId: 'ic-1' });
      instructor.room.send('assignRole', { participantId: nozzle.room.sessionId, crewId: 'ff-1' });
      await waitForState(commander.room, () => crewOf(commander.room) === 'ic-1', 'seat ic-1');
      await waitForState(nozzle.room, () => crewOf(nozzle.room) === 'ff-1', 'seat ff-1');
      instructor.room.send('start');

      // The bots take the rescuers down the 60 m alley; the nozzle, left standing by the engine, loses sight of them.
      await waitForState(instructor.room, (s) => (s.crew.get('ff-2')?.x ?? 0) > FAR_X && (s.crew.get('ff-3')?.x ?? 0) > FAR_X, 'the rescuers far down the alley', LONG_WAIT_MS);
      const street = await waitForState(nozzle.room, (s) => s.crew.get('ff-2') === undefined && s.crew.get('ff-3') === undefined, 'the nozzle to lose sight of the rescuers');
      expect(ids(street.crew)).toEqual(['ff-1', 'ic-1']);

      // The commander, at the command post beside the engine, still has every crew member where it is.
      const overview = await waitForState(commander.room, (s) => ids(s.crew).join() === CREW.join() && (s.crew.get('ff-2')?.x ?? 0) > FAR_X, 'the commander to follow the rescuers');
      expect(overview.crew.get('ic-1')).toMatchObject({ x: 1, y: 1, floor: 0, role: 'commander' });

      // What the rescuers see at the house reaches the commander: the burning motorbikes, then the family upstairs.
      await waitForState(commander.room, (s) => s.items?.get('motorbike-1') !== undefined, 'the commander to learn of the motorbikes', LONG_WAIT_MS);
      const family = await waitForState(commander.room, (s) => ids(s.victims).join() === FAMILY.join(), 'the commander to learn of the family', LONG_WAIT_MS);
      expect(family.victims?.get('grandmother')?.floor).toBe(2);
      // The nozzle, 60 m away in the street, has seen none of it.
      expect(ids(nozzle.room.state.items)).toEqual([]);
      expect(ids(nozzle.room.state.victims)).toEqual([]);

      // The commander on the crew radio: everyone hears it, under the commander's name and seat.
      commander.room.send('radio', { text: 'Tổ CNCH báo cáo quân số' });
      const heard = (s: SyncedState): boolean => {
        let found = false;
        s.radio.forEach((r) => (found ||= r.fromEn === 'Hà (ic-1)' && r.textEn === 'Tổ CNCH báo cáo quân số'));
        return found;
      };
      await waitForState(nozzle.room, heard, 'the nozzle to hear the commander');
      await waitForState(instructor.room, heard, 'the instructor to hear the commander');

      // The commander may move the command post along the street, but takes no line: the role may only move.
      commander.room.send('intent', { type: 'moveTo', crewId: 'ic-1', x: 2, y: 0 });
      commander.room.send('intent', { type: 'takeHose', crewId: 'ic-1', vehicleId: 'engine-1' });
      await waitForState(commander.room, (s) => s.crew.get('ic-1')?.x === 2 && s.crew.get('ic-1')?.y === 0, 'the command post moved');
      expect(commander.room.connection.isOpen).toBe(true);

      instructor.room.send('end');
      const debrief = await instructor.inbox.nextDebrief();
      expect(debrief.participants.find((p) => p.id === commander.room.sessionId)).toMatchObject({ crewIds: ['ic-1'], roles: ['commander'] });
      // The commander answers for the incident: its seat carries the team's score, the nozzle its own.
      expect(debrief.scores[commander.room.sessionId]).toEqual(debrief.team);
      expect(debrief.scores[nozzle.room.sessionId]).not.toBeNull();
      const stored = await server.store.getRun(debrief.runId);
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
      const scenario = loadScenarioCatalogue().get(TUBE_HOUSE);
      if (!stored || !scenario) throw new Error('no stored drill or scenario');
      const replay = replayDrill(scenario, stored.record);
      if (!replay.ok) throw new Error(replay.error);
      expect(replay.run.events.filter((e) => e.crewId === 'ic-1' && e.type === 'INTENT_REFUSED').map((e) => e.reason)).toEqual(['notInRole']);
    } finally {
      await leaveAll(rooms);
    }
  }, 120_000);
});
