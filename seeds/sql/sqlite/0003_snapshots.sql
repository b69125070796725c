-- 快照公开报表 (issue 10): immutable snapshots of the disclosure tables and their files.
-- service_id keeps deployments that share one database apart. At most one unfinished row per cut
-- (partial unique index); files are written once per (snapshot_id, path) and never updated (trigger).
-- Timestamps are ISO-8601 UTC text.

CREATE TABLE IF NOT EXISTS akto_snapshots
(
    snapshot_id    TEXT    NOT NULL PRIMARY KEY,
    service_id     TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    scope          TEXT    NOT NULL,
    versions       TEXT    NOT NULL CHECK (versions IN ('approved', 'latest')),
    trigger        TEXT    NOT NULL,
    requested_by   TEXT    NOT NULL,
    as_of          TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    progress_done  INTEGER NOT NULL DEFAULT 0,
    progress_total INTEGER NOT NULL DEFAULT 0,
    cut_digest     TEXT    NOT NULL,
    cut            TEXT    NOT NULL,
    reconciliation TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    published      INTEGER NOT NULL DEFAULT 0,
    published_at   TEXT,
    completed_at   TEXT,
    error          TEXT
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_akto_snapshots_unfinished_cut
    ON akto_snapshots (service_id, year, scope, versions, cut_digest) WHERE status <> 'completed';

CREATE INDEX IF NOT EXISTS ix_akto_snapshots_latest
    ON akto_snapshots (service_id, year, scope, versions, completed_at DESC);

CREATE TABLE IF NOT EXISTS akto_snapshot_files
(
    snapshot_id  TEXT    NOT NULL REFERENCES akto_snapshots (snapshot_id) ON DELETE CASCADE,
    path         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    bytes        INTEGER NOT NULL,
    content      BLOB    NOT NULL,
    PRIMARY KEY (snapshot_id, path)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS tr_akto_snapshot_files_immutable BEFORE UPDATE ON akto_snapshot_files
BEGIN
    SELECT RAISE(ABORT, 'akto_snapshot_files rows are immutable');
END;
