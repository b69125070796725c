-- Akto.Consolidation's own tables beside Orleans': API keys and the record of scheduled job runs.
-- Timestamps are ISO-8601 UTC text.

CREATE TABLE IF NOT EXISTS akto_api_keys
(
    key_id      TEXT NOT NULL PRIMARY KEY,
    role        TEXT NOT NULL,
    scope       TEXT,
    description TEXT NOT NULL DEFAULT '',
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    revoked_at  TEXT
);

CREATE TABLE IF NOT EXISTS akto_job_runs
(
    run_id      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    job_id      TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    succeeded   INTEGER,
    checked     INTEGER NOT NULL DEFAULT 0,
    found       INTEGER NOT NULL DEFAULT 0,
    repaired    INTEGER NOT NULL DEFAULT 0,
    summary     TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX IF NOT EXISTS ix_akto_job_runs_job ON akto_job_runs (job_id, started_at DESC);
