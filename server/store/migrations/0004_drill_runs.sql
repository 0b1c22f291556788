-- Team drills store one run per drill: participants, roles, injects and the per-participant scores
-- the server computed by replay. NULL for solo runs. Plain PostgreSQL (PGlite and servers alike).
ALTER TABLE runs ADD COLUMN drill jsonb NULL;
