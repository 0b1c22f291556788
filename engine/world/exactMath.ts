/** Square and cube roots from + - * / only. Math.sqrt is exact in IEEE 754 but Math.cbrt and pow
 *  are not specified to be, so the simulation uses these to stay bit-identical across engines. */

/** Newton's method for sqrt(x), x >= 0, to full double precision. */
export function sqrt(x: number): number {
  if (x <= 0) return 0;
  let r = x >= 1 ? x / 2 + 0.5 : (x + 1) / 2;
  for (let i = 0; i < 64; i++) {
    const next = (r + x / r) / 2;
    if (next >= r) break;
    r = next;
  }
  return r;
}

/** Newton's method for the real cube root of x >= 0. */
export function cbrt(x: number): number {
  if (x <= 0) return 0;
  let r = x >= 1 ? x / 3 + 1 : 1;
  for (let i = 0; i < 200; i++) {
    const next = (2 * r + x / (r * r)) / 3;
    if (next >= r) break;
    r = next;
  }
  return r;
}
