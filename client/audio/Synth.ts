/** Every sound the game makes, synthesised with Web Audio in code (no sample files): the station
 *  alarm, the fire's roar that follows its heat release, the breathing set's low-air whistle and the
 *  radio blip. Silent while muted or before the page has had a user gesture. */
import { useSoundStore } from '../store/soundStore';

export class Synth {
  private ctx: AudioContext | null = null;
  private master: GainNode | null = null;
  private fireGain: GainNode | null = null;
  private whistle: { osc: OscillatorNode; gain: GainNode } | null = null;
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
    // The fire: looped brown-ish noise through a low-pass filter; its gain follows the heat release.
    const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    let last = 0;
    for (let i = 0; i < data.length; i++) {
      last = (last + 0.02 * (Math.random() * 2 - 1)) / 1.02;
      data[i] = last * 3.5;
    }
    const noise = ctx.createBufferSource();
    noise.buffer = buffer;
    noise.loop = true;
    const lowpass = ctx.createBiquadFilter();
    lowpass.type = 'lowpass';
    lowpass.frequency.value = 600;
    const fireGain = ctx.createGain();
    fireGain.gain.value = 0;
    noise.connect(lowpass).connect(fireGain).connect(master);
    noise.start();
    this.ctx = ctx;
    this.master = master;
    this.fireGain = fireGain;
    return ctx;
  }

  private applyMute(muted: boolean): void {
    if (this.master && this.ctx) this.master.gain.setTargetAtTime(muted ? 0 : 0.6, this.ctx.currentTime, 0.05);
  }

  /** Call from a user gesture (a click or key) so the context may start. */
  resume(): void {
    void this.audio()?.resume();
  }

  private tone(freq: number, start: number, dur: number, type: OscillatorType, peak: number): void {
    const ctx = this.ctx;
    if (!ctx || !this.master || ctx.state !== 'running') return;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0, ctx.currentTime + start);
    gain.gain.linearRampToValueAtTime(peak, ctx.currentTime + start + 0.01);
    gain.gain.linearRampToValueAtTime(0, ctx.currentTime + start + dur);
    osc.connect(gain).connect(this.master);
    osc.start(ctx.currentTime + start);
    osc.stop(ctx.currentTime + start + dur + 0.02);
  }

  /** Station turn-out alarm: three two-tone bursts. */
  alarm(): void {
    for (let k = 0; k < 3; k++) {
      this.tone(960, k * 0.5, 0.22, 'square', 0.15);
      this.tone(720, k * 0.5 + 0.25, 0.22, 'square', 0.15);
    }
  }

  /** Radio: squelch click and a short carrier blip. */
  radio(): void {
    this.tone(1800, 0, 0.05, 'square', 0.08);
    this.tone(1200, 0.06, 0.08, 'sine', 0.1);
  }

  /** A short alert for events such as flashover or a casualty. */
  alert(): void {
    this.tone(440, 0, 0.18, 'sawtooth', 0.12);
    this.tone(330, 0.2, 0.25, 'sawtooth', 0.12);
  }

  /** Fire loudness from total heat release in kW: audible from a few kW, full at about 2 MW. */
  fire(totalKW: number): void {
    const ctx = this.ctx;
    if (!ctx || !this.fireGain) return;
    const level = Math.min(1, Math.sqrt(Math.max(0, totalKW) / 2000)) * 0.5;
    this.fireGain.gain.setTargetAtTime(level, ctx.currentTime, 0.3);
  }

  /** Breathing-set low-air whistle (a warbling high tone) on while any controlled set is in alarm. */
  airAlarm(on: boolean): void {
    const ctx = this.ctx;
    if (!ctx || !this.master) return;
    if (on && !this.whistle) {
      const osc = ctx.createOscillator();
      const lfo = ctx.createOscillator();
      const depth = ctx.createGain();
      const gain = ctx.createGain();
      osc.frequency.value = 2900;
      lfo.frequency.value = 6;
      depth.gain.value = 250;
      lfo.connect(depth).connect(osc.frequency);
      gain.gain.value = 0.05;
      osc.connect(gain).connect(this.master);
      osc.start();
      lfo.start();
      this.whistle = { osc, gain };
    } else if (!on && this.whistle) {
      this.whistle.osc.stop();
      this.whistle = null;
    }
  }

  close(): void {
    this.unsubscribe();
    this.airAlarm(false);
    void this.ctx?.close();
    this.ctx = null;
  }
}
