/** Runs the engine in the browser: one run of one scenario (fresh, or forked from a replay moment),
 *  stepped on the engine's fixed tick from real time at x1, x2 or x4 (or held still while the player
 *  pauses, orders queueing for the first tick after), fed with the player's intents;
 *  publishes HUD snapshots, toasts and sounds, and at the end saves the record to the outbox, which
 *  uploads it. It never steps by a variable amount and never scores on the server's behalf. */
import { createRun, scoreRun, stepRun, submitIntent, toRunRecord, validateScenario, type Intent, type Run, type Scenario, type ScenarioIssue, type WorldEvent } from '../../engine/index';
import { Synth } from '../audio/Synth';
import type { LocalizedText } from '../store/api';
import { flushOutbox, saveRun } from '../store/offline/outbox';
import { usePlayStore, type HudSnapshot, type RadioLine, type Toast } from '../store/playStore';
import { recordResult } from '../store/progress';
import { useSyncStore } from '../store/syncStore';
import { db } from '../store/offline/db';
import { useSpeedStore } from '../store/speedStore';
import { toastable } from './eventFeed';
import { hudSnapshot, itemNames } from './hudSnapshot';
import type { Session } from './Session';
import { installSessionHook } from './sessionTestHook';
import { advanceClock, clockRate } from './tickClock';

/** Objectives are rescored this often: the rubric reads the whole log, so not every tick. */
const OBJECTIVE_EVERY_TICKS = 5;

type Listener = (run: Run) => void;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

export class LocalSession implements Session {
  readonly kind = 'local';
  readonly canPause = true;
  readonly run: Run;
  private readonly names: Map<string, LocalizedText>;
  private readonly listeners = new Set<Listener>();
  private readonly eventListeners = new Set<(events: readonly WorldEvent[]) => void>();
  private readonly startedAt = new Date().toISOString();
  private readonly synth = new Synth();
  private radio: RadioLine[] = [];
  private refusal: HudSnapshot['refusal'] = null;
  private objectives: HudSnapshot['objectives'] = [];
  private frame = 0;
  private last = 0;
  private acc = 0;
  private finished = false;
  private removeHook: (() => void) | null = null;

  /** Validates the scenario JSON; returns the issues instead of a session when it is not playable. */
  static fromJson(json: unknown, fork?: (scenario: Scenario) => Run | null): { ok: true; session: LocalSession } | { ok: false; issues: ScenarioIssue[] } {
    const loaded = validateScenario(json);
    if (!loaded.ok) return loaded;
    return { ok: true, session: new LocalSession(loaded.scenario, fork?.(loaded.scenario) ?? createRun(loaded.scenario, randomSeed())) };
  }

  constructor(
    readonly scenario: Scenario,
    run: Run,
  ) {
    this.run = run;
    this.names = itemNames(scenario);
    usePlayStore.getState().reset(scenario.crew[0]?.id ?? '');
    // Every run starts in real time and running; faster playback and pauses are choices made during it.
    useSpeedStore.getState().setSpeed(1);
    useSpeedStore.getState().setPaused(false);
    this.collect(0);
    this.publish();
  }

  readonly interactive = true;

  /** Solo play commands the whole crew. */
  mayCommand(): boolean {
    return true;
  }

  /** The crew member the player controls (chosen in the HUD; the scenario's first by default). */
  crewId(): string {
    return usePlayStore.getState().crewId;
  }

  viewFloor(): number | null {
    return usePlayStore.getState().viewFloor;
  }

  setViewFloor(floor: number | null): void {
    usePlayStore.getState().setViewFloor(floor);
    this.refresh();
  }

  /** Tab: the next crew member in the scenario's order takes the controls. */
  nextCrew(): void {
    const ids = this.run.world.crew.map((c) => c.id);
    const next = ids[(ids.indexOf(this.crewId()) + 1) % ids.length];
    if (next) this.selectCrew(next);
  }

  selectCrew(crewId: string): void {
    usePlayStore.getState().setCrew(crewId);
    this.refresh();
  }

  /** Opens the triage tag picker for a victim. */
  ask(actionId: string, targetId: string): void {
    if (actionId === 'triage') usePlayStore.getState().setTriageFor(targetId);
  }

  /** Starts stepping on animation frames; incident time follows the wall clock in whole ticks. */
  start(): void {
    if (this.frame !== 0 || this.finished) return;
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.onFrame);
    this.removeHook = installSessionHook(this);
    if (this.run.world.tick === 0) this.synth.alarm();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.removeHook?.();
    this.removeHook = null;
    this.synth.close();
  }

  /** Queues a player intent for the next tick; the engine decides whether it is allowed. While paused
   *  it waits for the first tick after resuming, except ending the run, which a player means now. */
  submit(intent: Intent): void {
    this.synth.resume();
    submitIntent(this.run, intent);
    if (intent.type === 'endRun') useSpeedStore.getState().setPaused(false);
  }

  onEvents(listener: (events: readonly WorldEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called after every tick (and once now) with the run; returns an unsubscribe function. */
  onTick(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.run);
    return () => this.listeners.delete(listener);
  }

  get ended(): boolean {
    return this.run.endReason !== null;
  }

  /** Republishes now, after a change the player made (controlled crew member). */
  refresh(): void {
    this.publish();
    for (const l of this.listeners) l(this.run);
  }

  private readonly onFrame = (now: number): void => {
    // Faster playback steps more fixed ticks per wall-clock second; the tick itself never changes. The
    // frame loop keeps running while paused so `last` follows the wall clock and resuming owes nothing.
    const clock = useSpeedStore.getState();
    const due = advanceClock(this.acc, now - this.last, clockRate(clock.speed, clock.paused));
    this.acc = due.carryMs;
    this.last = now;
    let stepped = false;
    for (let k = 0; k < due.ticks && this.run.endReason === null; k++) {
      const from = this.run.events.length;
      stepRun(this.run);
      this.collect(from);
      stepped = true;
    }
    if (stepped) {
      this.publish();
      for (const l of this.listeners) l(this.run);
    }
    if (this.run.endReason !== null) {
      this.frame = 0;
      this.synth.airAlarm(false);
      this.synth.fire(0);
      void this.finish();
      return;
    }
    this.frame = requestAnimationFrame(this.onFrame);
  };

  /** Picks out of the new events what the HUD shows: radio, this player's refusals, toasts, sounds. */
  private collect(from: number): void {
    const toasts: Omit<Toast, 'key'>[] = [];
    const fresh: WorldEvent[] = this.run.events.slice(from);
    for (const e of fresh) {
      if (e.type === 'RADIO' && e.text) {
        this.radio = [...this.radio, { tick: e.tick, from: e.from ?? null, text: e.text }];
        if (from > 0) this.synth.radio();
      }
      if (e.type === 'INTENT_REFUSED' && e.crewId === this.crewId()) this.refusal = { tick: e.tick, reason: e.reason ?? '' };
      const toast = from > 0 ? toastable(e) : null;
      if (toast) {
        toasts.push({ tick: e.tick, type: e.type, crewId: e.crewId, reason: e.reason });
        if (toast === 'danger') this.synth.alert();
      }
    }
    if (toasts.length > 0) usePlayStore.getState().pushToasts(toasts);
    if (fresh.length > 0) for (const l of this.eventListeners) l(fresh);
  }

  private publish(): void {
    const w = this.run.world;
    const crewId = this.crewId();
    const crew = w.crew.find((c) => c.id === crewId);
    this.synth.fire(w.items.reduce((s, i) => s + (i.burning ? i.hrrKW : 0), 0));
    this.synth.water(w.crew.some((c) => c.hose !== null && c.dischargingAt !== null), w.crew.some((c) => c.dischargingAt !== null));
    this.synth.airAlarm(crew?.air?.alarmed === true && !crew.air.empty);
    if (w.tick % OBJECTIVE_EVERY_TICKS === 0 || this.objectives.length === 0) {
      const score = scoreRun(this.scenario, this.run.events);
      this.objectives = score.criteria.map((c) => {
        const negative = c.kind === 'forbidden' || c.kind === 'critical';
        return { id: c.id, title: c.title, state: negative ? (c.passed ? 'open' : 'lost') : c.passed ? 'met' : 'open' };
      });
    }
    usePlayStore.getState().setHud(
      hudSnapshot(w, this.scenario, crewId, this.names, {
        phase: this.run.phase,
        radio: this.radio,
        refusal: this.refusal,
        objectives: this.objectives,
        acting: this.run.endReason === null,
        knowsCharge: true,
        commanding: true,
        viewFloor: this.viewFloor(),
      }),
    );
  }

  /** Scores locally for the end screen, saves the record to the outbox, then lets the outbox upload it;
   *  the server's replay is the score of record. */
  private async finish(): Promise<void> {
    if (this.finished || this.run.endReason === null) return;
    this.finished = true;
    const store = usePlayStore.getState();
    const score = scoreRun(this.scenario, this.run.events);
    const id = crypto.randomUUID();
    store.setEnd({ runId: id, reason: this.run.endReason, score, upload: { state: 'pending' } });
    recordResult(this.scenario.id, { stars: score.stars, percent: score.percent, passed: score.passed });
    const record = toRunRecord(this.run, id, { clientScore: score.percent, startedAt: this.startedAt });
    try {
      await saveRun({ id, scenarioId: this.scenario.id, finishedAt: new Date().toISOString(), record, percent: score.percent, stars: score.stars, passed: score.passed, server: null });
    } catch (err) {
      store.setUpload({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    await flushOutbox();
    const saved = await db.runs.get(id);
    if (saved?.server) {
      usePlayStore.getState().setUpload({ state: 'done', answer: saved.server });
      return;
    }
    usePlayStore.getState().setUpload({ state: 'queued' });
    // When the network returns the outbox uploads it; show the server's answer then.
    const unsubscribe = useSyncStore.subscribe((s) => {
      if (!s.uploaded[id]) return;
      unsubscribe();
      void db.runs.get(id).then((r) => r?.server && usePlayStore.getState().end?.runId === id && usePlayStore.getState().setUpload({ state: 'done', answer: r.server }));
    });
  }
}
