-- NeuroArchive schema, version 11: the mark of each transaction that moves files (issue 17). Written in the
-- transaction, it exists afterwards if and only if the database committed it; the files follow what the
-- mark shows, not only what the transaction manager reported (a one-phase commit whose connection was lost
-- can be reported wrongly). Removed once the files followed; left-overs of a crash at the next start.
CREATE TABLE commit_mark (
    id          VARCHAR(36)  NOT NULL,
    node        VARCHAR(64)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_commit_mark_created ON commit_mark (created_at);
