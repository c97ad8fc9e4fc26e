-- NeuroArchive schema, version 5: who asked for work that waits in a queue, so that a message sent
-- again (after a restart, or when the first one was lost) still names that person and is checked
-- against that person's project permissions. NULL: the system (rows from before this version).

-- the actor (user:<login>, apikey:<key id>) who asked to archive the selected series of an import
ALTER TABLE import_request ADD COLUMN archive_actor VARCHAR(255) NULL;

-- the reviewer who released a held series
ALTER TABLE import_batch ADD COLUMN release_actor VARCHAR(255) NULL;
