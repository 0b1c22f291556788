/** A team drill: the room owns one engine run, steps it on the fixed tick while the instructor lets it
 *  run, and projects it into DrillState. Clients send only schema-checked messages (intents for their
 *  own crew member; instructor commands); it never takes world state, scores or scenario content. */
import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { matchMaker, Room, type AuthContext, type Client } from '@colyseus/core';
import { applyIntentNow, Cell, COMMANDER_ROLE, createRun, expertBot, isDoor, stepRun, submitInject, submitIntent, TICK_MS, toRunRecord, type CrewState, type Intent, type Run, type Scenario, type WorldEvent } from '../../engine/index';
import { freeRadio, injectAction, injectApplies, injectOptions, type AppliedInject, type InjectOption, type LoggedInject } from '../drills/DrillInject';
import { drillAuthFrom, type DrillAuth } from '../drills/drillGate';
import { CreateDrillOptions, DRILL_MESSAGE_TYPES, DrillMessages, INSTRUCTOR_MESSAGES, JoinDrillOptions, MAX_MESSAGE_CHARS, type DrillMessageType } from '../drills/DrillMessages';
import type { DrillExtras, DrillParticipant } from '../drills/DrillRecord';
import { FieldEncoder } from '../drills/fieldFrames';
import { newJoinCode } from '../drills/joinCode';
import type { DoorPlace, Seat } from '../drills/sight';
import { verifyDrill } from '../drills/verifyDrill';
import { ScenarioCatalogue } from '../scenarioCatalogue';
import type { RunStore, StoredRun } from '../store/RunStore';
import { CrewView, DoorView, DrillState, HazardView, InjectView, ItemView, LadderView, ParticipantView, RadioLine, VehicleView, VictimView } from './DrillState';
import { DrillViews } from './DrillViews';

export interface DrillRoomOptions {
  scenarioId?: string;
  instructorKey?: string;
  /** Set by the server's room definition, which takes precedence over client options. */
  catalogue?: ScenarioCatalogue;
  store?: RunStore;
  /** Wall-clock ms per tick, from the server definition only; the incident still advances TICK_MS a tick. */
  tickMs?: number;
  /** Called once the drill's record is stored (the server derives its xAPI statements there). */
  onStored?: (run: StoredRun) => Promise<void>;
}

/** Close codes (4000-4999 are the application's); clients show them through i18n. */
export const CLOSE_MALFORMED = 4400;
export const CLOSE_OUT_OF_ROLE = 4403;
export const CLOSE_RATE = 4429;
/** Refused messages tolerated before the sender is disconnected: one slip is a bug, not an attack. */
export const MAX_STRIKES = 3;
/** Per client. An honest player sends a few intents a second; the transport's own limit is a backstop. */
export const MAX_MESSAGES_PER_SECOND = 20;
/** Seconds a dropped client has to come back with its role (allowReconnection). */
export const RECONNECT_SECONDS = 30;
/** An intent's effect goes out at most this long after it is applied: within the round-trip goal, and
 *  long enough that a tick due sooner carries it and intents close together share one patch. */
export const INTENT_PATCH_MS = 50;
/** Heat and smoke go out once a second; positions every tick. */
export const FIELD_EVERY_TICKS = 5;
const RADIO_LINES_KEPT = 20;
/** Close code for a participant the instructor removed; they cannot come back into this drill. */
export const CLOSE_REMOVED = 4410;
/** Radio lines one seat may send within RADIO_WINDOW_MS; more are dropped (counted as ignored). */
export const RADIO_LINES_PER_SEAT = 4;
export const RADIO_WINDOW_MS = 15_000;
/** Of the RADIO_LINES_KEPT lines everyone sees, one seat holds at most this many: its own oldest line
 *  goes first, so the instructor's and the other crews' lines always keep their room. */
export const RADIO_KEPT_PER_SEAT = 4;

interface Participant {
  record: DrillParticipant;
  /** Crew member held before a drop, taken back on reconnection when still free. */
  droppedCrewId: string | null;
}

interface Strikes {
  count: number;
  windowStart: number;
  inWindow: number;
}

/** Intents that only set a route: the crew member steps on the tick, so nobody's sight changes before it.
 *  Any other intent may (a door swung, a thermal camera taken up, a casualty picked up). */
const ROUTE_INTENTS: ReadonlySet<Intent['type']> = new Set(['moveTo', 'step']);

const isWindow = (kind: number): boolean => kind === Cell.window || kind === Cell.windowGrille || kind === Cell.windowOpen;

function hashKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export class DrillRoom extends Room<{ state: DrillState }> {
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND * 2;
  override patchRate = TICK_MS;

  private scenario!: Scenario;
  private run!: Run;
  private store!: RunStore;
  private instructorKeyHash!: Buffer;
  private readonly runId = randomUUID();
  private startedAt: string | undefined;
  /** crewId -> participant id steering it; crew members absent here are played by the bot. */
  private readonly holders = new Map<string, string>();
  private readonly participants = new Map<string, Participant>();
  private readonly botCrewIds = new Set<string>();
  private readonly injects: LoggedInject[] = [];
  private options_: InjectOption[] = [];
  private readonly limits = new Map<string, Strikes>();
  /** Accounts (`user:<id>`) and, for those signed out, addresses (`addr:<ip>`) removed from this drill. */
  private readonly banned = new Set<string>();
  /** participant id -> what the gate stamped on their join (address, account). */
  private readonly auths = new Map<string, DrillAuth>();
  /** participant id -> times (room clock) of their recent radio lines. */
  private readonly radioSent = new Map<string, number[]>();
  /** Who sent each kept radio line (null: the scenario, an inject or the instructor), beside state.radio. */
  private readonly radioSeats: (string | null)[] = [];
  private encoders: FieldEncoder[] = [];
  private views!: DrillViews;
  private doors: DoorPlace[] = [];
  private finishing = false;
  /** A patch asked for by an intent that took effect between ticks, unless the tick comes first. */
  private patchQueued: NodeJS.Timeout | null = null;
  /** performance.now() at the last tick, to tell whether the next one will carry an intent's patch. */
  private lastTickAt = 0;
  private tickMs = TICK_MS;
  private onStored: ((run: StoredRun) => Promise<void>) | undefined;

  override async onCreate(options: DrillRoomOptions): Promise<void> {
    const parsed = CreateDrillOptions.safeParse(options);
    if (!parsed.success) throw new Error('a drill needs a scenarioId and an instructorKey of 16 to 128 characters');
    const { catalogue, store } = options;
    if (!(catalogue instanceof ScenarioCatalogue) || store === undefined) throw new Error('drill rooms need the server catalogue and store');
    const scenario = catalogue.get(parsed.data.scenarioId);
    if (!scenario) throw new Error(`unknown scenario "${parsed.data.scenarioId}"`);
    this.scenario = scenario;
    this.store = store;
    this.onStored = typeof options.onStored === 'function' ? options.onStored : undefined;
    if (typeof options.tickMs === 'number' && options.tickMs >= 1) this.tickMs = options.tickMs;
    this.patchRate = this.tickMs;
    this.instructorKeyHash = hashKey(parsed.data.instructorKey);
    this.roomId = await this.freeCode();
    // Only the join code finds a drill: joinOrCreate never drops a trainee into a stranger's drill.
    await this.setPrivate(true);
    // Room for every crew member, an instructor and a few spectators waiting for a role.
    this.maxClients = scenario.crew.length * 2 + 4;

    this.run = createRun(scenario, randomInt(0, 0xffffffff));
    this.options_ = injectOptions(scenario);
    this.encoders = this.run.world.heat.map((h, f) => new FieldEncoder(f, h.length));

    const state = new DrillState();
    state.scenarioId = scenario.id;
    state.code = this.roomId;
    for (const c of this.run.world.crew) state.crew.set(c.id, Object.assign(new CrewView(), { role: c.role }));
    for (const item of this.run.world.items) state.items.set(item.id, new ItemView());
    for (const v of this.run.world.victims) state.victims.set(v.id, new VictimView());
    for (const h of this.run.world.hazards) state.hazards.set(h.id, new HazardView());
    this.run.world.floors.forEach((g, floor) =>
      g.cells.forEach((kind, i) => {
        // Doors and windows: a window forced open or a grille cut changes the plan as a door does.
        if (isDoor(kind) || isWindow(kind)) this.doors.push({ id: `${floor}:${i % g.width}:${Math.floor(i / g.width)}`, floor, x: i % g.width, y: Math.floor(i / g.width) });
      }),
    );
    for (const d of this.doors) state.doors.set(d.id, new DoorView());
    for (const v of this.run.world.vehicles) state.vehicles.set(v.id, new VehicleView());
    for (const o of this.options_) state.injects.push(Object.assign(new InjectView(), { id: o.id, kind: o.kind, labelVi: o.label.vi, labelEn: o.label.en }));
    this.state = state;
    this.views = new DrillViews(
      state,
      this.encoders,
      this.doors,
      (frame, except) => this.broadcastBytes('fields', frame, { except }),
      () => this.clients,
    );
    // The run's start already logged its opening events (the dispatch call on the radio among them).
    this.project(this.run.events);

    for (const type of DRILL_MESSAGE_TYPES) this.onMessage(type, (client, message: unknown) => this.receive(client, type, message));
    this.onMessage('*', (client, type) => {
      if (this.admit(client, undefined)) this.refuse(client, CLOSE_MALFORMED, `unknown message type ${JSON.stringify(String(type)).slice(0, 40)}`);
    });
  }

  private async freeCode(): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = newJoinCode();
      if ((await matchMaker.query({ roomId: code })).length === 0) return code;
    }
    throw new Error('no free join code');
  }

  /** What the server's matchmaking gate (drills/drillGate.ts) found: the client's address and account. */
  static override onAuth(_token: string, _options: unknown, context: AuthContext): Promise<DrillAuth> {
    return Promise.resolve(drillAuthFrom(context.headers));
  }

  private banKeys(auth: DrillAuth | undefined): string[] {
    if (!auth) return [];
    return auth.caller ? [`user:${auth.caller.userId}`] : [`addr:${auth.address}`];
  }

  /** Keeps a removed or disconnected-for-cause participant out of this drill for good. */
  private ban(participantId: string): void {
    for (const key of this.banKeys(this.auths.get(participantId))) this.banned.add(key);
  }

  override onJoin(client: Client, options: unknown, auth?: DrillAuth): void {
    const parsed = JoinDrillOptions.safeParse(options ?? {});
    if (!parsed.success) throw new Error('invalid join options');
    if (this.banKeys(auth).some((k) => this.banned.has(k))) throw new Error('removed from this drill');
    if (auth) this.auths.set(client.sessionId, auth);
    const key = parsed.data.instructorKey;
    const instructor = key !== undefined && timingSafeEqual(hashKey(key), this.instructorKeyHash);
    const record: DrillParticipant = { id: client.sessionId, name: parsed.data.name, instructor, crewIds: [], roles: [], userId: auth?.caller?.userId ?? null, unitId: auth?.caller?.unitId ?? null };
    this.participants.set(client.sessionId, { record, droppedCrewId: null });
    this.state.participants.set(client.sessionId, Object.assign(new ParticipantView(), { name: record.name, instructor }));
    this.views.attach(client);
    const status = this.state.status;
    // A trainee who joins a drill under way takes over a crew member from the bot at once.
    if (!instructor && (status === 'running' || status === 'paused')) this.seat(client.sessionId, this.freeCrew(parsed.data.crewId));
    this.refreshViews();
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    const p = this.participants.get(client.sessionId);
    const view = this.state.participants.get(client.sessionId);
    if (view) view.connected = false;
    if (p) {
      // The bot keeps the crew member working while its trainee is away; the drill does not stop.
      p.droppedCrewId = this.crewOf(client.sessionId);
      this.seat(client.sessionId, null);
    }
    // Someone the room disconnected for what they sent does not get a seat kept for them.
    if (this.state.ended || code === CLOSE_MALFORMED || code === CLOSE_OUT_OF_ROLE || code === CLOSE_RATE) return;
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // Not back in time: onLeave follows and the bot keeps the role.
    }
  }

  override onReconnect(client: Client): void {
    // Removed while away: the seat kept for the reconnection is not theirs any more.
    if (this.banKeys(this.auths.get(client.sessionId)).some((k) => this.banned.has(k))) {
      client.leave(CLOSE_REMOVED, 'removed by the instructor');
      return;
    }
    const p = this.participants.get(client.sessionId);
    const view = this.state.participants.get(client.sessionId);
    if (view) view.connected = true;
    if (p && !p.record.instructor && this.state.status !== 'lobby' && !this.state.ended) this.seat(client.sessionId, this.freeCrew(p.droppedCrewId ?? undefined));
    else if (p?.droppedCrewId && this.state.status === 'lobby' && !this.holders.has(p.droppedCrewId)) this.seat(client.sessionId, p.droppedCrewId);
    if (p) p.droppedCrewId = null;
    this.views.reattach(client);
    this.refreshViews();
  }

  override onLeave(client: Client): void {
    this.seat(client.sessionId, null);
    this.views.detach(client.sessionId);
    this.state.participants.delete(client.sessionId);
    this.limits.delete(client.sessionId);
    this.radioSent.delete(client.sessionId);
    const p = this.participants.get(client.sessionId);
    // Keep those who played or ran the drill for the record; forget passers-by.
    if (p && p.record.crewIds.length === 0 && !p.record.instructor) this.participants.delete(client.sessionId);
  }

  // ---- messages ----

  /** Rate and size limits; false when the client was disconnected or the message refused. */
  private admit(client: Client, message: unknown): boolean {
    const now = this.clock.currentTime;
    const limit = this.limits.get(client.sessionId) ?? { count: 0, windowStart: now, inWindow: 0 };
    this.limits.set(client.sessionId, limit);
    if (now - limit.windowStart >= 1000) {
      limit.windowStart = now;
      limit.inWindow = 0;
    }
    limit.inWindow += 1;
    if (limit.inWindow > MAX_MESSAGES_PER_SECOND) {
      this.state.rejectedMessages += 1;
      this.ban(client.sessionId);
      client.leave(CLOSE_RATE, `more than ${MAX_MESSAGES_PER_SECOND} messages a second`);
      return false;
    }
    let size: number;
    try {
      size = JSON.stringify(message ?? null).length;
    } catch {
      size = Infinity;
    }
    if (size > MAX_MESSAGE_CHARS) {
      this.refuse(client, CLOSE_MALFORMED, `message larger than ${MAX_MESSAGE_CHARS} characters`);
      return false;
    }
    return true;
  }

  private receive(client: Client, type: DrillMessageType, message: unknown): void {
    if (!this.admit(client, message)) return;
    const me = this.participants.get(client.sessionId);
    if (!me) return;
    const parsed = DrillMessages[type].safeParse(message);
    if (!parsed.success) {
      this.refuse(client, CLOSE_MALFORMED, `malformed ${type}`);
      return;
    }
    if (INSTRUCTOR_MESSAGES.has(type) && !me.record.instructor) {
      this.refuse(client, CLOSE_OUT_OF_ROLE, `${type} is for the instructor`);
      return;
    }
    const data = parsed.data;
    switch (type) {
      case 'intent':
        this.onIntent(client, data as Intent);
        return;
      case 'assignRole': {
        const { participantId, crewId } = data as { participantId: string; crewId: string | null };
        const target = this.participants.get(participantId);
        if (this.state.ended || !target || target.record.instructor || !this.state.participants.get(participantId)?.connected || (crewId !== null && !this.state.crew.has(crewId))) {
          this.state.ignoredIntents += 1;
          return;
        }
        this.seat(participantId, crewId);
        this.refreshViews();
        return;
      }
      case 'removeParticipant': {
        const { participantId } = data as { participantId: string };
        const target = this.participants.get(participantId);
        if (!target || target.record.instructor) {
          this.state.ignoredIntents += 1;
          return;
        }
        this.ban(participantId);
        this.seat(participantId, null);
        this.clients.find((c) => c.sessionId === participantId)?.leave(CLOSE_REMOVED, 'removed by the instructor');
        this.refreshViews();
        return;
      }
      case 'start':
        if (this.state.status !== 'lobby') return;
        this.startedAt = new Date().toISOString();
        this.state.status = 'running';
        // From here the tick sends the patch itself (see tick()); the timer kept the lobby in sync until now.
        this.setPatchRate(null);
        this.setSimulationInterval(() => this.tick(), this.tickMs);
        return;
      case 'pause':
        if (this.state.status === 'running') this.state.status = 'paused';
        return;
      case 'resume':
        if (this.state.status === 'paused') this.state.status = 'running';
        return;
      case 'end':
        this.endDrill();
        return;
      case 'inject':
        this.onInject(data as { kind: 'scenario'; id: string } | { kind: 'freeRadio'; text: string });
        return;
      case 'radio': {
        // Only someone steering a crew member talks on the crew's channel, and only while the drill runs.
        const crewId = this.crewOf(client.sessionId);
        if (crewId === null || (this.state.status !== 'running' && this.state.status !== 'paused')) {
          this.state.ignoredIntents += 1;
          return;
        }
        const now = this.clock.currentTime;
        const recent = (this.radioSent.get(client.sessionId) ?? []).filter((t) => now - t < RADIO_WINDOW_MS);
        if (recent.length >= RADIO_LINES_PER_SEAT) {
          this.radioSent.set(client.sessionId, recent);
          this.state.ignoredIntents += 1;
          return;
        }
        this.radioSent.set(client.sessionId, [...recent, now]);
        const who = me.record.name ? `${me.record.name} (${crewId})` : crewId;
        const text = (data as { text: string }).text;
        this.addRadio(this.run.world.tick, { vi: who, en: who }, { vi: text, en: text }, false, client.sessionId);
        return;
      }
    }
  }

  private onIntent(client: Client, intent: Intent): void {
    // Ending the run is the instructor's call, and no one steers another's crew member.
    if (intent.type === 'endRun' || intent.crewId !== this.crewOf(client.sessionId)) {
      this.state.ignoredIntents += 1;
      this.refuse(client, CLOSE_OUT_OF_ROLE, intent.type === 'endRun' ? 'only the instructor ends the drill' : 'intent for a crew member that is not yours');
      return;
    }
    // Between a pause and the next tick a player's click is simply not taken: no strike.
    if (this.state.status !== 'running') {
      this.state.ignoredIntents += 1;
      return;
    }
    // The engine applies it now, logged on the coming tick, so the sender sees its order taken (a route,
    // a door swung, a nozzle opened) within INTENT_PATCH_MS instead of waiting up to a whole tick for it.
    const before = this.run.intents.length;
    applyIntentNow(this.run, intent);
    if (this.run.intents.length === before) return;
    // A route changes nothing but the crew's goals until the crew steps on the tick.
    if (ROUTE_INTENTS.has(intent.type)) this.projectGoal(intent.crewId);
    else this.project([]);
    this.patchSoon();
  }

  /** Sends the state within INTENT_PATCH_MS: by the next tick's own patch if it is due by then, else by
   *  one patch shared with any other intent that arrives meanwhile. */
  private patchSoon(): void {
    if (this.patchQueued !== null || this.lastTickAt + this.tickMs - performance.now() <= INTENT_PATCH_MS) return;
    this.patchQueued = setTimeout(() => {
      this.patchQueued = null;
      if (!this.state.ended) this.broadcastPatch();
    }, INTENT_PATCH_MS);
  }

  private cancelPatchSoon(): void {
    if (this.patchQueued !== null) clearTimeout(this.patchQueued);
    this.patchQueued = null;
  }

  override onDispose(): void {
    this.cancelPatchSoon();
  }

  private onInject(message: { kind: 'scenario'; id: string } | { kind: 'freeRadio'; text: string }): void {
    if (this.state.status !== 'running' && this.state.status !== 'paused') return;
    let inject: AppliedInject | undefined;
    if (message.kind === 'freeRadio') inject = freeRadio(message.text);
    else inject = this.options_.find((o) => o.id === message.id)?.inject;
    if (!inject || !injectApplies(this.run, inject)) return;
    const same = JSON.stringify(inject);
    // Two clicks before the engine applies the first are one inject.
    if (this.injects.some((l) => l.tick >= this.run.world.tick && JSON.stringify(l.inject) === same)) return;
    // The engine applies it at the start of the next step (or the one after, when an intent was applied
    // ahead of the next) and logs it in the run record: a drill replays like a solo run.
    const tick = submitInject(this.run, injectAction(inject));
    if (tick === null) return;
    this.injects.push({ tick, inject });
  }

  private refuse(client: Client, code: number, reason: string): void {
    this.state.rejectedMessages += 1;
    const limit = this.limits.get(client.sessionId);
    if (!limit) return;
    limit.count += 1;
    if (limit.count < MAX_STRIKES) return;
    this.ban(client.sessionId);
    client.leave(code, `disconnected after ${limit.count} refused messages (last: ${reason})`);
  }

  // ---- seats ----

  private crewOf(participantId: string): string | null {
    for (const [crewId, holder] of this.holders) if (holder === participantId) return crewId;
    return null;
  }

  /** The wanted crew member if the bot plays it, else the first one the bot plays, else none. */
  private freeCrew(wanted: string | undefined): string | null {
    if (wanted !== undefined && this.state.crew.has(wanted) && !this.holders.has(wanted)) return wanted;
    return this.run.world.crew.find((c) => !this.holders.has(c.id))?.id ?? null;
  }

  /** Gives `participantId` crew member `crewId` (null: none), taking it from whoever held it. */
  private seat(participantId: string, crewId: string | null): void {
    const current = this.crewOf(participantId);
    if (current !== null) {
      this.holders.delete(current);
      const view = this.state.crew.get(current);
      if (view) Object.assign(view, { occupant: '', bot: true });
    }
    const pview = this.state.participants.get(participantId);
    if (pview) pview.crewId = crewId ?? '';
    if (crewId === null) return;
    const previous = this.holders.get(crewId);
    if (previous !== undefined) {
      const prevView = this.state.participants.get(previous);
      if (prevView) prevView.crewId = '';
    }
    this.holders.set(crewId, participantId);
    const view = this.state.crew.get(crewId);
    if (view) Object.assign(view, { occupant: participantId, bot: false });
    const p = this.participants.get(participantId)?.record;
    const role = this.run.world.crew.find((c) => c.id === crewId)?.role;
    if (p && !p.crewIds.includes(crewId)) {
      p.crewIds.push(crewId);
      if (role !== undefined) p.roles.push(role);
    }
  }

  /** What a participant's seat is for visibility: the instructor, the commander, a crew member or none. */
  private seatOf(participantId: string): Seat {
    if (this.participants.get(participantId)?.record.instructor) return { kind: 'instructor' };
    const crewId = this.crewOf(participantId);
    if (crewId === null) return { kind: 'none' };
    return this.state.crew.get(crewId)?.role === COMMANDER_ROLE ? { kind: 'commander', crewId } : { kind: 'crew', crewId };
  }

  private refreshViews(): void {
    this.views.refresh(this.run.world, (id) => this.seatOf(id));
  }

  // ---- simulation ----

  /** One tick, then its patch at once: a move reaches the clients on the tick that applied it rather than
   *  up to a patch interval later (a separate patch timer drifts against the simulation's). Paused ticks
   *  still patch, so status changes and seat swaps go out. */
  private tick(): void {
    this.lastTickAt = performance.now();
    // This patch carries whatever intents were waiting for one.
    this.cancelPatchSoon();
    this.step();
    if (!this.state.ended) this.broadcastPatch();
  }

  private step(): void {
    if (this.state.status !== 'running' || this.run.endReason !== null) return;
    const botCrew = new Set(this.run.world.crew.filter((c) => !this.holders.has(c.id)).map((c) => c.id));
    if (botCrew.size > 0) {
      // The doctrine bot plays every crew member nobody took, and only those.
      for (const intent of expertBot(this.run)) {
        if ('crewId' in intent && botCrew.has(intent.crewId)) submitIntent(this.run, intent);
      }
      for (const id of botCrew) this.botCrewIds.add(id);
    }
    const events = stepRun(this.run);
    this.project(events);
    this.views.sendEvents(events);
    if (this.run.world.tick % FIELD_EVERY_TICKS === 0) this.broadcastFields();
    if (this.run.endReason !== null) void this.finish();
  }

  private endDrill(): void {
    if (this.state.ended || this.finishing || this.state.status === 'lobby') return;
    submitIntent(this.run, { type: 'endRun' });
    // Step now even when paused: the run ends on this tick, as a solo run abandoned would.
    this.state.status = 'running';
    this.step();
  }

  private broadcastFields(): void {
    const { heat, smoke, tick } = this.run.world;
    for (const enc of this.encoders) {
      const frame = enc.delta(heat[enc.floor] ?? new Int32Array(), smoke[enc.floor] ?? new Int32Array(), tick);
      if (frame) this.views.sendFloor(enc.floor, frame);
    }
  }

  private addRadio(tick: number, from: { vi: string; en: string }, text: { vi: string; en: string }, scripted = false, seat: string | null = null): void {
    if (seat !== null && this.radioSeats.filter((s) => s === seat).length >= RADIO_KEPT_PER_SEAT) {
      const oldest = this.radioSeats.indexOf(seat);
      this.radioSeats.splice(oldest, 1);
      this.state.radio.splice(oldest, 1);
    }
    this.state.radio.push(Object.assign(new RadioLine(), { tick, fromVi: from.vi, fromEn: from.en, textVi: text.vi, textEn: text.en, scripted }));
    this.radioSeats.push(seat);
    while (this.state.radio.length > RADIO_LINES_KEPT) {
      this.state.radio.shift();
      this.radioSeats.shift();
    }
  }

  /** Copies the run's view into the synced state; with projectGoal, the only writer of the world part
   *  of DrillState. Brings every seat's view up to date with what it now sees. */
  private project(events: readonly WorldEvent[]): void {
    const { world } = this.run;
    const state = this.state;
    state.tick = world.tick;
    state.phase = this.run.phase;
    state.endReason = this.run.endReason ?? '';
    let previous: WorldEvent | undefined;
    for (const e of events) {
      if (e.type === 'RADIO' && e.text) {
        // A line straight after an inject is the instructor's; any other comes from the scenario's script,
        // which may speak for a seat a trainee now holds, so the page marks it as the script's.
        const injected = previous?.type === 'INJECT' && previous.reason === 'radio';
        this.addRadio(e.tick, e.from ?? { vi: e.reason ?? '', en: e.reason ?? '' }, e.text, !injected);
      }
      previous = e;
    }
    this.projectCrew();
    for (const item of world.items) {
      const view = state.items.get(item.id);
      if (!view) continue;
      view.burning = item.burning;
      view.hrrKW = item.hrrKW;
      view.valve = item.valve;
      view.electrics = item.electrics;
      view.spent = item.fuelKJ <= 0;
    }
    for (const v of world.victims) {
      const view = state.victims.get(v.id);
      if (!view) continue;
      view.x = v.x;
      view.y = v.y;
      view.floor = v.floor;
      view.status = v.status;
      view.trapped = v.trapped;
      view.carriedBy = v.carriedBy ?? '';
      view.safe = v.safe;
      view.tag = v.tag ?? '';
      view.airwayOpened = v.airwayOpened;
    }
    for (const v of world.vehicles) {
      const view = state.vehicles.get(v.id);
      if (!view) continue;
      view.waterL = Math.round(v.waterL);
      view.hydrantId = v.hydrantId ?? '';
      view.dry = v.dry;
    }
    // Ladders are only ever added.
    for (let k = state.ladders.length; k < world.ladders.length; k++) {
      const l = world.ladders[k];
      if (l) state.ladders.push(Object.assign(new LadderView(), l));
    }
    for (const h of world.hazards) {
      const view = state.hazards.get(h.id);
      if (view) view.collapsed = h.collapsed;
    }
    for (const d of this.doors) {
      const view = state.doors.get(d.id);
      const g = world.floors[d.floor];
      if (!view || !g) continue;
      const kind = g.cells[d.y * g.width + d.x];
      view.open = kind === Cell.doorOpen;
      view.locked = kind === Cell.doorLocked;
      view.kind = kind ?? Cell.wall;
    }
    this.refreshViews();
  }

  private projectCrew(): void {
    for (const c of this.run.world.crew) {
      const view = this.state.crew.get(c.id);
      if (!view) continue;
      view.x = c.x;
      view.y = c.y;
      view.floor = c.floor;
      view.dischargingAt = c.dischargingAt ?? '';
      view.selected = c.selected;
      view.airBar = c.air ? Math.round(c.air.bar) : 0;
      view.airAlarm = c.air?.alarmed ?? false;
      view.carrying = c.carrying ?? '';
      view.hose = c.hose?.vehicleId ?? '';
      view.busy = c.busy?.kind ?? '';
      this.projectGoalOf(c, view);
    }
  }

  /** Copies one crew member's walking goal: all a route changes before the crew steps, and nobody's sight. */
  private projectGoal(crewId: string): void {
    const c = this.run.world.crew.find((m) => m.id === crewId);
    const view = this.state.crew.get(crewId);
    if (c && view) this.projectGoalOf(c, view);
  }

  private projectGoalOf(c: CrewState, view: CrewView): void {
    const goal = c.path[c.path.length - 1];
    const width = this.run.world.floors[c.floor]?.width ?? 1;
    view.goalX = goal === undefined ? c.x : goal % width;
    view.goalY = goal === undefined ? c.y : Math.floor(goal / width);
  }

  /** Ends the drill: one run record, replayed and scored by the server, stored once; everyone gets the debrief. */
  private async finish(): Promise<void> {
    if (this.finishing) return;
    this.finishing = true;
    this.state.status = 'ended';
    this.state.ended = true;
    this.setSimulationInterval(undefined);
    // No more ticks: the patch timer carries the debrief's state changes.
    this.setPatchRate(this.tickMs);
    const record = toRunRecord(this.run, this.runId, this.startedAt ? { startedAt: this.startedAt } : {});
    const extras: DrillExtras = {
      code: this.roomId,
      participants: [...this.participants.values()].map((p) => p.record),
      botCrewIds: [...this.botCrewIds],
      injects: this.injects,
    };
    const verified = verifyDrill(this.scenario, record, extras);
    let stored = false;
    try {
      const { run } = await this.store.insertRun(verified);
      stored = true;
      await this.onStored?.(run);
    } catch {
      // The debrief still goes out; the record is lost with the room, which the debrief says.
    }
    this.state.runId = this.runId;
    const brief = (s: { percent: number; passed: boolean; stars: number } | null): { percent: number; passed: boolean; stars: number } | null => (s ? { percent: s.percent, passed: s.passed, stars: s.stars } : null);
    this.broadcast('debrief', {
      runId: this.runId,
      stored,
      status: verified.status,
      team: brief(verified.drill.team),
      scores: Object.fromEntries(Object.entries(verified.drill.scores).map(([id, s]) => [id, brief(s)])),
      participants: extras.participants,
      injectResponses: verified.drill.injectResponses ?? [],
    });
  }
}
