-- Uploads are stored first and verified afterwards: a run is 'pending' from the moment the upload is
-- acknowledged until the server's replay has scored it (verified) or refused it (rejected). Pending
-- rows are what a restarted server picks up again, so an acknowledged upload is never lost.
ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check CHECK (status IN ('pending', 'verified', 'rejected'));
CREATE INDEX runs_pending_idx ON runs (received_at) WHERE status = 'pending';
