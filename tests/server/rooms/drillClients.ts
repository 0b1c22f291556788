/** Shared helpers for drill room tests: a three-crew kitchen, SDK clients in each role, and waits on
 *  the synced state. Real server, real SDK; nothing mocked. */
import { randomBytes } from 'node:crypto';
import type { Client} from '@colyseus/sdk';
import { type Room } from '@colyseus/sdk';
import { validateScenario, type Scenario } from '../../../engine/index';
import { decodeFieldFrame, type FieldFrame } from '../../../server/drills/fieldFrames';
import { kitchenScenario } from '../fixtures';

export interface SyncedCrew {
  x: number;
  y: number;
  floor: number;
  role: string;
  occupant: string;
  bot: boolean;
  /** Where the crew member is walking to (its own cell when it stands still). */
  goalX: number;
  goalY: number;
}
export interface SyncedMap<V> {
  get(id: string): V | undefined;
  forEach(cb: (value: V, key: string) => void): void;
  size: number;
}
export interface SyncedState {
  code: string;
  status: string;
  tick: number;
  phase: string;
  ended: boolean;
  endReason: string;
  runId: string;
  ignoredIntents: number;
  rejectedMessages: number;
  crew: SyncedMap<SyncedCrew>;
  /** Entity maps are per client: absent until the client's seat sees one of their entries. */
  items?: SyncedMap<{ burning: boolean; hrrKW: number; valve: string }>;
  victims?: SyncedMap<{ x: number; y: number; floor: number; status: string; carriedBy: string }>;
  hazards?: SyncedMap<{ collapsed: boolean }>;
  doors?: SyncedMap<{ open: boolean; locked: boolean }>;
  participants: SyncedMap<{ name: string; instructor: boolean; crewId: string; connected: boolean }>;
  injects: { length: number; forEach(cb: (v: { id: string; kind: string }) => void): void };
  radio: { length: number; forEach(cb: (v: { tick: number; textEn: string; fromEn: string; fromVi: string; scripted: boolean }) => void): void };
}
export type DrillClient = Room<unknown, SyncedState>;

export interface Debrief {
  runId: string;
  stored: boolean;
  status: string;
  team: { percent: number; passed: boolean; stars: number } | null;
  injectResponses: { tick: number; kind: string; responseS: number | null }[];
  scores: Record<string, { percent: number; passed: boolean; stars: number } | null>;
  participants: { id: string; name: string; instructor: boolean; crewIds: string[]; roles: string[] }[];
}

/** The kitchen with three firefighters outside the door: a nozzle team of two and a search member. */
export function threeCrewKitchen(): Scenario {
  const base = kitchenScenario();
  const first = base.crew[0];
  if (!first) throw new Error('kitchen scenario has no crew');
  const extra = (n: number, role: string, dx: number): typeof first => ({ ...first, id: `ff-${n}`, role, x: first.x + dx, equipment: first.equipment.map((e) => ({ ...e, id: `${e.id}-${n}` })) });
  const roles = [...base.roles, { id: 'search', name: { vi: 'Tìm kiếm', en: 'Search' }, minPlayers: 0, maxPlayers: 1 }];
  const result = validateScenario({ ...base, roles, crew: [first, extra(2, 'nozzle', 2), extra(3, 'search', 4)] });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.rule}`).join('\n'));
  return result.scenario;
}

export const instructorKey = (): string => randomBytes(16).toString('hex');

/** Resolves once the synced state satisfies `test`; the room ticks on its own clock. */
export function waitForState(room: DrillClient, test: (s: SyncedState) => boolean, what: string, timeoutMs = 10_000): Promise<SyncedState> {
  // A seat sees only part of the world, so a map a predicate reads may not exist yet: not yet true.
  const ok = (s: SyncedState): boolean => {
    try {
      return test(s);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    if (room.state?.participants !== undefined && ok(room.state)) {
      resolve(room.state);
      return;
    }
    const timer = setTimeout(() => {
      room.onStateChange.remove(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    function check(s: SyncedState): void {
      if ((s as Partial<SyncedState>).participants === undefined || !ok(s)) return;
      clearTimeout(timer);
      room.onStateChange.remove(check);
      resolve(s);
    }
    room.onStateChange(check);
  });
}

/** Collects what a client receives besides state: debriefs and field frames. */
export class Inbox {
  readonly frames: FieldFrame[] = [];
  debrief: Debrief | null = null;
  private readonly debriefWaiters: ((d: Debrief) => void)[] = [];

  constructor(readonly room: DrillClient) {
    room.onMessage('fields', (bytes: Uint8Array) => this.frames.push(decodeFieldFrame(bytes)));
    room.onMessage('debrief', (d: Debrief) => {
      this.debrief = d;
      for (const w of this.debriefWaiters.splice(0)) w(d);
    });
  }

  nextDebrief(timeoutMs = 15_000): Promise<Debrief> {
    if (this.debrief) return Promise.resolve(this.debrief);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no debrief')), timeoutMs);
      this.debriefWaiters.push((d) => {
        clearTimeout(timer);
        resolve(d);
      });
    });
  }
}

export async function openDrill(client: Client, scenarioId: string, key = instructorKey()): Promise<{ room: DrillClient; inbox: Inbox; key: string }> {
  const room = await client.create<SyncedState>('drill', { scenarioId, instructorKey: key, name: 'Instructor' });
  return { room, inbox: new Inbox(room), key };
}

export async function joinDrill(client: Client, code: string, name: string, extra: Record<string, string> = {}): Promise<{ room: DrillClient; inbox: Inbox }> {
  const room = await client.joinById<SyncedState>(code, { name, ...extra });
  return { room, inbox: new Inbox(room) };
}

export function crewOf(room: DrillClient): string {
  return room.state.participants.get(room.sessionId)?.crewId ?? '';
}

/** Leaves every room still open; leave() on a connection the server already closed never settles. */
export async function leaveAll(rooms: readonly DrillClient[]): Promise<void> {
  await Promise.all(rooms.filter((r) => r.connection.isOpen).map((r) => r.leave().catch(() => undefined)));
}
