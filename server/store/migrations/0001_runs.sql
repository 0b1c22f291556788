-- Uploaded run records and the score the server computed by replaying them.
-- Plain PostgreSQL only: the same file runs on PGlite and on a PostgreSQL server.
CREATE TABLE runs (
  id uuid PRIMARY KEY,
  scenario_id text NOT NULL,
  scenario_version integer NOT NULL,
  record jsonb NOT NULL,
  record_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('verified', 'rejected')),
  error text NULL,
  percent real NULL,
  passed boolean NULL,
  stars integer NULL CHECK (stars BETWEEN 0 AND 3),
  result jsonb NULL,
  hash_matches boolean NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX runs_received_at_idx ON runs (received_at DESC, id);
CREATE INDEX runs_scenario_idx ON runs (scenario_id, received_at DESC);
