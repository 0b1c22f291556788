-- Rate-limit counters that every server process shares (server/limits/RateLimits.ts), in the row layout
-- of rate-limiter-flexible's PostgreSQL limiter: key is '<limit>:<subject>', expire is epoch milliseconds
-- (double precision, so both drivers hand back a plain number). They replace the login_failures log.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire double precision NULL
);
CREATE INDEX rate_limits_expire_idx ON rate_limits (expire);

DROP TABLE login_failures;
