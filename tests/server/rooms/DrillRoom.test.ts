/** DrillRoom over a real server and the real SDK: each player steers only their own crew member,
 *  the synced state follows the engine, and garbage gets a client disconnected. */
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateScenario, type Scenario } from '../../../engine/index';
import { CLOSE_MALFORMED } from '../../../server/rooms/DrillRoom';
import { ScenarioCatalogue } from '../../../server/scenarioCatalogue';
import { KITCHEN, kitchenScenario, startTestServer, type TestServer } from '../fixtures';

interface SyncedCrew {
  x: number;
  y: number;
  floor: number;
  occupant: string;
}
interface SyncedState {
  tick: number;
  phase: string;
  ignoredIntents: number;
  crew: { get(id: string): SyncedCrew | undefined; forEach(cb: (value: SyncedCrew, key: string) => void): void };
  items: { get(id: string): { burning: boolean; hrrKW: number } | undefined };
}

/** The kitchen with a second firefighter on the landing, so two players can share a drill. */
function twoCrewKitchen(): Scenario {
  const base = kitchenScenario();
  const first = base.crew[0];
  if (!first) throw new Error('kitchen scenario has no crew');
  const result = validateScenario({ ...base, crew: [first, { ...first, id: 'ff-2', x: first.x + 2, equipment: first.equipment.map((e) => ({ ...e, id: `${e.id}-2` })) }] });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.rule}`).join('\n'));
  return result.scenario;
}

/** Resolves once the synced state satisfies `ok`; the room ticks on its own clock. */
function waitForState(room: Room<unknown, SyncedState>, ok: (s: SyncedState) => boolean, what: string, timeoutMs = 5000): Promise<SyncedState> {
  return new Promise((resolve, reject) => {
    if (ok(room.state)) {
      resolve(room.state);
      return;
    }
    const timer = setTimeout(() => {
      room.onStateChange.remove(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    function check(s: SyncedState): void {
      if (!ok(s)) return;
      clearTimeout(timer);
      room.onStateChange.remove(check);
      resolve(s);
    }
    room.onStateChange(check);
  });
}

function myCrewId(room: Room<unknown, SyncedState>): string {
  let mine = '';
  room.state.crew.forEach((c, id) => {
    if (c.occupant === room.sessionId) mine = id;
  });
  return mine;
}

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = await startTestServer({ catalogue: new ScenarioCatalogue([twoCrewKitchen()]) });
  client = new Client(server.url);
});
afterAll(async () => {
  await server?.stop();
});

describe('DrillRoom', () => {
  it('gives each player their own crew member and moves only that one', async () => {
    const a = await client.joinOrCreate<SyncedState>('drill', { scenarioId: KITCHEN });
    const b = await client.joinOrCreate<SyncedState>('drill', { scenarioId: KITCHEN });
    try {
      expect(b.roomId).toBe(a.roomId);
      await waitForState(a, (s) => {
        let seated = 0;
        s.crew.forEach((c) => (seated += c.occupant === '' ? 0 : 1));
        return seated === 2;
      }, 'both seats taken');
      const mine = myCrewId(a);
      const theirs = myCrewId(b);
      expect(new Set([mine, theirs])).toEqual(new Set(['ff-1', 'ff-2']));

      const theirStart = { ...(a.state.crew.get(theirs) as SyncedCrew) };
      a.send('intent', { type: 'moveTo', crewId: theirs, x: theirStart.x - 3, y: theirStart.y + 1 });
      await waitForState(a, (s) => s.ignoredIntents === 1, 'the foreign intent to be counted');
      const afterForeign = a.state.crew.get(theirs);
      expect({ x: afterForeign?.x, y: afterForeign?.y }).toEqual({ x: theirStart.x, y: theirStart.y });

      const myStart = { ...(a.state.crew.get(mine) as SyncedCrew) };
      a.send('intent', { type: 'moveTo', crewId: mine, x: myStart.x - 3, y: myStart.y + 1 });
      await waitForState(a, (s) => {
        const c = s.crew.get(mine);
        return c !== undefined && (c.x !== myStart.x || c.y !== myStart.y);
      }, 'my crew member to move');
      const other = a.state.crew.get(theirs);
      expect({ x: other?.x, y: other?.y }).toEqual({ x: theirStart.x, y: theirStart.y });
      expect(a.state.tick).toBeGreaterThan(0);
      expect(a.state.items.get('pan-oil')?.burning).toBe(true);
    } finally {
      await a.leave();
      await b.leave();
    }
  });

  it('refuses a third player when every crew member is taken', async () => {
    const a = await client.create<SyncedState>('drill', { scenarioId: KITCHEN });
    const b = await client.joinById<SyncedState>(a.roomId);
    try {
      await expect(client.joinById(a.roomId)).rejects.toThrow();
    } finally {
      await a.leave();
      await b.leave();
    }
  });

  it('disconnects a client that keeps sending garbage, with a reason', async () => {
    const room = await client.joinOrCreate<SyncedState>('drill', { scenarioId: KITCHEN });
    const left = new Promise<{ code: number; reason: string | undefined }>((resolve) => room.onLeave((code, reason) => resolve({ code, reason })));
    room.send('intent', { type: 'teleport' });
    room.send('intent', 'not even an object');
    room.send('cheat', { score: 100 });
    const { code, reason } = await left;
    expect(code).toBe(CLOSE_MALFORMED);
    expect(reason).toMatch(/unreadable/);
  });

  it('will not create a drill for an unknown scenario', async () => {
    await expect(client.create('drill', { scenarioId: 'no-such-scenario' })).rejects.toThrow(/unknown scenario/);
  });
});
