/** A trainee's intent takes effect when it arrives, not at the next tick: on a drill ticking once a
 *  second the sender sees its new route in a patch before the tick moves on, the record logs the intent
 *  on the coming tick, an inject sent after it waits a tick, and the stored drill replays to its hash. */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN, startTestServer, type TestServer } from '../fixtures';
import { crewOf, joinDrill, leaveAll, openDrill, threeCrewKitchen, waitForState } from './drillClients';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  // One tick a second: long enough that a patch before the next tick cannot be the tick's own.
  server = await startTestServer({ catalogue: new ScenarioCatalogue([threeCrewKitchen()]), drillTickMs: 1000 });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

it('shows an accepted move before the next tick, logs it on that tick, and holds a later inject one tick', async () => {
  const instructor = await openDrill(client, KITCHEN);
  const trainee = await joinDrill(client, instructor.room.roomId, 'Lan');
  const rooms = [instructor.room, trainee.room];
  try {
    await waitForState(instructor.room, (s) => s.participants.size === 2, 'the trainee in the lobby');
    instructor.room.send('assignRole', { participantId: trainee.room.sessionId, crewId: 'ff-1' });
    await waitForState(trainee.room, () => crewOf(trainee.room) === 'ff-1', 'the seat');
    instructor.room.send('start');
    // The synced state is one live object: keep numbers, not the object, to compare later.
    const first = (await waitForState(trainee.room, (s) => s.status === 'running' && s.tick >= 1, 'the first tick')).tick;
    // Just after a tick's patch: the next tick is about a second away.
    const ticked = await waitForState(trainee.room, (s) => s.tick > first, 'a fresh tick', 3000);
    const tick = ticked.tick;
    const me = ticked.crew.get('ff-1');
    if (!me) throw new Error('the trainee sees its own crew member');
    const from = { x: me.x, y: me.y };
    const target = { x: from.x - 2, y: from.y };
    trainee.room.send('intent', { type: 'moveTo', crewId: 'ff-1', ...target });
    const taken = await waitForState(trainee.room, (s) => s.crew.get('ff-1')?.goalX === target.x, 'the route to show', 3000);
    expect(taken.tick, 'the route arrived before the next tick').toBe(tick);
    expect(taken.crew.get('ff-1')?.x, 'the walk itself starts on the tick').toBe(from.x);
    instructor.room.send('inject', { kind: 'freeRadio', text: 'Kiểm tra liên lạc' });
    await waitForState(trainee.room, (s) => s.tick >= tick + 3, 'three more ticks', 6000);

    instructor.room.send('end');
    const debrief = await instructor.inbox.nextDebrief();
    expect(debrief).toMatchObject({ stored: true, status: 'verified' });
    expect(debrief.injectResponses.map((r) => r.tick)).toEqual([tick + 1]);
    const stored = await server.store.getRun(debrief.runId);
    expect(stored).toMatchObject({ status: 'verified', hashMatches: true });
    const mine = stored?.record.intents.filter((i) => 'crewId' in i.intent && i.intent.crewId === 'ff-1');
    expect(mine, 'the bots play ff-2 and ff-3; ff-1 sent one move').toEqual([{ tick, intent: { type: 'moveTo', crewId: 'ff-1', ...target } }]);
    expect(stored?.record.injects?.map((i) => i.tick)).toEqual([tick + 1]);
  } finally {
    await leaveAll(rooms);
  }
});
