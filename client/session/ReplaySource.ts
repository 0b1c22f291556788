/** A replay as a world source for the scene: re-simulates a stored record with the engine, plays it
 *  forward at a chosen speed and jumps to any tick (by re-simulating from the start). Never sends
 *  intents of its own; a "what if" fork starts a new LocalSession instead. */
import { createRun, replayToTick, stepRun, submitIntent, TICK_MS, type Intent, type Run, type Scenario } from '../../engine/index';
import type { WorldSource } from '../game/WorldSource';

export interface ReplayRecord {
  seed: number;
  endTick: number;
  intents: { tick: number; intent: unknown }[];
}

export class ReplaySource implements WorldSource {
  readonly interactive = false;
  private current: Run;
  private cursor = 0;
  private crew: string;
  private floor: number | null = null;
  private readonly listeners = new Set<(run: Run) => void>();
  private frame = 0;
  private last = 0;
  private acc = 0;
  speed = 1;

  constructor(
    readonly scenario: Scenario,
    readonly record: ReplayRecord,
  ) {
    this.current = createRun(scenario, record.seed);
    this.crew = scenario.crew[0]?.id ?? '';
  }

  get run(): Run {
    return this.current;
  }

  get ended(): boolean {
    return this.current.world.tick >= this.record.endTick || this.current.endReason !== null;
  }

  get playing(): boolean {
    return this.frame !== 0;
  }

  crewId(): string {
    return this.crew;
  }

  viewFloor(): number | null {
    return this.floor;
  }

  setViewFloor(floor: number | null): void {
    this.floor = floor;
    this.emit();
  }

  nextCrew(): void {
    const ids = this.scenario.crew.map((c) => c.id);
    this.crew = ids[(ids.indexOf(this.crew) + 1) % ids.length] ?? this.crew;
    this.floor = null;
    this.emit();
  }

  submit(_intent: Intent): void {
    // A replay is the record; nothing the viewer does may change it.
  }

  ask(): void {}

  onTick(listener: (run: Run) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Jumps to `tick` by re-simulating from the start: exact, and fast enough for scenario lengths. */
  seek(tick: number): void {
    const target = Math.max(0, Math.min(this.record.endTick, Math.round(tick)));
    if (target < this.current.world.tick) {
      this.current = replayToTick(this.scenario, this.record as Parameters<typeof replayToTick>[1], target);
      this.cursor = this.record.intents.findIndex((i) => i.tick >= target);
      if (this.cursor < 0) this.cursor = this.record.intents.length;
    } else {
      while (this.current.world.tick < target && this.current.endReason === null) this.stepOne();
    }
    this.emit();
  }

  play(): void {
    if (this.frame !== 0) return;
    if (this.ended) this.seek(0);
    this.last = performance.now();
    this.frame = requestAnimationFrame(this.onFrame);
    this.emit();
  }

  pause(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.emit();
  }

  private stepOne(): void {
    const run = this.current;
    while (this.cursor < this.record.intents.length && this.record.intents[this.cursor]?.tick === run.world.tick) {
      submitIntent(run, this.record.intents[this.cursor]?.intent as Intent);
      this.cursor++;
    }
    stepRun(run);
  }

  private readonly onFrame = (now: number): void => {
    this.acc += Math.min(now - this.last, 1000) * this.speed;
    this.last = now;
    let stepped = false;
    while (this.acc >= TICK_MS && !this.ended) {
      this.stepOne();
      this.acc -= TICK_MS;
      stepped = true;
    }
    if (stepped) this.emit();
    if (this.ended) {
      this.frame = 0;
      this.emit();
      return;
    }
    this.frame = requestAnimationFrame(this.onFrame);
  };

  private emit(): void {
    for (const l of this.listeners) l(this.current);
  }
}
