-- NeuroArchive schema, version 1. Written once for H2 (embedded default) and MySQL/MariaDB in
-- strict mode: plain types, AUTO_INCREMENT keys, no vendor functions.

CREATE TABLE project (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    costcenter  VARCHAR(64)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_project_costcenter UNIQUE (costcenter)
);

-- NiDB families: every new subject gets one, F####LLL named Proband-<subject UID>.
CREATE TABLE family (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    uid         VARCHAR(16)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_family_uid UNIQUE (uid)
);

CREATE TABLE subject (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    uid           VARCHAR(16)  NOT NULL,
    uid_sha1      CHAR(40)     NOT NULL,
    family_id     BIGINT       NULL,
    patient_name  VARCHAR(255) NOT NULL,
    sex           VARCHAR(1)   NOT NULL,
    birth_date    DATE         NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_subject_uid UNIQUE (uid),
    CONSTRAINT fk_subject_family FOREIGN KEY (family_id) REFERENCES family (id)
);
CREATE INDEX ix_subject_uid_sha1 ON subject (uid_sha1);

-- PatientIDs and other identifiers of a subject; sites that hash PatientIDs send SHA-1 hex of them.
CREATE TABLE subject_altuid (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    subject_id   BIGINT       NOT NULL,
    altuid       VARCHAR(255) NOT NULL,
    altuid_sha1  CHAR(40)     NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_subject_altuid UNIQUE (altuid),
    CONSTRAINT fk_altuid_subject FOREIGN KEY (subject_id) REFERENCES subject (id)
);
CREATE INDEX ix_altuid_sha1 ON subject_altuid (altuid_sha1);

CREATE TABLE enrollment (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    subject_id  BIGINT      NOT NULL,
    project_id  BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_enrollment UNIQUE (subject_id, project_id),
    CONSTRAINT fk_enrollment_subject FOREIGN KEY (subject_id) REFERENCES subject (id),
    CONSTRAINT fk_enrollment_project FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE study (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    subject_id          BIGINT       NOT NULL,
    enrollment_id       BIGINT       NOT NULL,
    study_num           INT          NOT NULL,
    modality            VARCHAR(16)  NOT NULL,
    study_datetime      DATETIME(3)  NULL,
    study_instance_uid  VARCHAR(64)  NOT NULL,
    study_id            VARCHAR(64)  NOT NULL,
    description         VARCHAR(255) NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_study_num UNIQUE (subject_id, study_num),
    CONSTRAINT fk_study_subject FOREIGN KEY (subject_id) REFERENCES subject (id),
    CONSTRAINT fk_study_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollment (id)
);
CREATE INDEX ix_study_uid ON study (study_instance_uid);
CREATE INDEX ix_study_match ON study (enrollment_id, modality, study_datetime);

CREATE TABLE series (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    study_id             BIGINT       NOT NULL,
    series_num           INT          NOT NULL,
    series_instance_uid  VARCHAR(64)  NOT NULL,
    modality             VARCHAR(16)  NOT NULL,
    description          VARCHAR(255) NOT NULL,
    protocol             VARCHAR(255) NOT NULL,
    series_datetime      DATETIME(3)  NULL,
    img_rows             INT          NULL,
    img_cols             INT          NULL,
    file_count           INT          NOT NULL,
    total_bytes          BIGINT       NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_series_num UNIQUE (study_id, series_num),
    CONSTRAINT fk_series_study FOREIGN KEY (study_id) REFERENCES study (id)
);
CREATE INDEX ix_series_uid ON series (series_instance_uid);

CREATE TABLE instance (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    series_id           BIGINT        NOT NULL,
    sop_instance_uid    VARCHAR(64)   NOT NULL,
    sop_class_uid       VARCHAR(64)   NOT NULL,
    instance_number     INT           NULL,
    file_path           VARCHAR(1024) NOT NULL,
    file_size           BIGINT        NOT NULL,
    sha256              CHAR(64)      NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_instance_sop UNIQUE (sop_instance_uid),
    CONSTRAINT fk_instance_series FOREIGN KEY (series_id) REFERENCES series (id)
);
CREATE INDEX ix_instance_sha256 ON instance (sha256);

-- One scan of incomingdir, with its counters; archive outcomes are added up from its batches.
CREATE TABLE import_scan (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    created_at        DATETIME(3) NOT NULL,
    elapsed_ms        BIGINT      NOT NULL,
    files_read        INT         NOT NULL,
    bytes_read        BIGINT      NOT NULL,
    files_quarantined INT         NOT NULL,
    files_waiting     INT         NOT NULL,
    series_queued     INT         NOT NULL,
    files_queued      INT         NOT NULL,
    completed_at      DATETIME(3) NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_import_scan_created ON import_scan (created_at);

-- A series claimed out of incomingdir and waiting for (or done with) its archive message.
CREATE TABLE import_batch (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    claim_key           VARCHAR(64)   NOT NULL,
    series_key          VARCHAR(255)  NOT NULL,
    scan_id             BIGINT        NULL,
    status              VARCHAR(32)   NOT NULL,
    file_count          INT           NOT NULL,
    subject_id          BIGINT        NULL,
    study_id            BIGINT        NULL,
    series_id           BIGINT        NULL,
    message             VARCHAR(1024) NOT NULL,
    attempts            INT           NOT NULL,
    next_attempt_at     DATETIME(3)   NULL,
    release_patient_id  VARCHAR(255)  NULL,
    release_project     VARCHAR(64)   NULL,
    files_archived      INT           NOT NULL,
    files_duplicate     INT           NOT NULL,
    files_quarantined   INT           NOT NULL,
    subject_created     BOOLEAN       NOT NULL,
    study_created       BOOLEAN       NOT NULL,
    series_created      BOOLEAN       NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_import_batch_claim UNIQUE (claim_key),
    CONSTRAINT fk_import_batch_scan FOREIGN KEY (scan_id) REFERENCES import_scan (id)
);
CREATE INDEX ix_import_batch_status ON import_batch (status, next_attempt_at);
CREATE INDEX ix_import_batch_scan ON import_batch (scan_id);

CREATE TABLE problem_file (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    original_name  VARCHAR(1024) NOT NULL,
    stored_path    VARCHAR(1024) NOT NULL,
    reason         VARCHAR(1024) NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE import_log (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    created_at   DATETIME(3)   NOT NULL,
    batch_id     BIGINT        NULL,
    outcome      VARCHAR(32)   NOT NULL,
    file_name    VARCHAR(1024) NOT NULL,
    subject_uid  VARCHAR(16)   NULL,
    study_num    INT           NULL,
    series_num   INT           NULL,
    message      VARCHAR(2048) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_import_log_created ON import_log (created_at);
CREATE INDEX ix_import_log_outcome ON import_log (outcome);

-- Rows locked (SELECT ... FOR UPDATE) to serialise the creation of records that have no parent row
-- to lock, such as a new subject: concurrent archive transactions then never race on them.
CREATE TABLE creation_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO creation_lock (name) VALUES ('subject');

INSERT INTO project (costcenter, name, created_at) VALUES ('999999', 'Generic project', CURRENT_TIMESTAMP(3));
INSERT INTO project (costcenter, name, created_at) VALUES ('888888', 'Clinical', CURRENT_TIMESTAMP(3));
