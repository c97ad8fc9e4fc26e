-- NeuroArchive schema, version 6: one retry policy for every archive request. A staged series of an
-- individual import records its failed archive attempts and when the next one is due, as a claimed
-- series (import_batch) always has; it used to be retried in a loop inside one message delivery.
ALTER TABLE staged_series ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE staged_series ADD COLUMN next_attempt_at DATETIME(3) NULL;
CREATE INDEX ix_staged_series_status ON staged_series (status, next_attempt_at);
