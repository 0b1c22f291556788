/** Seeded pseudo-random numbers (mulberry32) whose whole state is one 32-bit integer kept in the
 *  run's state, so snapshots, forks and replays draw the same numbers; the only randomness the engine has. */

/** Turns any seed into a non-zero 32-bit starting state. */
export function seedState(seed: number): number {
  let s = (seed | 0) ^ 0x9e3779b9;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35);
  return (s ^ (s >>> 16)) | 0 || 1;
}

/** Advances the state; returns [next state, a uniform integer in [0, 2^32)]. */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [next, (t ^ (t >>> 14)) >>> 0];
}
