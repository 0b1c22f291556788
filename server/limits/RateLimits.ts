/** Rate limits that every server process agrees on: rate-limiter-flexible counters kept in the store's
 *  rate_limits table, or in Redis when REDIS_URL is set. Each increment is one atomic statement, so
 *  concurrent requests can never slip past a limit. Holds no policy: callers name the limits. */
import type { Redis } from 'ioredis';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SqlClient } from '../store/SqlClient';

export type LimitBackend = { kind: 'sql'; db: SqlClient } | { kind: 'redis'; client: Redis };

export interface LimitSpec {
  /** Allowed within the window. */
  points: number;
  windowS: number;
}

export type Limiter = RateLimiterAbstract;

/** What rate-limiter-flexible's PostgreSQL limiter calls on a `pg` pool, over the store's own client. */
function sqlPool(db: SqlClient): { query(q: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number }> } {
  return {
    async query(q) {
      const rows = await db.query<unknown>(q.text, q.values ?? []);
      return { rows, rowCount: rows.length };
    },
  };
}

export class RateLimits {
  readonly #backend: LimitBackend;

  constructor(backend: LimitBackend) {
    this.#backend = backend;
  }

  /** A named limit; `name` prefixes its keys, so two limits never share a counter. */
  limiter(name: string, spec: LimitSpec): Limiter {
    const common = { keyPrefix: name, points: spec.points, duration: spec.windowS };
    if (this.#backend.kind === 'redis') return new RateLimiterRedis({ ...common, storeClient: this.#backend.client });
    // The table comes from migration 0010; expired rows are swept every five minutes by the library.
    return new RateLimiterPostgres({ ...common, storeClient: sqlPool(this.#backend.db), storeType: 'pool', tableName: 'rate_limits', tableCreated: true });
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when the limit is reached, and with an Error
 *  when the store fails; only the first is an answer. */
export async function tryConsume(limiter: Limiter, key: string, points = 1): Promise<{ allowed: true; res: RateLimiterRes } | { allowed: false; retryAfterS: number }> {
  try {
    return { allowed: true, res: await limiter.consume(key, points) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}
