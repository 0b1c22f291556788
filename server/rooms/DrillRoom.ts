/** A team drill: the room owns one engine run, steps it on the fixed tick and projects it into
 *  DrillState. Clients send only intents for their own crew member; the room never takes world
 *  state, scores or scenario content from them. */
import { randomInt } from 'node:crypto';
import { Room, type Client } from '@colyseus/core';
import { z } from 'zod';
import { createRun, Intent, stepRun, submitIntent, TICK_MS, type Run } from '../../engine/index';
import { ScenarioCatalogue } from '../scenarioCatalogue';
import { CrewView, DrillState, ItemView } from './DrillState';

/** What a client may pass when creating a drill; the catalogue is injected by the server's defaults. */
const CreateOptions = z.object({ scenarioId: z.string().min(1).max(100) });

export interface DrillRoomOptions {
  /** Required from the client; validated in onCreate. */
  scenarioId?: string;
  /** Set by the server's room definition, which takes precedence over client options. */
  catalogue?: ScenarioCatalogue;
}

/** Close code for a client that keeps sending messages the room cannot read (4000-4999: app-defined). */
export const CLOSE_MALFORMED = 4400;
/** Malformed messages tolerated before the sender is disconnected: one slip is a bug, not an attack. */
export const MAX_STRIKES = 3;

export class DrillRoom extends Room<{ state: DrillState }> {
  override maxMessagesPerSecond = 20;
  override patchRate = TICK_MS;

  private run!: Run;
  /** sessionId -> crew member id the session controls. */
  private readonly seats = new Map<string, string>();
  private readonly strikes = new Map<string, number>();

  override onCreate(options: DrillRoomOptions): void {
    const parsed = CreateOptions.safeParse(options);
    if (!parsed.success) throw new Error('scenarioId is required to create a drill');
    const catalogue = options.catalogue;
    if (!(catalogue instanceof ScenarioCatalogue)) throw new Error('drill rooms need the server catalogue');
    const scenario = catalogue.get(parsed.data.scenarioId);
    if (!scenario) throw new Error(`unknown scenario "${parsed.data.scenarioId}"`);

    this.run = createRun(scenario, randomInt(0, 0xffffffff));
    this.maxClients = scenario.crew.length;

    const state = new DrillState();
    state.scenarioId = scenario.id;
    for (const c of this.run.world.crew) state.crew.set(c.id, new CrewView());
    for (const item of this.run.world.items) state.items.set(item.id, new ItemView());
    this.state = state;
    this.project();

    this.onMessage('intent', (client, message: unknown) => this.onIntent(client, message));
    this.onMessage('*', (client) => this.strike(client, 'unknown message type'));
    this.setSimulationInterval(() => this.step(), TICK_MS);
  }

  override onJoin(client: Client): void {
    const taken = new Set(this.seats.values());
    const free = this.run.world.crew.find((c) => !taken.has(c.id));
    // maxClients equals the crew count, so the matchmaker never lets one more in.
    if (!free) throw new Error('every crew member is taken');
    this.seats.set(client.sessionId, free.id);
    const view = this.state.crew.get(free.id);
    // Clients find their crew member by their session id in the synced state.
    if (view) view.occupant = client.sessionId;
  }

  override onLeave(client: Client): void {
    const crewId = this.seats.get(client.sessionId);
    this.seats.delete(client.sessionId);
    this.strikes.delete(client.sessionId);
    const view = crewId === undefined ? undefined : this.state.crew.get(crewId);
    if (view) view.occupant = '';
  }

  private onIntent(client: Client, message: unknown): void {
    const parsed = Intent.safeParse(message);
    if (!parsed.success) {
      this.strike(client, 'malformed intent');
      return;
    }
    const intent = parsed.data;
    // Ending the run is the instructor's call, and no one steers another's crew member.
    if (intent.type === 'endRun' || intent.crewId !== this.seats.get(client.sessionId)) {
      this.state.ignoredIntents += 1;
      return;
    }
    submitIntent(this.run, intent);
  }

  private strike(client: Client, reason: string): void {
    const count = (this.strikes.get(client.sessionId) ?? 0) + 1;
    this.strikes.set(client.sessionId, count);
    if (count >= MAX_STRIKES) client.leave(CLOSE_MALFORMED, `disconnected after ${count} unreadable messages (last: ${reason})`);
  }

  private step(): void {
    if (this.run.endReason !== null) return;
    stepRun(this.run);
    this.project();
  }

  /** Copies the run's view into the synced state; the only writer of DrillState. */
  private project(): void {
    const { world } = this.run;
    const state = this.state;
    state.tick = world.tick;
    state.phase = this.run.phase;
    state.ended = this.run.endReason !== null;
    state.endReason = this.run.endReason ?? '';
    for (const c of world.crew) {
      const view = state.crew.get(c.id);
      if (!view) continue;
      view.x = c.x;
      view.y = c.y;
      view.floor = c.floor;
    }
    for (const item of world.items) {
      const view = state.items.get(item.id);
      if (!view) continue;
      view.burning = item.burning;
      view.hrrKW = item.hrrKW;
    }
  }
}
