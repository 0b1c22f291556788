/** Per-client visibility in a drill room: keeps each client's StateView and the floors whose heat and
 *  smoke it gets in step with what its seat sees (drills/sight.ts). Writes views and sends field frames;
 *  never changes the run or the synced values themselves. */
import type { Client } from '@colyseus/core';
import { StateView, type Ref } from '@colyseus/schema';
import type { WorldEvent, WorldState } from '../../engine/index';
import type { FieldEncoder } from '../drills/fieldFrames';
import { CrewSightCache, FoundSoFar, seatSight, sightReach, type DoorPlace, type Seat, type Sighted } from '../drills/sight';
import type { DrillState } from './DrillState';

interface Watcher {
  client: Client;
  view: StateView;
  /** Floors this client has had a keyframe of and now gets deltas for. */
  floors: Set<number>;
  injects: boolean;
  /** What the view was last brought level with, so an unchanged seat costs no walk over the maps. */
  synced: Sighted | null;
}

interface Keyed<V> {
  get(id: string): V | undefined;
  keys(): Iterable<string>;
}

/** Sends one field frame to every client of the room but `except`, encoding it once for all of them. */
export type FieldBroadcast = (frame: Uint8Array, except: Client[]) => void;

export class DrillViews {
  private readonly watchers = new Map<string, Watcher>();
  readonly found = new FoundSoFar();
  private everything: Sighted | undefined;
  private readonly sights: CrewSightCache;
  /** Everything the views were last built from (see inputsUnchanged); emptied when a client comes or goes. */
  private inputs: (number | string)[] = [];
  private nextInputs: (number | string)[] = [];

  constructor(
    private readonly state: DrillState,
    private readonly encoders: readonly FieldEncoder[],
    private readonly doors: readonly DoorPlace[],
    private readonly broadcastFrame: FieldBroadcast,
    private readonly clients: () => Iterable<Client>,
  ) {
    this.sights = new CrewSightCache(doors);
  }

  /** Gives a joining client an empty view; refresh() fills it before its first state arrives. */
  attach(client: Client): void {
    const view = new StateView();
    client.view = view;
    this.watchers.set(client.sessionId, { client, view, floors: new Set(), injects: false, synced: null });
    this.inputs.length = 0;
  }

  /** A reconnected client keeps its view (Colyseus carries it over) but has lost its field frames. */
  reattach(client: Client): void {
    const w = this.watchers.get(client.sessionId);
    if (!w) {
      this.attach(client);
      return;
    }
    w.client = client;
    w.floors.clear();
    w.synced = null;
    this.inputs.length = 0;
  }

  detach(sessionId: string): void {
    const w = this.watchers.get(sessionId);
    if (!w) return;
    w.view.dispose();
    this.watchers.delete(sessionId);
    this.inputs.length = 0;
  }

  /** Brings every client's view up to date with what its seat sees in `world` now. */
  refresh(world: WorldState, seatOf: (sessionId: string) => Seat): void {
    if (this.inputsUnchanged(world, seatOf)) return;
    const byCrew = new Map<string, Sighted>();
    for (const c of world.crew) {
      const s = this.sights.sight(world, c);
      byCrew.set(c.id, s);
      this.found.note(s);
    }
    for (const [sessionId, w] of this.watchers) {
      const seat = seatOf(sessionId);
      // The instructor sees every entity and floor, and a run never adds any: built once, not every tick.
      const sees = seat.kind === 'instructor' ? (this.everything ??= seatSight(world, seat, byCrew, this.found, this.doors)) : seatSight(world, seat, byCrew, this.found, this.doors);
      const was = w.synced;
      if (!was || !sameIds(was.crew, sees.crew)) this.sync(w.view, this.state.crew, sees.crew);
      if (!was || !sameIds(was.victims, sees.victims)) this.sync(w.view, this.state.victims, sees.victims);
      if (!was || !sameIds(was.items, sees.items)) this.sync(w.view, this.state.items, sees.items);
      if (!was || !sameIds(was.hazards, sees.hazards)) this.sync(w.view, this.state.hazards, sees.hazards);
      if (!was || !sameIds(was.doors, sees.doors)) this.sync(w.view, this.state.doors, sees.doors);
      w.synced = sees;
      const instructor = seat.kind === 'instructor';
      if (instructor !== w.injects) {
        if (instructor) w.view.add(this.state.injects);
        else w.view.remove(this.state.injects);
        w.injects = instructor;
      }
      for (const f of w.floors) if (!sees.floors.has(f)) w.floors.delete(f);
      for (const f of sees.floors) {
        if (w.floors.has(f)) continue;
        w.floors.add(f);
        // What everyone else already has of this floor; the next delta brings it level.
        const enc = this.encoders[f];
        if (enc) w.client.sendBytes('fields', enc.keyframe(world.tick));
      }
    }
  }

  /** Whether what every view is built from is as it was at the last refresh: where each crew member is
   *  and how far it sees, where each casualty is and who carries it, each floor's cells (doors), and who
   *  holds which seat. Items, doors and weak floors never move. A crew standing still while the smoke
   *  thickens then needs no new sight. */
  private inputsUnchanged(world: WorldState, seatOf: (sessionId: string) => Seat): boolean {
    const now = this.nextInputs;
    now.length = 0;
    for (const c of world.crew) now.push(c.floor, c.x, c.y, sightReach(world, c));
    for (const v of world.victims) now.push(v.floor, v.x, v.y, v.hidden ? 1 : 0, v.carriedBy ?? '');
    for (const g of world.floors) now.push(g.version);
    for (const id of this.watchers.keys()) {
      const seat = seatOf(id);
      now.push(id, seat.kind, seat.kind === 'crew' || seat.kind === 'commander' ? seat.crewId : '');
    }
    const before = this.inputs;
    const same = before.length === now.length && now.every((v, i) => v === before[i]);
    this.nextInputs = before;
    this.inputs = now;
    return same;
  }

  /** Sends each client the tick's events about what its seat sees now (a crew member, item or casualty
   *  in its sight) and those about no one in particular; the instructor gets them all. The page shows
   *  them as the solo game does; refusals name the crew member they refuse. */
  sendEvents(events: readonly WorldEvent[]): void {
    if (events.length === 0) return;
    for (const w of this.watchers.values()) {
      const s = w.synced;
      if (!s) continue;
      const seen = events.filter((e) => (e.crewId === undefined || s.crew.has(e.crewId)) && (e.itemId === undefined || s.items.has(e.itemId)) && (e.victimId === undefined || s.victims.has(e.victimId)));
      if (seen.length > 0) w.client.send('events', seen.map(wireEvent));
    }
  }

  /** Sends a floor's delta frame to the clients that see that floor: one broadcast, as most see it. */
  sendFloor(floor: number, frame: Uint8Array): void {
    const except: Client[] = [];
    for (const client of this.clients()) if (!this.watchers.get(client.sessionId)?.floors.has(floor)) except.push(client);
    this.broadcastFrame(frame, except);
  }

  private sync<V extends Ref>(view: StateView, map: Keyed<V>, wanted: ReadonlySet<string>): void {
    for (const id of map.keys()) {
      const entity = map.get(id);
      if (!entity) continue;
      const has = view.has(entity);
      if (wanted.has(id) && !has) view.add(entity);
      else if (!wanted.has(id) && has) view.remove(entity);
    }
  }
}

/** An event as it goes to a client: the fields a page shows, bilingual texts included. */
function wireEvent(e: WorldEvent): WorldEvent {
  const out: WorldEvent = { tick: e.tick, type: e.type };
  if (e.crewId !== undefined) out.crewId = e.crewId;
  if (e.itemId !== undefined) out.itemId = e.itemId;
  if (e.victimId !== undefined) out.victimId = e.victimId;
  if (e.reason !== undefined) out.reason = e.reason;
  if (e.agent !== undefined) out.agent = e.agent;
  if (e.floor !== undefined) out.floor = e.floor;
  if (e.tag !== undefined) out.tag = e.tag;
  return out;
}

/** Whether two id sets hold the same ids; the kept parts of a sight are often the very same set. */
function sameIds<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
