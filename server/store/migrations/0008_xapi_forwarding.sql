-- Forwarding to an external LRS: a statement the server generated waits (forwarded_at null) until that
-- LRS has acknowledged it; one the LRS refused for good keeps its reason and is not sent again.
ALTER TABLE xapi_statements ADD COLUMN forwarded_at timestamptz NULL;
ALTER TABLE xapi_statements ADD COLUMN forward_error text NULL;
CREATE INDEX xapi_statements_unforwarded_idx ON xapi_statements (seq) WHERE forwarded_at IS NULL AND forward_error IS NULL AND run_id IS NOT NULL;
