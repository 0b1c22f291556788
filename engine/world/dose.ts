/** Fractional effective dose (FED) per second from smoke and heat: incapacitation at 1.0. Heat follows
 *  Purser's convected-heat tolerance, t = 5e7 * T^-3.4 minutes, tabulated here (no pow in the engine). */

/** [degC, FED per second], from Purser's correlation at 20 degC steps; linear in between. */
const HEAT_TABLE: readonly (readonly [number, number])[] = [
  [60, 0.00037033],
  [80, 0.00098488],
  [100, 0.00210319],
  [120, 0.00390926],
  [140, 0.00660259],
  [160, 0.01039649],
  [180, 0.01551691],
  [200, 0.02220142],
  [220, 0.03069841],
  [240, 0.04126644],
  [260, 0.05417365],
  [280, 0.06969732],
  [300, 0.08812335],
  [320, 0.10974599],
];

/** Heat dose rate per second at gas temperature `c` (degC). Below 60 degC nobody is harmed by heat;
 *  above 320 degC the last step is extended (death comes in seconds there anyway). */
export function heatDosePerSecond(c: number): number {
  const first = HEAT_TABLE[0];
  if (!first || c < first[0]) return 0;
  for (let k = 1; k < HEAT_TABLE.length; k++) {
    const hi = HEAT_TABLE[k];
    const lo = HEAT_TABLE[k - 1];
    if (hi && lo && c <= hi[0]) return lo[1] + ((c - lo[0]) * (hi[1] - lo[1])) / (hi[0] - lo[0]);
  }
  const last = HEAT_TABLE[HEAT_TABLE.length - 1] ?? [320, 0.11];
  const prev = HEAT_TABLE[HEAT_TABLE.length - 2] ?? [300, 0.088];
  return last[1] + ((c - last[0]) * (last[1] - prev[1])) / (last[0] - prev[0]);
}

/** Smoke (toxic gases, mostly CO) dose rate per second at density `smoke` (0 clear to 1000 opaque):
 *  opaque smoke incapacitates in about 90 seconds, a model choice in line with CO-dominated FED. */
export function smokeDosePerSecond(smoke: number): number {
  return smoke <= 0 ? 0 : smoke / 1000 / 90;
}

/** Visibility in metres through smoke of density 0-1000: about 30 m in clear air, under 1 m when thick. */
export function visibilityM(smoke: number): number {
  return 30 / (1 + smoke / 20);
}
