/** Every sound the game makes, played with Web Audio from the recipes in assets/sounds/ (no recordings):
 *  the station alarm, the fire that grows with heat release, the breathing set's low-air whistle, the
 *  radio's squelch, the pump and the water. Silent while muted or before the page has had a gesture. */
import { SOUNDS } from '../game/art/assetKeys';
import { useSoundStore } from '../store/soundStore';
import { SoundRecipe, type LoopRecipe, type OneShotRecipe } from './SoundRecipe';

const sources = import.meta.glob<{ default: unknown }>('../../assets/sounds/*.json', { eager: true });

/** Recipes by key, checked against the format once. */
const RECIPES: ReadonlyMap<string, SoundRecipe> = new Map(
  Object.entries(sources).map(([path, mod]) => [path.replace(/^.*\/(sfx-[a-z0-9-]+)\.json$/, '$1'), SoundRecipe.parse(mod.default)]),
);

function recipe<K extends SoundRecipe['kind']>(key: string, kind: K): Extract<SoundRecipe, { kind: K }> | null {
  const r = RECIPES.get(key);
  return r && r.kind === kind ? (r as Extract<SoundRecipe, { kind: K }>) : null;
}

interface Loop {
  gain: GainNode;
  full: number;
}

export class Synth {
  private ctx: AudioContext | null = null;
  private master: GainNode | null = null;
  private noise: { brown: AudioBuffer; white: AudioBuffer; crackle: AudioBuffer } | null = null;
  private readonly loops = new Map<string, Loop>();
  private readonly unsubscribe: () => void;

  constructor() {
    this.unsubscribe = useSoundStore.subscribe((s) => this.applyMute(s.muted));
  }

  /** Creates the audio graph lazily: browsers only allow audio after a gesture. */
  private audio(): AudioContext | null {
    if (this.ctx) return this.ctx;
    if (typeof AudioContext === 'undefined') return null;
    const ctx = new AudioContext();
    const master = ctx.createGain();
    master.gain.value = useSoundStore.getState().muted ? 0 : 0.6;
    master.connect(ctx.destination);
    this.ctx = ctx;
    this.master = master;
    this.noise = { brown: this.buffer(ctx, 'brown'), white: this.buffer(ctx, 'white'), crackle: this.buffer(ctx, 'crackle') };
    return ctx;
  }

  /** Two seconds of noise to loop: brown (a roar), white (a hiss) or sparse clicks (a crackle). */
  private buffer(ctx: AudioContext, kind: 'brown' | 'white' | 'crackle'): AudioBuffer {
    const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    let last = 0;
    for (let i = 0; i < data.length; i++) {
      const r = Math.random() * 2 - 1;
      if (kind === 'brown') {
        last = (last + 0.02 * r) / 1.02;
        data[i] = last * 3.5;
      } else if (kind === 'white') data[i] = r * 0.5;
      else data[i] = Math.random() < 0.0012 ? r : (data[i - 1] ?? 0) * 0.8;
    }
    return buffer;
  }

  private applyMute(muted: boolean): void {
    if (this.master && this.ctx) this.master.gain.setTargetAtTime(muted ? 0 : 0.6, this.ctx.currentTime, 0.05);
  }

  /** Call from a user gesture (a click or key) so the context may start. */
  resume(): void {
    void this.audio()?.resume();
  }

  private filterNode(ctx: AudioContext, f: NonNullable<LoopRecipe['filter']>): BiquadFilterNode {
    const node = ctx.createBiquadFilter();
    node.type = f.type;
    node.frequency.value = f.frequency;
    node.Q.value = f.q;
    return node;
  }

  private play(r: OneShotRecipe | null): void {
    const ctx = this.ctx;
    const master = this.master;
    if (!r || !ctx || !master || ctx.state !== 'running' || !this.noise) return;
    const now = ctx.currentTime;
    const envelope = (gain: GainNode, start: number, dur: number, peak: number): void => {
      gain.gain.setValueAtTime(0, now + start);
      gain.gain.linearRampToValueAtTime(peak, now + start + 0.01);
      gain.gain.linearRampToValueAtTime(0, now + start + dur);
    };
    for (const t of r.tones) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = t.wave;
      osc.frequency.value = t.frequency;
      envelope(gain, t.start, t.duration, t.peak);
      osc.connect(gain).connect(master);
      osc.start(now + t.start);
      osc.stop(now + t.start + t.duration + 0.02);
    }
    for (const n of r.noise) {
      const src = ctx.createBufferSource();
      src.buffer = this.noise.white;
      const gain = ctx.createGain();
      envelope(gain, n.start, n.duration, n.peak);
      src.connect(this.filterNode(ctx, n.filter)).connect(gain).connect(master);
      src.start(now + n.start);
      src.stop(now + n.start + n.duration + 0.02);
    }
  }

  /** Sets a loop's level, 0 (silent) to 1 (full strength), starting it the first time it is heard. */
  private level(key: string, level: number): void {
    const ctx = this.ctx;
    if (!ctx || !this.master || !this.noise) return;
    let loop = this.loops.get(key);
    if (!loop) {
      if (level <= 0) return;
      const r = recipe(key, 'loop');
      if (!r) return;
      const gain = ctx.createGain();
      gain.gain.value = 0;
      gain.connect(this.master);
      const input = r.filter ? this.filterNode(ctx, r.filter) : gain;
      if (r.filter) input.connect(gain);
      if (r.source === 'tone') {
        const osc = ctx.createOscillator();
        osc.type = r.wave ?? 'sine';
        osc.frequency.value = r.frequency ?? 440;
        if (r.lfo) {
          const lfo = ctx.createOscillator();
          const depth = ctx.createGain();
          lfo.frequency.value = r.lfo.rate;
          depth.gain.value = r.lfo.depth;
          lfo.connect(depth).connect(osc.frequency);
          lfo.start();
        }
        osc.connect(input);
        osc.start();
      } else {
        const src = ctx.createBufferSource();
        src.buffer = r.source === 'brownNoise' ? this.noise.brown : this.noise.white;
        src.loop = true;
        src.connect(input);
        src.start();
      }
      if (r.crackle) {
        const crackle = ctx.createBufferSource();
        crackle.buffer = this.noise.crackle;
        crackle.loop = true;
        const cg = ctx.createGain();
        cg.gain.value = r.crackle;
        crackle.connect(cg).connect(gain);
        crackle.start();
      }
      loop = { gain, full: r.gain };
      this.loops.set(key, loop);
    }
    loop.gain.gain.setTargetAtTime(Math.max(0, Math.min(1, level)) * loop.full, ctx.currentTime, 0.3);
  }

  /** Station turn-out alarm. */
  alarm(): void {
    this.play(recipe(SOUNDS.stationAlarm, 'oneShot'));
  }

  /** Radio: squelch and the carrier. */
  radio(): void {
    this.play(recipe(SOUNDS.radio, 'oneShot'));
  }

  /** A short alert for events such as flashover or a casualty. */
  alert(): void {
    this.play(recipe(SOUNDS.alert, 'oneShot'));
  }

  /** Fire loudness from total heat release in kW: audible from a few kW, full at about 2 MW. */
  fire(totalKW: number): void {
    this.level(SOUNDS.fire, Math.sqrt(Math.max(0, totalKW) / 2000));
  }

  /** Breathing-set low-air whistle, on while the controlled crew member's set is in alarm. */
  airAlarm(on: boolean): void {
    this.level(SOUNDS.airAlarm, on ? 1 : 0);
  }

  /** The pump while a line draws water, and the water at the nozzle while anyone sprays. */
  water(pumping: boolean, spraying: boolean): void {
    this.level(SOUNDS.pump, pumping ? 1 : 0);
    this.level(SOUNDS.water, spraying ? 1 : 0);
  }

  close(): void {
    this.unsubscribe();
    for (const l of this.loops.values()) l.gain.disconnect();
    this.loops.clear();
    void this.ctx?.close();
    this.ctx = null;
  }
}
