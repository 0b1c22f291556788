-- xAPI 1.0.3 statements: generated for verified runs and received from LRS clients. A statement is
-- immutable once stored; only `voided` changes, when a voiding statement names it.
-- Plain PostgreSQL only: the same file runs on PGlite and on a PostgreSQL server.
CREATE TABLE xapi_statements (
  seq bigserial UNIQUE,
  id uuid PRIMARY KEY,
  -- The statement as the LRS returns it (with stored, authority, version and timestamp set).
  statement jsonb NOT NULL,
  -- SHA-256 of the statement as submitted, to tell a repeat of the same statement from a conflict.
  submitted_hash text NOT NULL,
  -- Identifying key of the actor (mbox, mbox_sha1sum, openid or account) and, for a group, its members.
  agent_keys text[] NOT NULL,
  verb_id text NOT NULL,
  activity_id text NULL,
  registration uuid NULL,
  voided boolean NOT NULL DEFAULT false,
  -- Set on voiding statements: the id of the statement they void.
  voids uuid NULL,
  -- Set on statements the server generated from a run.
  run_id uuid NULL REFERENCES runs (id),
  stored timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX xapi_statements_seq_idx ON xapi_statements (seq DESC) WHERE NOT voided;
CREATE INDEX xapi_statements_verb_idx ON xapi_statements (verb_id, seq DESC);
CREATE INDEX xapi_statements_activity_idx ON xapi_statements (activity_id, seq DESC);
CREATE INDEX xapi_statements_registration_idx ON xapi_statements (registration);
CREATE INDEX xapi_statements_agent_idx ON xapi_statements USING gin (agent_keys);
CREATE INDEX xapi_statements_run_idx ON xapi_statements (run_id);
