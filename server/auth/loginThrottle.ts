/** Sign-in throttling on shared, atomic counters (server/limits). Each attempt reserves a slot before
 *  the password is hashed, so a flood costs no Argon2 time and concurrent guesses cannot pass the limit.
 *  Failures count per username and address pair, so others cannot lock the owner out: after a few free
 *  failures the pair waits, and each further failure doubles the wait. An address also has a ceiling
 *  over all usernames. It never reads or writes accounts. */
import type { RateLimits} from '../limits/RateLimits';
import { tryConsume, type Limiter } from '../limits/RateLimits';

/** Typos a person makes before a pair has to wait. */
export const FREE_FAILURES_PER_PAIR = 5;
export const PAIR_WINDOW_S = 15 * 60;
/** The first wait after the free failures; each further failure doubles it, up to MAX_DELAY_S. */
export const FIRST_DELAY_S = 60;
export const MAX_DELAY_S = 60 * 60;
/** How long a pair's strikes are remembered. */
export const STRIKE_MEMORY_S = 24 * 60 * 60;
/** Per address over all usernames: a shared station computer signs in many people. */
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
export const ADDRESS_WINDOW_S = 15 * 60;

export type Reservation = { allowed: true; lastFree: boolean } | { allowed: false; retryAfterS: number };

export function delayAfterStrike(strike: number): number {
  return Math.min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** Math.max(0, strike - 1));
}

export class LoginThrottle {
  readonly #pair: Limiter;
  readonly #strikes: Limiter;
  readonly #address: Limiter;

  /** `prefix` separates throttles that must not share counters (sign-in, xAPI credentials). */
  constructor(limits: RateLimits, prefix = 'login') {
    this.#pair = limits.limiter(`${prefix}-pair`, { points: FREE_FAILURES_PER_PAIR, windowS: PAIR_WINDOW_S });
    this.#strikes = limits.limiter(`${prefix}-strike`, { points: 1_000_000, windowS: STRIKE_MEMORY_S });
    this.#address = limits.limiter(`${prefix}-addr`, { points: MAX_ATTEMPTS_PER_ADDRESS, windowS: ADDRESS_WINDOW_S });
  }

  static pairKey(username: string, address: string): string {
    return `${username.toLowerCase()}|${address}`;
  }

  /** Takes one attempt from the pair and from the address; refused attempts take nothing. */
  async reserve(username: string, address: string): Promise<Reservation> {
    const pair = await tryConsume(this.#pair, LoginThrottle.pairKey(username, address));
    if (!pair.allowed) return pair;
    const byAddress = await tryConsume(this.#address, address);
    if (!byAddress.allowed) {
      await this.#pair.reward(LoginThrottle.pairKey(username, address), 1);
      return byAddress;
    }
    return { allowed: true, lastFree: pair.res.remainingPoints === 0 };
  }

  /** A right password: the pair starts afresh and the address gets its attempt back. */
  async succeeded(username: string, address: string): Promise<void> {
    const key = LoginThrottle.pairKey(username, address);
    await Promise.all([this.#pair.delete(key), this.#strikes.delete(key), this.#address.reward(address, 1)]);
  }

  /** A wrong password: once the free failures are used up, the pair waits, longer after each strike. */
  async failed(username: string, address: string, reservation: Reservation): Promise<void> {
    const key = LoginThrottle.pairKey(username, address);
    const struck = await this.#strikes.get(key);
    if (!(reservation.allowed && reservation.lastFree) && (struck?.consumedPoints ?? 0) === 0) return;
    const strike = await this.#strikes.consume(key);
    await this.#pair.block(key, delayAfterStrike(strike.consumedPoints));
  }
}
