-- Organisation, accounts and sessions; runs gain the person and unit they belong to.
-- Plain PostgreSQL only: the same file runs on PGlite and on a PostgreSQL server.
CREATE TABLE units (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,64}$'),
  parent_id text NULL REFERENCES units (id),
  kind text NOT NULL CHECK (kind IN ('department', 'provincial', 'station', 'team')),
  name text NOT NULL,
  -- Materialised path of ids ending in '/', e.g. 'c07/pc07-hn/hn-cau-giay/': a subtree is a prefix.
  path text NOT NULL UNIQUE
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('trainee', 'instructor', 'manager', 'admin')),
  unit_id text NOT NULL REFERENCES units (id),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit_idx ON users (unit_id);

-- Only a hash of the session token is kept, so a leaked table cannot be replayed as cookies.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_username_idx ON login_failures (username, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

-- The owner is the signed-in uploader; unit_id is the owner's unit when the run arrived, so history
-- stays with the unit it was trained in when a person moves. Both stay NULL for anonymous uploads.
ALTER TABLE runs ADD COLUMN owner_id uuid NULL REFERENCES users (id);
ALTER TABLE runs ADD COLUMN unit_id text NULL REFERENCES units (id);
CREATE INDEX runs_owner_idx ON runs (owner_id, received_at DESC);
CREATE INDEX runs_unit_idx ON runs (unit_id, received_at DESC);
