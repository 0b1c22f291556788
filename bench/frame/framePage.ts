/** Bench-only browser entry for bench/frameBench.ts: times Phaser frames of the client's WorldScene (or a
 *  minimal scene with as many objects) and leaves the samples on window.__frameResult. Never shipped
 *  with the client and never changes the run it draws: it only steps the engine as a session would. */
import Phaser from 'phaser';
import { createRun, loadScenario, stepRun, TICK_MS, TICKS_PER_SECOND, type Intent, type Run } from '../../engine/index';
import { createGame, gameConfig } from '../../client/game/createGame';
import { VIEW_H, VIEW_W } from '../../client/game/WorldScene';
import type { WorldSource } from '../../client/game/WorldSource';

export interface FrameResult {
  /** JavaScript milliseconds per frame: engine ticks due in it, the scene's redraw and Phaser's update and render. */
  samples: number[];
  renderer: 'webgl' | 'canvas';
  objects: number;
  burningKW: number;
  error?: string;
}

declare global {
  interface Window {
    __frameResult?: FrameResult;
    /** Where the page has got to, for the bench's error message when it stalls. */
    __frameStage?: string;
  }
}

/** 60 frames per second, as the browser would call us. */
const FRAME_MS = 1000 / 60;

const params = new URLSearchParams(location.search);
const kind = params.get('kind') === 'minimal' ? 'minimal' : 'world';
const renderer = params.get('renderer') === 'canvas' ? 'canvas' : 'auto';
const frames = Number(params.get('frames') ?? 600);
const warmup = Number(params.get('warmup') ?? 24);
/** Headless WebGL composites slowly, so each case also stops after this much wall time. */
const budgetMs = Number(params.get('budgetMs') ?? 40_000);
const peakS = Number(params.get('peakS') ?? 150);
const objectCount = Number(params.get('objects') ?? 0);

/** A read-only source over one run: the scene draws from it exactly as from a live session, minus the HUD. */
class BenchSource implements WorldSource {
  readonly interactive = false;
  private readonly listeners = new Set<(run: Run) => void>();
  constructor(
    readonly run: Run,
    private readonly floor: number,
  ) {}
  get ended(): boolean {
    return this.run.endReason !== null;
  }
  crewId(): string {
    return this.run.world.crew[0]?.id ?? '';
  }
  viewFloor(): number | null {
    return this.floor;
  }
  setViewFloor(): void {}
  nextCrew(): void {}
  submit(_intent: Intent): void {}
  ask(): void {}
  onTick(listener: (run: Run) => void): () => void {
    this.listeners.add(listener);
    listener(this.run);
    return () => this.listeners.delete(listener);
  }
  notify(): void {
    for (const l of this.listeners) l(this.run);
  }
}

/** A scene with `count` plain images that move every frame: Phaser's own cost for that many objects. */
class MinimalScene extends Phaser.Scene {
  private images: Phaser.GameObjects.Image[] = [];
  constructor(private readonly count: number) {
    super('MinimalScene');
  }
  create(): void {
    const g = this.add.graphics().fillStyle(0xff8800, 1).fillRect(0, 0, 32, 32);
    g.generateTexture('bench-box', 32, 32);
    g.destroy();
    for (let i = 0; i < this.count; i++) this.images.push(this.add.image((i * 37) % VIEW_W, (i * 53) % VIEW_H, 'bench-box'));
  }
  override update(time: number): void {
    this.images.forEach((im, i) => im.setPosition((i * 37 + time / 10) % VIEW_W, (i * 53) % VIEW_H));
  }
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

async function measure(): Promise<FrameResult> {
  const parent = document.getElementById('game');
  if (!parent) throw new Error('no #game element');
  let run: Run | null = null;
  let source: BenchSource | null = null;
  let game: Phaser.Game;
  let burningKW = 0;
  window.__frameStage = 'start';
  if (kind === 'world') {
    const res = await fetch('/scenario.json');
    const scenario = loadScenario(await res.json());
    run = createRun(scenario, 1);
    // No intents: the fire grows unchecked until the ground floor is fully involved.
    for (let i = 0; i < peakS * TICKS_PER_SECOND && run.endReason === null; i++) stepRun(run);
    const burning = run.world.items.filter((it) => it.burning);
    burningKW = burning.reduce((s, it) => s + it.hrrKW, 0);
    const hottest = burning.reduce<(typeof burning)[number] | null>((a, b) => (a && a.hrrKW >= b.hrrKW ? a : b), null);
    window.__frameStage = 'advanced';
    source = new BenchSource(run, hottest?.floor ?? 0);
    const src = source;
    game = await new Promise<Phaser.Game>((resolve) => {
      const g: Phaser.Game = createGame(parent, src, renderer, () => resolve(g));
    });
  } else {
    game = await new Promise<Phaser.Game>((resolve) => {
      const g: Phaser.Game = new Phaser.Game(gameConfig(parent, new MinimalScene(objectCount), renderer, () => resolve(g)));
    });
  }
  window.__frameStage = 'booted';
  // Let the scene's create() run on Phaser's own loop, then drive frames ourselves to time each one.
  for (let i = 0; i < 5; i++) await nextFrame();
  game.loop.sleep();
  const scene = game.scene.getScenes(true)[0];
  const samples: number[] = [];
  let acc = 0;
  let time = performance.now();
  let measureFrom = Infinity;
  for (let i = 0; i < warmup + frames && performance.now() - measureFrom < budgetMs; i++) {
    if (i === warmup) measureFrom = performance.now();
    await nextFrame();
    const t0 = performance.now();
    if (run && source) {
      // The session's clock: whole engine ticks when their time has come, then the scene redraws.
      acc += FRAME_MS;
      let ticked = false;
      while (acc >= TICK_MS && run.endReason === null) {
        stepRun(run);
        acc -= TICK_MS;
        ticked = true;
      }
      if (ticked) source.notify();
    }
    time += FRAME_MS;
    game.step(time, FRAME_MS);
    const dt = performance.now() - t0;
    if (i >= warmup) samples.push(dt);
    window.__frameStage = `frame ${i}`;
  }
  const result: FrameResult = { samples, renderer: game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas', objects: scene?.children.length ?? 0, burningKW };
  game.destroy(true);
  return result;
}

measure().then(
  (r) => (window.__frameResult = r),
  (e: unknown) => (window.__frameResult = { samples: [], renderer: 'canvas', objects: 0, burningKW: 0, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
);
