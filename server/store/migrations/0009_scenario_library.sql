-- The scenario library: each scenario's working draft, its immutable submitted versions (content and
-- content hash never change once written), the one published version and its scope, and every
-- workflow transition with who, when and why. Built-in scenarios (scenarios/*.scenario.json) live
-- here too, with no owner and no scope (everyone, signed in or not, may play them).
-- Plain PostgreSQL only: the same file runs on PGlite and on a PostgreSQL server.
CREATE TABLE scenarios (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  builtin boolean NOT NULL DEFAULT false,
  -- The author who created it, and their unit then: reviewers act over the subtree holding that unit.
  owner_id uuid NULL REFERENCES users (id),
  unit_id text NULL REFERENCES units (id),
  -- The author's working copy, parsed and checked by the server; replaced on every save.
  draft jsonb NULL,
  draft_hash text NULL,
  draft_saved_at timestamptz NULL,
  published_version integer NULL,
  -- Who may play the published version: everyone under this unit. NULL: everyone (built-in only).
  scope_unit_id text NULL REFERENCES units (id),
  published_at timestamptz NULL,
  withdrawn_at timestamptz NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (builtin OR owner_id IS NOT NULL)
);
CREATE INDEX scenarios_owner_idx ON scenarios (owner_id);

CREATE TABLE scenario_versions (
  scenario_id text NOT NULL REFERENCES scenarios (id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  content_hash text NOT NULL,
  author_id uuid NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL CHECK (status IN ('submitted', 'returned', 'approved', 'published', 'superseded', 'withdrawn')),
  -- The server's ghost run at submission: the expert's and the novice's scores and end.
  ghost jsonb NULL,
  PRIMARY KEY (scenario_id, version),
  UNIQUE (scenario_id, content_hash)
);

CREATE TABLE scenario_transitions (
  id uuid PRIMARY KEY,
  scenario_id text NOT NULL REFERENCES scenarios (id),
  version integer NULL,
  action text NOT NULL CHECK (action IN ('create', 'submit', 'return', 'approve', 'publish', 'withdraw', 'comment', 'builtin')),
  from_status text NULL,
  to_status text NULL,
  actor_id uuid NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  comment text NULL,
  scope_unit_id text NULL REFERENCES units (id)
);
CREATE INDEX scenario_transitions_scenario_idx ON scenario_transitions (scenario_id, at);

-- Senior instructors given the reviewer permission (managers and admins review by their role).
CREATE TABLE scenario_reviewers (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now()
);

-- A version's content is what runs were scored against: the database itself refuses to change it.
CREATE FUNCTION scenario_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.scenario_id IS DISTINCT FROM OLD.scenario_id OR NEW.version IS DISTINCT FROM OLD.version THEN
    RAISE EXCEPTION 'scenario version %/% is immutable', OLD.scenario_id, OLD.version;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER scenario_versions_immutable BEFORE UPDATE ON scenario_versions
  FOR EACH ROW EXECUTE FUNCTION scenario_versions_immutable();
CREATE RULE scenario_versions_no_delete AS ON DELETE TO scenario_versions DO INSTEAD NOTHING;
