/** A replay as a world source for the scene: re-simulates a stored record through the engine's replay
 *  (intents and a drill's injects, exactly as the server replays it), plays it forward at a chosen speed
 *  and jumps to any tick (back by re-simulating from the start). Never steps the run any other way, and
 *  never sends intents of its own; a "what if" fork starts a new LocalSession instead. */
import { startReplay, TICK_MS, type Intent, type Replay, type Run, type Scenario } from '../../engine/index';
import type { StoredRecord } from '../debrief/runSeries';
import type { WorldSource } from '../game/WorldSource';

export class ReplaySource implements WorldSource {
  readonly interactive = false;
  private replay: Replay;
  private crew: string;
  private floor: number | null = null;
  private readonly listeners = new Set<(run: Run) => void>();
  private frame = 0;
  private last = 0;
  private acc = 0;
  speed = 1;

  constructor(
    readonly scenario: Scenario,
    readonly record: StoredRecord,
  ) {
    this.replay = startReplay(scenario, record);
    this.crew = scenario.crew[0]?.id ?? '';
  }

  get run(): Run {
    return this.replay.run;
  }

  get ended(): boolean {
    return this.run.world.tick >= this.record.endTick || this.run.endReason !== null;
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
    listener(this.run);
    return () => this.listeners.delete(listener);
  }

  /** Jumps to `tick`: forward by stepping on, back by re-simulating from the start (exact, and fast
   *  enough for scenario lengths). */
  seek(tick: number): void {
    const target = Math.max(0, Math.min(this.record.endTick, Math.round(tick)));
    if (target < this.run.world.tick) this.replay = startReplay(this.scenario, this.record);
    this.replay.advanceTo(target);
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

  private readonly onFrame = (now: number): void => {
    this.acc += Math.min(now - this.last, 1000) * this.speed;
    this.last = now;
    let stepped = false;
    while (this.acc >= TICK_MS && !this.ended) {
      this.replay.advanceTo(this.run.world.tick + 1);
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
    for (const l of this.listeners) l(this.run);
  }
}
