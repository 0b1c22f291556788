/** Login throttling kept in the store, so every server process sharing a database counts the same
 *  failures: a username or a client address with too many recent failures waits before trying again.
 *  It is checked before the password is hashed, so a flood costs no Argon2 time. */
import type { AccountStore } from '../store/AccountStore';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Per account: enough for typos, far too few for guessing. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Per address: a shared station computer signs in many people. */
export const MAX_FAILURES_PER_IP = 30;

export async function loginBlocked(accounts: AccountStore, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byName, byIp] = await Promise.all([accounts.countLoginFailures(since, { username }), accounts.countLoginFailures(since, { ip })]);
  return byName >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP;
}
