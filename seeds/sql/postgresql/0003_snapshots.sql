-- 快照公开报表 (issue 10): immutable snapshots of the disclosure tables and their files.
-- service_id keeps deployments that share one database apart, as Orleans' own tables do.
-- A snapshot row is claimed once per cut; at most one unfinished row per cut (the partial unique index),
-- so two runs started together write one snapshot. Files are written once: (snapshot_id, path) is the key,
-- and an UPDATE of a stored file is refused by a trigger.

CREATE TABLE IF NOT EXISTS akto_snapshots
(
    snapshot_id    text        NOT NULL PRIMARY KEY,
    service_id     text        NOT NULL,
    year           integer     NOT NULL,
    scope          text        NOT NULL,
    versions       text        NOT NULL CHECK (versions IN ('approved', 'latest')),
    trigger        text        NOT NULL,
    requested_by   text        NOT NULL,
    as_of          timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    progress_done  integer     NOT NULL DEFAULT 0,
    progress_total integer     NOT NULL DEFAULT 0,
    cut_digest     text        NOT NULL,
    cut            text        NOT NULL,
    reconciliation text,
    attempts       integer     NOT NULL DEFAULT 0,
    published      boolean     NOT NULL DEFAULT false,
    published_at   timestamptz,
    completed_at   timestamptz,
    error          text
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_akto_snapshots_unfinished_cut
    ON akto_snapshots (service_id, year, scope, versions, cut_digest) WHERE status <> 'completed';

CREATE INDEX IF NOT EXISTS ix_akto_snapshots_latest
    ON akto_snapshots (service_id, year, scope, versions, completed_at DESC);

CREATE TABLE IF NOT EXISTS akto_snapshot_files
(
    snapshot_id  text    NOT NULL REFERENCES akto_snapshots (snapshot_id) ON DELETE CASCADE,
    path         text    NOT NULL,
    content_type text    NOT NULL,
    sha256       text    NOT NULL,
    bytes        integer NOT NULL,
    content      bytea   NOT NULL,
    PRIMARY KEY (snapshot_id, path)
);

CREATE OR REPLACE FUNCTION akto_snapshot_files_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'akto_snapshot_files rows are immutable';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS tr_akto_snapshot_files_immutable ON akto_snapshot_files;
CREATE TRIGGER tr_akto_snapshot_files_immutable BEFORE UPDATE ON akto_snapshot_files
    FOR EACH ROW EXECUTE FUNCTION akto_snapshot_files_immutable();
