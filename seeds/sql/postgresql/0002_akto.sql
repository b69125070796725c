-- Akto.Consolidation's own tables beside Orleans': API keys and the record of scheduled job runs.

-- API keys are stored as HMAC-SHA256(salt, secret); the secret itself is shown once at creation.
-- role: finance-bureau (everything), department (scope = its department code), unit (scope = its unit code).
CREATE TABLE IF NOT EXISTS akto_api_keys
(
    key_id      text        NOT NULL PRIMARY KEY,
    role        text        NOT NULL,
    scope       text,
    description text        NOT NULL DEFAULT '',
    salt        bytea       NOT NULL,
    hash        bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- One row per run of a recurring job (reconcile-consolidation, report snapshots, ...).
CREATE TABLE IF NOT EXISTS akto_job_runs
(
    run_id      bigserial   NOT NULL PRIMARY KEY,
    job_id      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    succeeded   boolean,
    checked     integer     NOT NULL DEFAULT 0,
    found       integer     NOT NULL DEFAULT 0,
    repaired    integer     NOT NULL DEFAULT 0,
    summary     text        NOT NULL DEFAULT ''
);

CREATE INDEX IF NOT EXISTS ix_akto_job_runs_job ON akto_job_runs (job_id, started_at DESC);
