-- NeuroArchive schema, version 10: several servers (nodes) on one database, broker and data folder
-- (issue 16). Each node keeps a row of its own, written by its heartbeat; a node not seen for
-- neuroarchive.cluster.node-lost-seconds is lost, and one survivor takes over what it left (lost_at,
-- taken_over_by). The scan of incomingdir is held by one node at a time through a lease row; a scan asked
-- for on another node (a DICOM association ended there, a person pressed "scan now") is noted in it.
CREATE TABLE cluster_node (
    name              VARCHAR(64)  NOT NULL,
    instance          VARCHAR(36)  NOT NULL,
    started_at        DATETIME(3)  NOT NULL,
    last_seen         DATETIME(3)  NOT NULL,
    receiver_state    VARCHAR(16)  NOT NULL,
    receiver_objects  BIGINT       NOT NULL,
    lost_at           DATETIME(3)  NULL,
    taken_over_by     VARCHAR(64)  NULL,
    PRIMARY KEY (name)
);

CREATE TABLE scan_lease (
    name             VARCHAR(32)  NOT NULL,
    holder_node      VARCHAR(64)  NULL,
    holder_instance  VARCHAR(36)  NULL,
    expires_at       DATETIME(3)  NULL,
    waiting_files    INT          NOT NULL,
    scan_asked_at    DATETIME(3)  NULL,
    PRIMARY KEY (name)
);
INSERT INTO scan_lease (name, holder_node, holder_instance, expires_at, waiting_files, scan_asked_at)
    VALUES ('incomingdir', NULL, NULL, NULL, 0, NULL);

-- the node that archived a series (import batch or staged series), wrote a log row, or last acted on an
-- individual import (its upload or parse runs there); NULL for rows written before
ALTER TABLE import_batch ADD COLUMN node VARCHAR(64) NULL;
ALTER TABLE staged_series ADD COLUMN node VARCHAR(64) NULL;
ALTER TABLE staged_series ADD COLUMN files_archived INT NOT NULL DEFAULT 0;
ALTER TABLE import_log ADD COLUMN node VARCHAR(64) NULL;
ALTER TABLE import_request ADD COLUMN node VARCHAR(64) NULL;
CREATE INDEX ix_import_batch_node ON import_batch (node, status);
CREATE INDEX ix_staged_series_node ON staged_series (node, status);
CREATE INDEX ix_import_request_node ON import_request (node, status);

-- several nodes starting together on a new database create the first administrator once (InitialAdmin)
INSERT INTO creation_lock (name) VALUES ('initial-admin');
