-- NeuroArchive schema, version 9: a staged file of an individual import keeps the SHA-256 its parse
-- computed while it read the whole file (and checked it complete), so that archiving it reads only its
-- header again instead of every byte a second time (issue 14). Rows staged before have none: their
-- files are read completely when archived, as before.
ALTER TABLE staged_file ADD COLUMN sha256 CHAR(64) NULL;
