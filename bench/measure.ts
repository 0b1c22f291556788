/** Timing helpers for benchmarks: warm up, then repeat until a minimum time has passed and report
 *  the median of the samples. Figures are printed and recorded, never asserted. */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}

/** Median milliseconds per call of `fn` over at least `minMs` of samples. */
export function timeMs(fn: () => void, minMs = 1500, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Median milliseconds per call of `a` and of `b`, sampled alternately so that a busy machine slows both
 *  alike and the ratio stays fair. */
export function timePairMs(a: () => void, b: () => void, minMs = 3000, warmup = 5): [number, number] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const start = performance.now();
  while (performance.now() - start < minMs || sa.length < 5) {
    let t0 = performance.now();
    a();
    sa.push(performance.now() - t0);
    t0 = performance.now();
    b();
    sb.push(performance.now() - t0);
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return [median(sa), median(sb)];
}

/** A figure compared with a baseline measured in the same run: ratio = value / baseline. */
export function compared(name: string, value: number, baseline: number, unit: string, note?: string): Figure {
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline), ...(note ? { note } : {}) };
}

export function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}
