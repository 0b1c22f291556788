-- Scenarios that instructors assign to a unit (everyone in it) or to one person, with a due date.
CREATE TABLE assignments (
  id uuid PRIMARY KEY,
  scenario_id text NOT NULL,
  unit_id text NULL REFERENCES units (id),
  user_id uuid NULL REFERENCES users (id),
  due_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK ((unit_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX assignments_unit_idx ON assignments (unit_id);
CREATE INDEX assignments_user_idx ON assignments (user_id);
