/** The sign-in throttle on each place its counters can live, PGlite, PostgreSQL and Redis, with two
 *  processes sharing them (PostgreSQL, Redis): concurrent attempts never pass the limit, a pair's failures do not lock the
 *  same username out from another address, waits grow after each strike, and an address has a ceiling. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { delayAfterStrike, FIRST_DELAY_S, FREE_FAILURES_PER_PAIR, LoginThrottle, MAX_ATTEMPTS_PER_ADDRESS, MAX_DELAY_S } from '../../../server/auth/loginThrottle';
import { RateLimits, type LimitBackend } from '../../../server/limits/RateLimits';
import type { SqlStore } from '../../../server/store/SqlStore';
import { pgliteBackend, postgresBackend, type Backend } from '../storeBackends';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Place {
  name: string;
  /** Two backends on the same counters, as two server processes would have. */
  open(): Promise<[LimitBackend, LimitBackend]>;
  close(): Promise<void>;
}

/** PGlite lives in one process, so its "second process" is a second throttle on the same store. */
function sqlPlace(backend: Backend, twoProcesses: boolean): Place {
  const stores: SqlStore[] = [];
  return {
    name: backend.name,
    async open() {
      const first = await backend.open();
      await first.migrate();
      const second = twoProcesses ? await backend.reopen() : first;
      stores.push(...new Set([first, second]));
      return [
        { kind: 'sql', db: first.client },
        { kind: 'sql', db: second.client },
      ];
    },
    async close() {
      for (const store of stores) await store.close();
      await backend.cleanup();
    },
  };
}

function redisPlace(): Place {
  const clients: Redis[] = [];
  return {
    name: 'Redis',
    open() {
      const a = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
      const b = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
      clients.push(a, b);
      return Promise.resolve([
        { kind: 'redis', client: a },
        { kind: 'redis', client: b },
      ]);
    },
    async close() {
      await Promise.all(clients.map((c) => c.quit()));
    },
  };
}

const places = [sqlPlace(pgliteBackend(), false), sqlPlace(postgresBackend(), true), redisPlace()];
afterAll(async () => {
  for (const place of places) await place.close();
});

describe('waits after each strike', () => {
  it('double from the first wait up to the longest', () => {
    expect([1, 2, 3, 4].map(delayAfterStrike)).toEqual([FIRST_DELAY_S, 2 * FIRST_DELAY_S, 4 * FIRST_DELAY_S, 8 * FIRST_DELAY_S]);
    expect(delayAfterStrike(40)).toBe(MAX_DELAY_S);
  });
});

describe.each(places)('the sign-in throttle on $name', (place) => {
  let throttles: [LoginThrottle, LoginThrottle];
  const prefix = `login-test-${randomUUID().slice(0, 8)}`;

  it('opens on shared counters', async () => {
    const [a, b] = await place.open();
    throttles = [new LoginThrottle(new RateLimits(a), prefix), new LoginThrottle(new RateLimits(b), prefix)];
  }, 60_000);

  it('lets exactly the free attempts through when 25 arrive at once on two processes', async () => {
    const attempts = await Promise.all(Array.from({ length: 25 }, (_, i) => throttles[i % 2]!.reserve('an.nguyen', '10.0.0.1')));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(FREE_FAILURES_PER_PAIR);
    expect(attempts.filter((a) => a.allowed && a.lastFree)).toHaveLength(1);
  });

  it('makes the pair wait after its free failures, while the owner signs in from another address', async () => {
    const [one, two] = throttles;
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) {
      const r = await one.reserve('binh.tran', '10.0.0.2');
      expect(r.allowed).toBe(true);
      await one.failed('binh.tran', '10.0.0.2', r);
    }
    const blocked = await two.reserve('binh.tran', '10.0.0.2');
    expect(blocked).toEqual({ allowed: false, retryAfterS: expect.any(Number) as number });
    if (!blocked.allowed) {
      expect(blocked.retryAfterS).toBeGreaterThan(FIRST_DELAY_S - 5);
      expect(blocked.retryAfterS).toBeLessThanOrEqual(FIRST_DELAY_S);
    }
    const owner = await two.reserve('binh.tran', '192.0.2.7');
    expect(owner.allowed).toBe(true);
    await two.succeeded('binh.tran', '192.0.2.7');
    expect((await one.reserve('binh.tran', '10.0.0.2')).allowed).toBe(false);
  });

  it('starts a pair afresh after a right password', async () => {
    const [one] = throttles;
    for (let i = 0; i < FREE_FAILURES_PER_PAIR - 1; i++) await one.failed('chi.le', '10.0.0.3', await one.reserve('chi.le', '10.0.0.3'));
    await one.reserve('chi.le', '10.0.0.3');
    await one.succeeded('chi.le', '10.0.0.3');
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) expect((await one.reserve('chi.le', '10.0.0.3')).allowed).toBe(true);
  });

  it('stops one address trying many usernames at its ceiling', async () => {
    const [one, two] = throttles;
    const answers = await Promise.all(Array.from({ length: MAX_ATTEMPTS_PER_ADDRESS + 10 }, (_, i) => (i % 2 ? one : two).reserve(`user.${i}`, '10.0.0.9')));
    expect(answers.filter((a) => a.allowed)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
    expect((await one.reserve('someone.else', '10.0.0.10')).allowed).toBe(true);
  });
});
