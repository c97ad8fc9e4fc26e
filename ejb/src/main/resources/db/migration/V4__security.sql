-- NeuroArchive schema, version 4: who may do what, and who did what. Accounts (local passwords hashed
-- with PBKDF2, or identities from OpenID Connect), API keys for institutional systems (the secret stored
-- as its SHA-256), NiDB's per-project permissions granted to an account or a key, and the append-only
-- audit trail. Same rules as V1: plain types, H2 (MODE=MySQL) and MySQL/MariaDB in strict mode.

CREATE TABLE account (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    login          VARCHAR(64)   NOT NULL,
    full_name      VARCHAR(255)  NOT NULL,
    email          VARCHAR(255)  NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    -- PBKDF2 (Jakarta Security's Pbkdf2PasswordHash format); NULL: no local password (OpenID Connect only)
    password_hash  VARCHAR(512)  NULL,
    -- comma-separated site roles: admin, importer, reviewer, viewer
    site_roles     VARCHAR(255)  NOT NULL,
    -- local: created here; oidc: created at the first single sign-on
    origin         VARCHAR(16)   NOT NULL,
    last_login_at  DATETIME(3)   NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_account_login UNIQUE (login)
);

CREATE TABLE api_key (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    -- the public part of the key (na_<key_id>_<secret>), shown in lists and the audit trail
    key_id         VARCHAR(32)   NOT NULL,
    name           VARCHAR(255)  NOT NULL,
    secret_sha256  CHAR(64)      NOT NULL,
    site_roles     VARCHAR(255)  NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    expires_at     DATETIME(3)   NULL,
    revoked_at     DATETIME(3)   NULL,
    revoked_by     VARCHAR(255)  NULL,
    last_used_at   DATETIME(3)   NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_key_key_id UNIQUE (key_id)
);

-- NiDB's project permissions, granted to an account or to an API key (exactly one of the two)
CREATE TABLE project_grant (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    account_id     BIGINT        NULL,
    api_key_id     BIGINT        NULL,
    project_id     BIGINT        NOT NULL,
    view_data      BOOLEAN       NOT NULL,
    view_phi       BOOLEAN       NOT NULL,
    modify_data    BOOLEAN       NOT NULL,
    project_admin  BOOLEAN       NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_project_grant_account UNIQUE (account_id, project_id),
    CONSTRAINT uq_project_grant_key UNIQUE (api_key_id, project_id),
    CONSTRAINT fk_project_grant_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_project_grant_key FOREIGN KEY (api_key_id) REFERENCES api_key (id),
    CONSTRAINT fk_project_grant_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_project_grant_project ON project_grant (project_id);

-- Append-only: the application inserts rows and never updates or deletes one.
CREATE TABLE audit_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    created_at      DATETIME(3)   NOT NULL,
    -- user:<login>, apikey:<key id>, peer:<AE>@<address>, system
    actor           VARCHAR(255)  NOT NULL,
    actor_kind      VARCHAR(16)   NOT NULL,
    client_address  VARCHAR(64)   NULL,
    action          VARCHAR(64)   NOT NULL,
    object_type     VARCHAR(32)   NULL,
    object_id       VARCHAR(255)  NULL,
    -- the project's cost center
    project         VARCHAR(64)   NULL,
    phi_shown       BOOLEAN       NOT NULL,
    -- allowed, refused, failed
    outcome         VARCHAR(16)   NOT NULL,
    detail          VARCHAR(1024) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_event_created ON audit_event (created_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, created_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, created_at);
CREATE INDEX ix_audit_event_project ON audit_event (project, created_at);

-- who created an individual import (the actor text, as in the audit trail)
ALTER TABLE import_request ADD COLUMN created_by VARCHAR(255) NOT NULL DEFAULT 'system';
CREATE INDEX ix_import_request_created_by ON import_request (created_by);

-- import log lines say who, and which project they concern (NULL: none yet, e.g. a problem file)
ALTER TABLE import_log ADD COLUMN actor VARCHAR(255) NOT NULL DEFAULT 'system';
ALTER TABLE import_log ADD COLUMN project_id BIGINT NULL;
CREATE INDEX ix_import_log_project ON import_log (project_id, created_at);
