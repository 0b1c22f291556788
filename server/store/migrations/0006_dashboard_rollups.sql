-- Rollups the dashboard reads instead of unnesting every run's result JSON: per UTC month and day, unit
-- and scenario (runs, passes, percent sums) and per criterion; per person and scenario, when they last
-- attempted and last passed, for the compliance matrix. Kept by statement triggers on runs, which
-- see every way a run arrives (uploads, the demo seed, bulk loads) without the insert path knowing.
-- A run's score counts once, when it becomes verified: inserted so, or updated to it from another
-- status. Runs are never deleted and never leave 'verified', so the triggers only add, never subtract.
-- Plain PostgreSQL 15+ (NULLS NOT DISTINCT): the same file runs on PGlite and on a PostgreSQL server.

CREATE TABLE run_monthly (
  -- Start of the UTC month (or, in run_daily, day) the run arrived in.
  period timestamptz NOT NULL,
  unit_id text NULL,
  scenario_id text NOT NULL,
  runs bigint NOT NULL,
  passed bigint NOT NULL,
  -- Summed as double precision, as avg(real) accumulates, so averages match the raw query.
  percent_sum double precision NOT NULL,
  percent_count bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (unit_id, period, scenario_id)
);
CREATE TABLE run_criterion_monthly (
  period timestamptz NOT NULL,
  unit_id text NULL,
  scenario_id text NOT NULL,
  -- As the result JSON names them, so a criterion that changed competency between scenario
  -- versions stays apart exactly as grouping the JSON would keep it.
  criterion_id text NULL,
  competency text NULL,
  total bigint NOT NULL,
  passed bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (unit_id, period, scenario_id, criterion_id, competency)
);

-- The same sums per UTC day, for the whole days at the ends of a period that does not start and end
-- on month boundaries; the partial days left over are read from runs.
CREATE TABLE run_daily (
  period timestamptz NOT NULL,
  unit_id text NULL,
  scenario_id text NOT NULL,
  runs bigint NOT NULL,
  passed bigint NOT NULL,
  -- Summed as double precision, as avg(real) accumulates, so averages match the raw query.
  percent_sum double precision NOT NULL,
  percent_count bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (unit_id, period, scenario_id)
);
CREATE INDEX run_daily_period_idx ON run_daily (period);
CREATE TABLE run_criterion_daily (
  period timestamptz NOT NULL,
  unit_id text NULL,
  scenario_id text NOT NULL,
  criterion_id text NULL,
  competency text NULL,
  total bigint NOT NULL,
  passed bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (unit_id, period, scenario_id, criterion_id, competency)
);
CREATE INDEX run_criterion_daily_period_idx ON run_criterion_daily (period);

-- Any status counts as an attempt (as the assignment progress query counts them); only a verified
-- passing run counts as a pass.
CREATE TABLE person_scenario_progress (
  owner_id uuid NOT NULL,
  scenario_id text NOT NULL,
  last_attempt_at timestamptz NOT NULL,
  last_pass_at timestamptz NULL,
  PRIMARY KEY (owner_id, scenario_id)
);

-- Rows are upserted in key order so that concurrent uploads lock shared rollup rows in one order.
CREATE FUNCTION dashboard_add_verified(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO run_monthly AS m (period, unit_id, scenario_id, runs, passed, percent_sum, percent_count)
  SELECT date_trunc('month', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.unit_id, r.scenario_id,
    count(*), count(*) FILTER (WHERE r.passed), coalesce(sum(r.percent::float8), 0), count(r.percent)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id
  GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (unit_id, period, scenario_id) DO UPDATE SET
    runs = m.runs + EXCLUDED.runs, passed = m.passed + EXCLUDED.passed,
    percent_sum = m.percent_sum + EXCLUDED.percent_sum, percent_count = m.percent_count + EXCLUDED.percent_count;

  INSERT INTO run_criterion_monthly AS m (period, unit_id, scenario_id, criterion_id, competency, total, passed)
  SELECT date_trunc('month', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.unit_id, r.scenario_id, c->>'id', c->>'competency',
    count(*), count(*) FILTER (WHERE (c->>'passed')::boolean)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 3, 4, 5
  ON CONFLICT (unit_id, period, scenario_id, criterion_id, competency) DO UPDATE SET
    total = m.total + EXCLUDED.total, passed = m.passed + EXCLUDED.passed;

  INSERT INTO run_daily AS m (period, unit_id, scenario_id, runs, passed, percent_sum, percent_count)
  SELECT date_trunc('day', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.unit_id, r.scenario_id,
    count(*), count(*) FILTER (WHERE r.passed), coalesce(sum(r.percent::float8), 0), count(r.percent)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id
  GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
  ON CONFLICT (unit_id, period, scenario_id) DO UPDATE SET
    runs = m.runs + EXCLUDED.runs, passed = m.passed + EXCLUDED.passed,
    percent_sum = m.percent_sum + EXCLUDED.percent_sum, percent_count = m.percent_count + EXCLUDED.percent_count;

  INSERT INTO run_criterion_daily AS m (period, unit_id, scenario_id, criterion_id, competency, total, passed)
  SELECT date_trunc('day', r.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', r.unit_id, r.scenario_id, c->>'id', c->>'competency',
    count(*), count(*) FILTER (WHERE (c->>'passed')::boolean)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id CROSS JOIN LATERAL jsonb_array_elements(r.result->'criteria') c
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 3, 4, 5
  ON CONFLICT (unit_id, period, scenario_id, criterion_id, competency) DO UPDATE SET
    total = m.total + EXCLUDED.total, passed = m.passed + EXCLUDED.passed;

  INSERT INTO person_scenario_progress AS p (owner_id, scenario_id, last_attempt_at, last_pass_at)
  SELECT r.owner_id, r.scenario_id, max(r.received_at), max(r.received_at) FILTER (WHERE r.passed)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id
  WHERE r.owner_id IS NOT NULL
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (owner_id, scenario_id) DO UPDATE SET
    last_attempt_at = greatest(p.last_attempt_at, EXCLUDED.last_attempt_at),
    last_pass_at = greatest(p.last_pass_at, EXCLUDED.last_pass_at);
$$;

CREATE FUNCTION dashboard_add_attempts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO person_scenario_progress AS p (owner_id, scenario_id, last_attempt_at)
  SELECT r.owner_id, r.scenario_id, max(r.received_at)
  FROM unnest(ids) AS i(id) JOIN runs r ON r.id = i.id
  WHERE r.owner_id IS NOT NULL
  GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (owner_id, scenario_id) DO UPDATE SET last_attempt_at = greatest(p.last_attempt_at, EXCLUDED.last_attempt_at);
$$;

-- Statement triggers with transition tables: a bulk INSERT ... SELECT upserts each rollup row once.
-- PostgreSQL allows transition tables only on single-event triggers without a column list, hence
-- two triggers and a status comparison instead of UPDATE OF status.
CREATE FUNCTION runs_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_add_attempts(ARRAY(SELECT id FROM inserted_runs WHERE status <> 'verified'));
  PERFORM dashboard_add_verified(ARRAY(SELECT id FROM inserted_runs WHERE status = 'verified'));
  RETURN NULL;
END
$$;

CREATE FUNCTION runs_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_add_verified(ARRAY(
    SELECT n.id FROM updated_new n JOIN updated_old o ON o.id = n.id
    WHERE n.status = 'verified' AND o.status IS DISTINCT FROM 'verified'));
  RETURN NULL;
END
$$;

CREATE TRIGGER runs_rollup_insert AFTER INSERT ON runs
  REFERENCING NEW TABLE AS inserted_runs
  FOR EACH STATEMENT EXECUTE FUNCTION runs_rollup_inserted();

CREATE TRIGGER runs_rollup_update AFTER UPDATE ON runs
  REFERENCING OLD TABLE AS updated_old NEW TABLE AS updated_new
  FOR EACH STATEMENT EXECUTE FUNCTION runs_rollup_updated();

-- History stored before this migration.
SELECT dashboard_add_attempts(ARRAY(SELECT id FROM runs WHERE status <> 'verified'));
SELECT dashboard_add_verified(ARRAY(SELECT id FROM runs WHERE status = 'verified'));
