/** The colours of the heat and smoke fields: one ramp whose lightness only rises with heat, and neutral
 *  greys for smoke, so both read the same whatever the eye's colour vision. Pure functions; no Phaser. */

export type Rgba = readonly [number, number, number, number];

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Stops of a sequential ramp whose lightness only ever rises (the 'inferno' map): hotter always reads
 *  brighter, whatever the eye's colour vision (tests/client/game/palette.test.ts checks it with a simulator). */
const HEAT_RAMP: readonly (readonly [number, number, number])[] = [
  [40, 24, 120],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];

/** The heat ramp's colour at t in [0, 1]. */
export function heatRamp(t: number): [number, number, number] {
  const x = clamp01(t) * (HEAT_RAMP.length - 1);
  const k = Math.min(HEAT_RAMP.length - 2, Math.floor(x));
  const u = x - k;
  const a = HEAT_RAMP[k] ?? [0, 0, 0];
  const b = HEAT_RAMP[k + 1] ?? a;
  return [Math.round(a[0] + (b[0] - a[0]) * u), Math.round(a[1] + (b[1] - a[1]) * u), Math.round(a[2] + (b[2] - a[2]) * u)];
}

/** Hot gas in tenths of a degree: invisible below 60 °C, then deep purple through red and orange to pale
 *  yellow at 900 °C. */
export function heatColour(deciC: number): Rgba {
  const t = clamp01((deciC - 600) / 8400);
  if (t <= 0) return [0, 0, 0, 0];
  const [r, g, b] = heatRamp(t);
  // Room-filling hot gas stays a light wash so the plan and items read through it; flames go opaque.
  const alpha = t < 0.5 ? 0.12 + t * 1.1 : 0.67 + (t - 0.5) * 0.66;
  return [r, g, b, Math.round(255 * clamp01(alpha))];
}

/** Smoke density 0-1000 as translucent charcoal; never fully opaque so the plan stays readable. */
export function smokeColour(density: number): Rgba {
  return [45, 45, 52, Math.round(200 * clamp01(density / 1000))];
}
