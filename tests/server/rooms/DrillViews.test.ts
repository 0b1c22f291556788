/** Per-role views over a real server and the real SDK: a crew member receives only what it would see
 *  (a victim behind a wall appears once it walks up to the door), the commander every crew member and
 *  only the victims crews have found, the instructor everything, a spectator nothing of the world; an
 *  extra-casualty inject goes into the run record and replays; heat and smoke frames follow the floors
 *  a seat sees. */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../engine/index';
import { loadScenarioCatalogue, ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN, startTestServer, type TestServer } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, threeCrewKitchen, waitForState, type DrillClient, type SyncedState } from './drillClients';

/** The three-crew kitchen with an incident commander in the street, a casualty in the closed back room
 *  and a second one held back for an inject. */
function kitchenWithCommander(): Scenario {
  const base = threeCrewKitchen();
  const first = base.crew[0];
  if (!first) throw new Error('no crew');
  const findings = { breathing: true, respiratoryRate: 20, poorPerfusion: false, obeysCommands: true };
  const victim = (id: string, x: number, y: number, hidden: boolean) => ({ id, name: { vi: 'Nạn nhân', en: 'Casualty' }, floor: first.floor, x, y, mobility: 'unconscious' as const, findings, hidden });
  const result = validateScenario({
    ...base,
    roles: [...base.roles, { id: 'commander', name: { vi: 'Chỉ huy chữa cháy', en: 'Incident commander' }, minPlayers: 0, maxPlayers: 1 }],
    crew: [...base.crew, { ...first, id: 'ic-1', role: 'commander', x: 2, y: 14, equipment: [] }],
    world: { ...base.world, victims: [victim('v-1', 7, 10, false), victim('v-2', 20, 5, true)] },
  });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.rule}`).join('\n'));
  return result.scenario;
}

const ids = (map: { forEach(cb: (v: unknown, k: string) => void): void } | undefined): string[] => {
  const out: string[] = [];
  map?.forEach((_, k) => out.push(k));
  return out.sort();
};

const TUBE_HOUSE = 'tube-house-motorbikes';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  const tubeHouse = loadScenarioCatalogue().get(TUBE_HOUSE);
  if (!tubeHouse) throw new Error(`${TUBE_HOUSE} is missing`);
  server = await startTestServer({ catalogue: new ScenarioCatalogue([kitchenWithCommander(), tubeHouse]), drillTickMs: 20 });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('DrillRoom per-role views', () => {
  it('sends each seat what it would see: crew their surroundings, the commander the overview, the instructor all', async () => {
    const instructor = await openDrill(client, KITCHEN);
    const code = instructor.room.roomId;
    const nozzle = await joinDrill(client, code, 'Lan');
    const search = await joinDrill(client, code, 'Minh');
    const commander = await joinDrill(client, code, 'Hà');
    const second = await joinDrill(client, code, 'Tuấn');
    const spare = await joinDrill(client, code, 'Mai');
    const rooms: DrillClient[] = [instructor.room, nozzle.room, search.room, commander.room, second.room, spare.room];
    try {
      await waitForState(instructor.room, (s) => s.participants.size === 6, 'six in the lobby');
      const seats: [DrillClient, string][] = [
        [nozzle.room, 'ff-1'],
        [search.room, 'ff-3'],
        [commander.room, 'ic-1'],
        [second.room, 'ff-2'],
      ];
      for (const [room, crewId] of seats) instructor.room.send('assignRole', { participantId: room.sessionId, crewId });
      await Promise.all(seats.map(([room, crewId]) => waitForState(room, () => crewOf(room) === crewId, `seat ${crewId}`)));

      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running' && s.tick > 2, 'the drill to run');

      // The instructor: every crew member, every casualty (the held-back one too), every item and the injects.
      const all = await waitForState(instructor.room, (s) => ids(s.victims).length === 2, 'the instructor to see both casualties');
      expect(ids(all.crew)).toEqual(['ff-1', 'ff-2', 'ff-3', 'ic-1']);
      expect(ids(all.victims)).toEqual(['v-1', 'v-2']);
      expect(ids(all.items)).toEqual(['kitchen-cabinet', 'lpg-cylinder', 'pan-oil']);
      expect(all.injects.length).toBeGreaterThan(0);

      // The commander: every crew member, wherever they are, but no casualty nobody has found.
      const overview = await waitForState(commander.room, (s) => ids(s.crew).length === 4, 'the commander to see all crew');
      expect(ids(overview.victims)).toEqual([]);
      expect(overview.injects?.length ?? 0).toBe(0);

      // The nozzle: itself and the crew in the street beside it; nothing behind the walls.
      const street = await waitForState(nozzle.room, (s) => s.crew.get('ff-3') !== undefined, 'the nozzle to see the search member');
      expect(ids(street.victims)).toEqual([]);
      expect(ids(street.items)).toEqual([]);
      expect(street.injects?.length ?? 0).toBe(0);

      // The nozzle opens the door of the flat, walks to the back room's door and opens it.
      nozzle.room.send('intent', { type: 'toggleDoor', crewId: 'ff-1', x: 14, y: 12 });
      nozzle.room.send('intent', { type: 'moveTo', crewId: 'ff-1', x: 11, y: 9 });
      await waitForState(nozzle.room, (s) => s.crew.get('ff-1')?.x === 11 && s.crew.get('ff-1')?.y === 9, 'ff-1 at the back-room door');
      expect(ids(nozzle.room.state.victims)).toEqual([]);
      // The door it opened shows open to it and to the instructor; the shut back-room door is in its sight too.
      for (const r of [nozzle.room, instructor.room]) await waitForState(r, (s) => s.doors?.get('0:14:12')?.open === true && s.doors.get('0:10:9')?.open === false, 'the flat door open');
      // Inside the flat, the search member in the street is behind the wall now, and it loses sight of ff-1.
      await waitForState(search.room, (s) => s.crew.get('ff-1') === undefined, 'the search member to lose sight of ff-1');
      nozzle.room.send('intent', { type: 'toggleDoor', crewId: 'ff-1', x: 10, y: 9 });
      const found = await waitForState(nozzle.room, (s) => s.victims?.get('v-1') !== undefined, 'the nozzle to see the casualty');
      expect(found.victims?.get('v-1')).toMatchObject({ x: 7, y: 10, status: 'ok' });
      // The held-back casualty is in no trainee's view, however close.
      expect(ids(found.victims)).toEqual(['v-1']);

      // Once a crew member has seen the casualty, the commander's overview has it too; the held-back one stays out.
      const reported = await waitForState(commander.room, (s) => s.victims?.get('v-1') !== undefined, 'the commander to learn of the casualty');
      expect(ids(reported.victims)).toEqual(['v-1']);

      // Mai, with no seat, got the shared parts (status, radio, who is who) and no world: no crew, no frames.
      const watching: SyncedState = spare.room.state;
      expect(watching.status).toBe('running');
      expect(ids(watching.crew)).toEqual([]);
      expect(spare.inbox.frames).toEqual([]);
      // Crew get heat and smoke of their own floor.
      expect(nozzle.inbox.frames[0]).toMatchObject({ keyframe: true, floor: 0 });

      // The instructor reports the held-back casualty: it joins the incident in the room where the nozzle
      // stands, the nozzle sees it and so the commander learns of it. The record keeps the inject and
      // replays to the same state.
      const injectIds: string[] = [];
      instructor.room.state.injects.forEach((i) => injectIds.push(i.id));
      expect(injectIds).toContain('victim-v-2');
      instructor.room.send('inject', { kind: 'scenario', id: 'victim-v-2' });
      await waitForState(nozzle.room, (s) => ids(s.victims).join() === 'v-1,v-2', 'the nozzle to see the reported casualty');
      await waitForState(commander.room, (s) => ids(s.victims).join() === 'v-1,v-2', 'the commander to learn of it');
      instructor.room.send('end');
      const debrief = await instructor.inbox.nextDebrief();
      const stored = await server.store.getRun(debrief.runId);
      expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
      expect(stored?.record.injects?.map((i) => i.action)).toEqual([{ type: 'revealVictim', params: { victim: 'v-2' } }]);
    } finally {
      await leaveAll(rooms);
    }
  });
  it('sends heat and smoke of the floor a crew member stands on only, and of every floor to the instructor', async () => {
    const instructor = await openDrill(client, TUBE_HOUSE);
    const trainee = await joinDrill(client, instructor.room.roomId, 'Lan');
    const rooms = [instructor.room, trainee.room];
    try {
      instructor.room.send('assignRole', { participantId: trainee.room.sessionId, crewId: 'ff-1' });
      await waitForState(trainee.room, () => crewOf(trainee.room) === 'ff-1', 'seat ff-1');
      instructor.room.send('start');
      await waitForState(instructor.room, (s) => s.status === 'running' && s.tick > 10, 'the drill to run');
      const floorsOf = (frames: { floor: number }[]): number[] => [...new Set(frames.map((f) => f.floor))].sort();
      expect(floorsOf(instructor.inbox.frames)).toEqual([0, 1, 2, 3]);
      expect(floorsOf(trainee.inbox.frames)).toEqual([trainee.room.state.crew.get('ff-1')?.floor ?? -1]);
    } finally {
      await leaveAll(rooms);
    }
  });
});
