-- NeuroArchive schema, version 3: individual imports (NiDB's "Individual Import"): an upload or a
-- server path, unpacked into staging, parsed into subject -> study -> series for review, then the
-- selected series archived. Same rules as V1: plain types, H2 (MODE=MySQL) and MySQL/MariaDB strict.

CREATE TABLE import_request (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    status              VARCHAR(32)   NOT NULL,
    percent             INT           NOT NULL,
    message             VARCHAR(2048) NOT NULL,
    source_kind         VARCHAR(16)   NOT NULL,
    source_path         VARCHAR(1024) NULL,
    modality            VARCHAR(16)   NOT NULL,
    project             VARCHAR(64)   NULL,
    subject_criteria    VARCHAR(32)   NOT NULL,
    patient_id          VARCHAR(255)  NULL,
    study_criteria      VARCHAR(32)   NOT NULL,
    series_criteria     VARCHAR(32)   NOT NULL,
    anonymize           BOOLEAN       NOT NULL,
    alt_uids            VARCHAR(2048) NOT NULL,
    notes               VARCHAR(2048) NOT NULL,
    salt                VARCHAR(64)   NOT NULL,
    unpacked            BOOLEAN       NOT NULL,
    file_count          INT           NOT NULL,
    unreadable_count    INT           NOT NULL,
    series_selected     INT           NOT NULL,
    series_done         INT           NOT NULL,
    series_failed       INT           NOT NULL,
    parse_generation    INT           NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_import_request_created ON import_request (created_at);

-- One series found by parsing an import, with the keys it was grouped by and what it matches.
CREATE TABLE staged_series (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    import_id           BIGINT        NOT NULL,
    nonmatch            BOOLEAN       NOT NULL,
    subject_key         VARCHAR(512)  NOT NULL,
    study_key           VARCHAR(512)  NOT NULL,
    series_key          VARCHAR(512)  NOT NULL,
    patient_id          VARCHAR(255)  NOT NULL,
    patient_name        VARCHAR(255)  NOT NULL,
    sex                 VARCHAR(1)    NOT NULL,
    birth_date          DATE          NULL,
    study_instance_uid  VARCHAR(64)   NOT NULL,
    study_id            VARCHAR(64)   NOT NULL,
    study_datetime      DATETIME(3)   NULL,
    study_description   VARCHAR(255)  NOT NULL,
    series_instance_uid VARCHAR(64)   NOT NULL,
    series_num          INT           NULL,
    series_datetime     DATETIME(3)   NULL,
    description         VARCHAR(255)  NOT NULL,
    protocol            VARCHAR(255)  NOT NULL,
    modality            VARCHAR(16)   NOT NULL,
    img_rows            INT           NULL,
    img_cols            INT           NULL,
    file_count          INT           NOT NULL,
    total_bytes         BIGINT        NOT NULL,
    selected            BOOLEAN       NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    message             VARCHAR(2048) NOT NULL,
    match_subject_id    BIGINT        NULL,
    match_study_id      BIGINT        NULL,
    match_series_id     BIGINT        NULL,
    match_text          VARCHAR(255)  NOT NULL,
    archived_series_id  BIGINT        NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_staged_series_import FOREIGN KEY (import_id) REFERENCES import_request (id)
);
CREATE INDEX ix_staged_series_import ON staged_series (import_id);

-- Every file of an import's staging folder: its series, or why it could not be read.
CREATE TABLE staged_file (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    import_id           BIGINT        NOT NULL,
    series_id           BIGINT        NULL,
    relative_path       VARCHAR(1024) NOT NULL,
    file_size           BIGINT        NOT NULL,
    reason              VARCHAR(1024) NULL,
    created_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_staged_file_import FOREIGN KEY (import_id) REFERENCES import_request (id),
    CONSTRAINT fk_staged_file_series FOREIGN KEY (series_id) REFERENCES staged_series (id)
);
CREATE INDEX ix_staged_file_import ON staged_file (import_id);
CREATE INDEX ix_staged_file_series ON staged_file (series_id);

-- log lines of an individual import (parse and archive), next to those of global-import batches
ALTER TABLE import_log ADD COLUMN import_id BIGINT NULL;
CREATE INDEX ix_import_log_import ON import_log (import_id);
