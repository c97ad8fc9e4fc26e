-- NeuroArchive schema, version 7: one retry policy and one outcome vocabulary for every archive
-- request. A staged series of an individual import records its failed archive attempts and when the
-- next one is due, as a claimed series (import_batch) always has; it used to be retried in a loop
-- inside one message delivery. Its outcome ERROR is split into the names a claimed series uses:
-- HELD (not filed as it is: identity undecided, or the person may not modify the project) and FAILED.
ALTER TABLE staged_series ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE staged_series ADD COLUMN next_attempt_at DATETIME(3) NULL;
CREATE INDEX ix_staged_series_status ON staged_series (status, next_attempt_at);

UPDATE staged_series SET status = 'HELD'
    WHERE status = 'ERROR' AND (message LIKE '%parse again with other criteria%' OR message LIKE '%may not modify%');
UPDATE staged_series SET status = 'FAILED' WHERE status = 'ERROR';
