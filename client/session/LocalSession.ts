/** Runs the engine in the browser: one run of one scenario (fresh, or forked from a replay moment),
 *  stepped on the engine's fixed tick from real time at x1, x2 or x4 (or held still while the player
 *  pauses, orders queueing for the first tick after), fed with the player's intents;
 *  publishes HUD snapshots, toasts and sounds, and at the end saves the record to the outbox, which
 *  uploads it. It never steps by a variable amount and never scores on the server's behalf. */
import { createRun, scoreRun, stepRun, submitIntent, toRunRecord, validateScenario, TICKS_PER_SECOND, type Intent, type Run, type Scenario, type ScenarioIssue, type WorldEvent } from '../../engine/index';
import { Synth } from '../audio/Synth';
import { contextActions } from '../game/contextActions';
import type { WorldSource } from '../game/WorldSource';
import type { LocalizedText } from '../store/api';
import { flushOutbox, saveRun } from '../store/offline/outbox';
import { usePlayStore, type HudSnapshot, type RadioLine } from '../store/playStore';
import { recordResult } from '../store/progress';
import { useSyncStore } from '../store/syncStore';
import { db } from '../store/offline/db';
import { useSpeedStore } from '../store/speedStore';
import { installSessionHook } from './sessionTestHook';
import { advanceClock, clockRate } from './tickClock';

/** Objectives are rescored this often: the rubric reads the whole log, so not every tick. */
const OBJECTIVE_EVERY_TICKS = 5;

/** Events worth a toast; the HUD words them through i18n as `toast.<TYPE>`. */
export const TOAST_EVENTS = new Set(['ROLLOVER_WARNING', 'FLASHOVER', 'AGENT_FLARE_UP', 'ALL_FIRES_OUT', 'LPG_FAILURE', 'ELECTRIC_SHOCK', 'COLLAPSE', 'CREW_INJURED', 'HOSE_SHORT', 'WATER_ON', 'TANK_EMPTY', 'HYDRANT_CONNECTED', 'HYDRANT_FAILED', 'EXTINGUISHER_EMPTY', 'AIR_ALARM', 'AIR_EMPTY', 'FORCED_OPEN', 'VICTIM_REACHED', 'VICTIM_FREED', 'VICTIM_RESCUED', 'VICTIM_ESCAPED', 'VICTIM_INCAPACITATED', 'VICTIM_DIED']);
const ALERT_EVENTS = new Set(['FLASHOVER', 'ROLLOVER_WARNING', 'AGENT_FLARE_UP', 'LPG_FAILURE', 'COLLAPSE', 'VICTIM_DIED', 'ELECTRIC_SHOCK']);

type Listener = (run: Run) => void;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

export class LocalSession implements WorldSource {
  readonly run: Run;
  private readonly names: Map<string, LocalizedText>;
  private readonly listeners = new Set<Listener>();
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
    this.names = new Map([...scenario.world.items, ...scenario.world.vehicles, ...scenario.world.hydrants].map((i) => [i.id, i.name]));
    usePlayStore.getState().reset(scenario.crew[0]?.id ?? '');
    // Every run starts in real time and running; faster playback and pauses are choices made during it.
    useSpeedStore.getState().setSpeed(1);
    useSpeedStore.getState().setPaused(false);
    this.collect(0);
    this.publish();
  }

  readonly interactive = true;

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
    const toasts: { tick: number; type: string }[] = [];
    const fresh: WorldEvent[] = this.run.events.slice(from);
    for (const e of fresh) {
      if (e.type === 'RADIO' && e.text) {
        this.radio = [...this.radio, { tick: e.tick, from: e.from ?? null, text: e.text }];
        if (from > 0) this.synth.radio();
      }
      if (e.type === 'INTENT_REFUSED' && e.crewId === this.crewId()) this.refusal = { tick: e.tick, reason: e.reason ?? '' };
      if (TOAST_EVENTS.has(e.type) && from > 0) toasts.push({ tick: e.tick, type: e.type });
      if (ALERT_EVENTS.has(e.type) && from > 0) this.synth.alert();
    }
    if (toasts.length > 0) usePlayStore.getState().pushToasts(toasts);
  }

  private publish(): void {
    const w = this.run.world;
    const crewId = this.crewId();
    const crew = w.crew.find((c) => c.id === crewId);
    const spec = this.scenario.crew.find((c) => c.id === crewId);
    const totalKW = w.items.reduce((s, i) => s + (i.burning ? i.hrrKW : 0), 0);
    this.synth.fire(totalKW);
    this.synth.airAlarm(crew?.air?.alarmed === true && !crew.air.empty);
    if (w.tick % OBJECTIVE_EVERY_TICKS === 0 || this.objectives.length === 0) {
      const score = scoreRun(this.scenario, this.run.events);
      this.objectives = score.criteria.map((c) => {
        const negative = c.kind === 'forbidden' || c.kind === 'critical';
        return { id: c.id, title: c.title, state: negative ? (c.passed ? 'open' : 'lost') : c.passed ? 'met' : 'open' };
      });
    }
    usePlayStore.getState().setHud({
      tick: w.tick,
      elapsedS: w.tick / TICKS_PER_SECOND,
      timeLimitS: this.scenario.timeLimitS,
      phase: this.run.phase,
      fires: w.items.filter((i) => i.burning).map((i) => ({ id: i.id, name: this.names.get(i.id) ?? { vi: i.id, en: i.id }, hrrKW: i.hrrKW })),
      equipment: (crew?.equipment ?? []).map((e, k) => {
        const full = (spec?.equipment[k]?.dischargeS ?? 1) * TICKS_PER_SECOND;
        return { id: e.id, agent: e.agent, percent: Math.max(0, Math.round((e.remainingTicks / full) * 100)) };
      }),
      selected: crew?.selected ?? 0,
      discharging: crew?.dischargingAt != null,
      radio: this.radio,
      refusal: this.refusal,
      crew: w.crew.map((c) => {
        const s = this.scenario.crew.find((m) => m.id === c.id);
        return {
          id: c.id,
          name: s?.name ?? { vi: c.id, en: c.id },
          floor: c.floor,
          air: c.air ? { bar: Math.round(c.air.bar), alarmBar: Math.round(c.air.alarmBar), fullBar: s?.breathingSet?.fullBar ?? 300, alarmed: c.air.alarmed, empty: c.air.empty } : null,
          carrying: c.carrying !== null,
          hose: c.hose !== null,
          busy: c.busy !== null,
          thermalCamera: c.tools.includes('thermalCamera'),
        };
      }),
      water: w.vehicles.map((v) => ({ id: v.id, name: this.names.get(v.id) ?? { vi: v.id, en: v.id }, waterL: Math.round(v.waterL), tankL: v.tankL, hydrant: v.hydrantId !== null })),
      floors: this.scenario.world.floors.map((f, index) => ({ index, name: f.name, level: w.levels[index] ?? 0 })),
      actions: this.run.endReason === null ? contextActions(w, crewId) : [],
      objectives: this.objectives,
    });
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
