-- Orleans 10.4.2 ADO.NET providers on PostgreSQL: grain storage, clustering and reminders.
-- Written for Akto.Consolidation from the providers' contract (see shared docs, orleans-adonet.md):
-- every provider reads "SELECT QueryKey, QueryText FROM OrleansQuery" at start-up and binds
-- parameters by name (@Name). Applied once by the silo's schema migrator (akto_schema_version).
-- Identifiers are unquoted (folded to lower case); result columns are aliased with the exact
-- names the providers read.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Grain state. Row identity: service, state name (GrainTypeString), grain id (n0, n1, string key).
-- The hashes are derived from those and kept for diagnostics only.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NOT NULL DEFAULT '',
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    payload            bytea,
    version            integer     NOT NULL,
    modified_on        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_orleans_grain_state PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Cluster membership: one version row per cluster (DeploymentId = ClusterId) plus one row per silo.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    modified_on   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL DEFAULT 0,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT pk_orleans_membership PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT pk_orleans_reminders PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

-- ---------------------------------------------------------------------------------------------
-- Grain storage (Microsoft.Orleans.Persistence.AdoNet)
-- ---------------------------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '');
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Optimistic write: with a null GrainStateVersion insert version 1 unless a row exists; with a
-- version update only the row still at that version. No row returned means a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $sql$
WITH updated AS
(
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_on = now()
    WHERE service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
      AND @GrainStateVersion IS NOT NULL
      AND version = @GrainStateVersion
    RETURNING version
),
inserted AS
(
    INSERT INTO orleans_grain_state
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''),
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clear keeps the row (so the version keeps counting), drops the payload.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $sql$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_on = now()
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Only used with DeleteStateOnClear = true (not enabled by the silo); returns a version that
-- differs from the grain's so the provider sees success.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $sql$
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion";
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ---------------------------------------------------------------------------------------------
-- Clustering (Microsoft.Orleans.Clustering.AdoNet). Every change to a silo row bumps the
-- cluster's version row in the same statement, and only when the caller's version still holds.
-- ---------------------------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $sql$
WITH inserted AS
(
    INSERT INTO orleans_membership_version (deployment_id, version, modified_on)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $sql$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
       m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $sql$
WITH bumped AS
(
    UPDATE orleans_membership_version
    SET version = version + 1, modified_on = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
    RETURNING 1
),
inserted AS
(
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    WHERE EXISTS (SELECT 1 FROM bumped)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $sql$
WITH bumped AS
(
    UPDATE orleans_membership_version
    SET version = version + 1, modified_on = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
    RETURNING 1
),
updated AS
(
    UPDATE orleans_membership
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId
      AND address = @Address
      AND port = @Port
      AND generation = @Generation
      AND EXISTS (SELECT 1 FROM bumped)
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated);
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Heartbeats do not change the table version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removes silos that are Dead (SiloStatus 6) and were last alive, and started, before the cutoff.
-- The optional per-row CleanupDefunctSiloEntryKey is deliberately absent: 10.4.2 binds its
-- timestamps as DbType.DateTime, which Npgsql refuses for UTC values.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND i_am_alive_time < @IAmAliveTime
  AND start_time < @IAmAliveTime;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ---------------------------------------------------------------------------------------------
-- Reminders (Microsoft.Orleans.Reminders.AdoNet). Grain hashes are unsigned values stored as
-- signed integers; the provider picks range query 1 when the range does not wrap in signed order.
-- ---------------------------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period = EXCLUDED.period,
    grain_hash = EXCLUDED.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS "Version";
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $sql$
WITH deleted AS
(
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$sql$) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
