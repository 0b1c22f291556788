/** Runs the engine in the browser: one run of one scenario, stepped on the engine's fixed tick from
 *  real time, fed with the player's intents; publishes HUD snapshots and uploads the record at the end.
 *  It never steps by a variable amount and never scores on the server's behalf. */
import { createRun, scoreRun, stepRun, submitIntent, toRunRecord, validateScenario, TICK_MS, TICKS_PER_SECOND, type Intent, type Run, type Scenario, type ScenarioIssue } from '../../engine/index';
import { uploadRun, type LocalizedText } from '../store/api';
import { usePlayStore, type HudSnapshot, type RadioLine } from '../store/playStore';

/** After a stall (tab in background, debugger) catch up at most this much incident time at once. */
const MAX_CATCH_UP_MS = 1000;

type Listener = (run: Run) => void;

/** Radio senders by message text: the run's log keeps the text in both languages but the sender in English only. */
function radioSenders(statechart: unknown): Map<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const o = node as { type?: unknown; params?: { from?: LocalizedText; text?: LocalizedText } };
      if (o.type === 'radio' && o.params?.from && o.params.text) out.set(o.params.text.en, o.params.from);
      Object.values(node).forEach(visit);
    }
  };
  visit(statechart);
  return out;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

export class LocalSession {
  readonly run: Run;
  /** The crew member this player controls: the scenario's first. */
  readonly crewId: string;
  private readonly senders: Map<string, LocalizedText>;
  private readonly names: Map<string, LocalizedText>;
  private readonly listeners = new Set<Listener>();
  private readonly startedAt = new Date().toISOString();
  private radio: RadioLine[] = [];
  private refusal: HudSnapshot['refusal'] = null;
  private frame = 0;
  private last = 0;
  private acc = 0;
  private finished = false;

  /** Validates the scenario JSON; returns the issues instead of a session when it is not playable. */
  static fromJson(json: unknown): { ok: true; session: LocalSession } | { ok: false; issues: ScenarioIssue[] } {
    const loaded = validateScenario(json);
    return loaded.ok ? { ok: true, session: new LocalSession(loaded.scenario, randomSeed()) } : loaded;
  }

  constructor(
    readonly scenario: Scenario,
    seed: number,
  ) {
    this.run = createRun(scenario, seed);
    this.crewId = scenario.crew[0]?.id ?? '';
    this.senders = radioSenders(scenario.statechart);
    this.names = new Map(scenario.world.items.map((i) => [i.id, i.name]));
    usePlayStore.getState().reset();
    this.collect(0);
    this.publish();
  }

  /** Starts stepping on animation frames; incident time follows the wall clock in whole ticks. */
  start(): void {
    if (this.frame !== 0 || this.finished) return;
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.onFrame);
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Queues a player intent for the next tick; the engine decides whether it is allowed. */
  submit(intent: Intent): void {
    submitIntent(this.run, intent);
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

  private readonly onFrame = (now: number): void => {
    this.acc += Math.min(now - this.last, MAX_CATCH_UP_MS);
    this.last = now;
    let stepped = false;
    while (this.acc >= TICK_MS && this.run.endReason === null) {
      const from = this.run.events.length;
      stepRun(this.run);
      this.collect(from);
      this.acc -= TICK_MS;
      stepped = true;
    }
    if (stepped) {
      this.publish();
      for (const l of this.listeners) l(this.run);
    }
    if (this.run.endReason !== null) {
      this.frame = 0;
      void this.finish();
      return;
    }
    this.frame = requestAnimationFrame(this.onFrame);
  };

  /** Picks out of the new events what the HUD shows: radio messages and this player's refusals. */
  private collect(from: number): void {
    for (const e of this.run.events.slice(from)) {
      if (e.type === 'RADIO' && e.text) this.radio = [...this.radio, { tick: e.tick, from: this.senders.get(e.text.en) ?? null, text: e.text }];
      if (e.type === 'INTENT_REFUSED' && e.crewId === this.crewId) this.refusal = { tick: e.tick, reason: e.reason ?? '' };
    }
  }

  private publish(): void {
    const w = this.run.world;
    const crew = w.crew.find((c) => c.id === this.crewId);
    usePlayStore.getState().setHud({
      tick: w.tick,
      elapsedS: w.tick / TICKS_PER_SECOND,
      phase: this.run.phase,
      fires: w.items.filter((i) => i.burning).map((i) => ({ id: i.id, name: this.names.get(i.id) ?? { vi: i.id, en: i.id }, hrrKW: i.hrrKW })),
      equipment: (crew?.equipment ?? []).map((e, k) => {
        const full = (this.scenario.crew[0]?.equipment[k]?.dischargeS ?? 1) * TICKS_PER_SECOND;
        return { id: e.id, agent: e.agent, percent: Math.max(0, Math.round((e.remainingTicks / full) * 100)) };
      }),
      selected: crew?.selected ?? 0,
      discharging: crew?.dischargingAt != null,
      radio: this.radio,
      refusal: this.refusal,
    });
  }

  /** Scores locally for the end screen, then uploads the record; the server's replay is the score of record. */
  private async finish(): Promise<void> {
    if (this.finished || this.run.endReason === null) return;
    this.finished = true;
    const store = usePlayStore.getState();
    const score = scoreRun(this.scenario, this.run.events);
    store.setEnd({ reason: this.run.endReason, score, upload: { state: 'pending' } });
    const record = toRunRecord(this.run, crypto.randomUUID(), { clientScore: score.percent, startedAt: this.startedAt });
    try {
      store.setUpload({ state: 'done', answer: await uploadRun(record) });
    } catch (err) {
      store.setUpload({ state: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }
}
