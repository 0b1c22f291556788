/** The browser's one drill connection (@colyseus/sdk, same host as the page) and a plain snapshot of
 *  the synced state for React. Sends only the room's message types; never computes scores or world state. */
import { Client, type Room } from '@colyseus/sdk';
import type { DrillMessageType } from '../../../server/drills/DrillMessages';
import type { DrillParticipant } from '../../../server/drills/DrillRecord';
import { decodeFieldFrame, FieldStore } from './fieldFrames';

/** Copied from server/rooms/DrillRoom.ts: the client may not import runtime values from server/. */
export const CLOSE_MALFORMED = 4400;
export const CLOSE_OUT_OF_ROLE = 4403;
export const CLOSE_RATE = 4429;
/** Copied from server/drills/joinCode.ts (same reason): six characters, no 0/O/1/I/L. */
export const JOIN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export interface CrewSnap {
  id: string;
  x: number;
  y: number;
  floor: number;
  role: string;
  occupant: string;
  bot: boolean;
  airBar: number;
  airAlarm: boolean;
  /** Index of the extinguisher in hand, and the item it is spraying (empty: none). */
  selected: number;
  dischargingAt: string;
  /** Where it is walking to (its own cell when standing). */
  goalX: number;
  goalY: number;
  carrying: string;
  /** Vehicle whose line it holds, or empty. */
  hose: string;
  /** Timed task under way, or empty. */
  busy: string;
}
export interface VictimSnap {
  id: string;
  x: number;
  y: number;
  floor: number;
  status: string;
  carriedBy: string;
  safe: boolean;
  tag: string;
  trapped: boolean;
  airwayOpened: boolean;
}
export interface ItemSnap {
  id: string;
  burning: boolean;
  hrrKW: number;
  valve: string;
  electrics: string;
  spent: boolean;
}
/** A door or window as this seat last saw it; `id` is `floor:x:y`, `kind` the engine's cell kind. */
export interface DoorSnap {
  id: string;
  open: boolean;
  locked: boolean;
  kind: number;
}
export interface HazardSnap {
  id: string;
  collapsed: boolean;
}
export interface VehicleSnap {
  id: string;
  waterL: number;
  hydrantId: string;
  dry: boolean;
}
export interface LadderSnap {
  x: number;
  y: number;
  footX: number;
  footY: number;
}
export interface ParticipantSnap {
  id: string;
  name: string;
  instructor: boolean;
  crewId: string;
  connected: boolean;
}
export interface InjectSnap {
  id: string;
  kind: string;
  labelVi: string;
  labelEn: string;
}
export interface RadioSnap {
  tick: number;
  fromVi: string;
  fromEn: string;
  textVi: string;
  textEn: string;
  /** From the scenario's script rather than a person in the drill. */
  scripted: boolean;
}
export interface DrillSnapshot {
  scenarioId: string;
  code: string;
  status: string;
  tick: number;
  phase: string;
  ended: boolean;
  endReason: string;
  /** What this client's seat receives: a crew member sees its surroundings, the instructor everything. */
  crew: CrewSnap[];
  victims: VictimSnap[];
  items: ItemSnap[];
  doors: DoorSnap[];
  hazards: HazardSnap[];
  vehicles: VehicleSnap[];
  ladders: LadderSnap[];
  participants: ParticipantSnap[];
  injects: InjectSnap[];
  radio: RadioSnap[];
}
export interface Score {
  percent: number;
  passed: boolean;
  stars: number;
}
export interface Debrief {
  runId: string;
  stored: boolean;
  status: string;
  team: Score | null;
  scores: Record<string, Score | null>;
  participants: DrillParticipant[];
  /** Seconds from each inject to the crew's first action after it (null: no action). */
  injectResponses: { tick: number; kind: string; responseS: number | null }[];
}

export interface DrillView {
  room: Room | null;
  sessionId: string;
  snapshot: DrillSnapshot | null;
  debrief: Debrief | null;
  /** Close code once the server or network ended the connection; null while connected. */
  closed: number | null;
}

const EMPTY: DrillView = { room: null, sessionId: '', snapshot: null, debrief: null, closed: null };
let view: DrillView = EMPTY;
const listeners = new Set<() => void>();

function update(patch: Partial<DrillView>): void {
  view = { ...view, ...patch };
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getView = (): DrillView => view;

interface SyncedEach<V> {
  forEach(cb: (value: V, key: string) => void): void;
}
interface Synced {
  scenarioId: string;
  code: string;
  status: string;
  tick: number;
  phase: string;
  ended: boolean;
  endReason: string;
  crew?: SyncedEach<Omit<CrewSnap, 'id'>>;
  victims?: SyncedEach<Omit<VictimSnap, 'id'>>;
  items?: SyncedEach<Omit<ItemSnap, 'id'>>;
  doors?: SyncedEach<Omit<DoorSnap, 'id'>>;
  hazards?: SyncedEach<Omit<HazardSnap, 'id'>>;
  vehicles?: SyncedEach<Omit<VehicleSnap, 'id'>>;
  ladders?: SyncedEach<LadderSnap>;
  participants?: SyncedEach<Omit<ParticipantSnap, 'id'>>;
  injects?: SyncedEach<InjectSnap>;
  radio?: SyncedEach<RadioSnap>;
}

function list<V, R>(each: SyncedEach<V> | undefined, map: (v: V, key: string) => R): R[] {
  const out: R[] = [];
  each?.forEach((v, k) => out.push(map(v, k)));
  return out;
}

/** Copies the schema objects into plain data: React must see a new object to re-render. */
function toSnapshot(s: Synced): DrillSnapshot {
  return {
    scenarioId: s.scenarioId,
    code: s.code,
    status: s.status,
    tick: s.tick,
    phase: s.phase,
    ended: s.ended,
    endReason: s.endReason,
    crew: list(s.crew, (c, id) => ({
      id,
      x: c.x,
      y: c.y,
      floor: c.floor,
      role: c.role,
      occupant: c.occupant,
      bot: c.bot,
      airBar: c.airBar,
      airAlarm: c.airAlarm,
      selected: c.selected,
      dischargingAt: c.dischargingAt,
      goalX: c.goalX,
      goalY: c.goalY,
      carrying: c.carrying,
      hose: c.hose,
      busy: c.busy,
    })),
    victims: list(s.victims, (v, id) => ({ id, x: v.x, y: v.y, floor: v.floor, status: v.status, carriedBy: v.carriedBy, safe: v.safe, tag: v.tag, trapped: v.trapped, airwayOpened: v.airwayOpened })),
    items: list(s.items, (i, id) => ({ id, burning: i.burning, hrrKW: i.hrrKW, valve: i.valve, electrics: i.electrics, spent: i.spent })),
    doors: list(s.doors, (d, id) => ({ id, open: d.open, locked: d.locked, kind: d.kind })),
    hazards: list(s.hazards, (h, id) => ({ id, collapsed: h.collapsed })),
    vehicles: list(s.vehicles, (v, id) => ({ id, waterL: v.waterL, hydrantId: v.hydrantId, dry: v.dry })),
    ladders: list(s.ladders, (l) => ({ x: l.x, y: l.y, footX: l.footX, footY: l.footY })),
    participants: list(s.participants, (p, id) => ({ id, name: p.name, instructor: p.instructor, crewId: p.crewId, connected: p.connected })),
    injects: list(s.injects, (i) => ({ id: i.id, kind: i.kind, labelVi: i.labelVi, labelEn: i.labelEn })),
    radio: list(s.radio, (r) => ({ tick: r.tick, fromVi: r.fromVi, fromEn: r.fromEn, textVi: r.textVi, textEn: r.textEn, scripted: r.scripted })),
  };
}

function endpoint(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

const KEY_PREFIX = 'fireground.drill.key.';

function newInstructorKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function storedKey(code: string): string | undefined {
  try {
    return sessionStorage.getItem(KEY_PREFIX + code) ?? undefined;
  } catch {
    // Blocked storage only means a reload joins as a trainee instead of the instructor.
    return undefined;
  }
}

/** Heat and smoke of the floors this client's seat sees, as the room's frames built them up. */
export const fields = new FieldStore();

/** The engine's events about what this seat sees, as the room sends them each tick. */
export interface DrillEvent {
  tick: number;
  type: string;
  crewId?: string;
  itemId?: string;
  victimId?: string;
  reason?: string;
  agent?: string;
  floor?: number;
  tag?: string;
}
const eventListeners = new Set<(events: DrillEvent[]) => void>();

/** Calls `listener` with each batch of events the room sends; returns an unsubscribe function. */
export function onEvents(listener: (events: DrillEvent[]) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

const RESUME_PREFIX = 'fireground.drill.resume.';

/** Keeps the seat's reconnection token in this tab, so a reload within the room's 30 s takes it back. */
function remember(room: Room): void {
  try {
    sessionStorage.setItem(RESUME_PREFIX + room.roomId, room.reconnectionToken);
  } catch {
    // Blocked storage only means a reload joins afresh.
  }
}

function forget(code: string): void {
  try {
    sessionStorage.removeItem(RESUME_PREFIX + code);
  } catch {
    // See remember.
  }
}

function resumeToken(code: string): string | null {
  try {
    return sessionStorage.getItem(RESUME_PREFIX + code);
  } catch {
    return null;
  }
}

/** Whether this tab held a seat in drill `code` it may try to take back. */
export const canResume = (code: string): boolean => resumeToken(code) !== null;

let resuming: Promise<void> | null = null;

/** Takes this tab's seat back after a reload (same session, same crew member); forgets it when the room says no. */
export function resumeDrill(code: string): Promise<void> {
  const token = resumeToken(code);
  if (token === null) return Promise.reject(new Error('no seat to take back'));
  resuming ??= new Client(endpoint())
    .reconnect(token)
    .then(
      (room) => attach(room),
      (error: unknown) => {
        forget(code);
        throw error;
      },
    )
    .finally(() => {
      resuming = null;
    });
  return resuming;
}

function attach(room: Room): void {
  fields.clear();
  remember(room);
  update({ room, sessionId: room.sessionId, snapshot: null, debrief: null, closed: null });
  room.onStateChange((s: unknown) => {
    if (view.room === room) update({ snapshot: toSnapshot(s as Synced) });
  });
  room.onMessage('debrief', (d: Debrief) => {
    forget(room.roomId);
    if (view.room === room) update({ debrief: d });
  });
  room.onMessage('events', (events: DrillEvent[]) => {
    if (view.room !== room || !Array.isArray(events)) return;
    for (const l of eventListeners) l(events);
  });
  room.onMessage('fields', (bytes: Uint8Array) => {
    if (view.room !== room) return;
    try {
      fields.apply(decodeFieldFrame(bytes));
    } catch {
      // A frame the map cannot read is dropped: the map keeps showing the fields as they were.
    }
  });
  room.onLeave((code: number) => {
    // Codes from 4000 are the room's own (refused messages, a consented leave): the seat is gone for good.
    // Network drops and the page going away (1001, 1006) keep it for a reload to take back.
    if (code >= 4000) forget(room.roomId);
    if (view.room === room) update({ closed: code });
  });
}

/** Creates a drill as its instructor; the key stays in this tab so a reload rejoins as instructor. */
export async function openDrill(scenarioId: string, name: string): Promise<string> {
  const instructorKey = newInstructorKey();
  const room = await new Client(endpoint()).create('drill', { scenarioId, instructorKey, name });
  try {
    sessionStorage.setItem(KEY_PREFIX + room.roomId, instructorKey);
  } catch {
    // See storedKey.
  }
  attach(room);
  return room.roomId;
}

export async function joinDrill(code: string, name: string): Promise<void> {
  const instructorKey = storedKey(code);
  const room = await new Client(endpoint()).joinById(code, { name, ...(instructorKey ? { instructorKey } : {}) });
  attach(room);
}

export function send(type: DrillMessageType, message?: unknown): void {
  const room = view.room;
  if (room && view.closed === null) room.send(type, message);
}

export function leaveDrill(): void {
  const room = view.room;
  if (room) forget(room.roomId);
  update(EMPTY);
  if (room?.connection.isOpen) void room.leave().catch(() => undefined);
}
