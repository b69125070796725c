-- Orleans 10.4.2 ADO.NET grain storage on SQLite (embedded mode; invariant "System.Data.SQLite",
-- served by Microsoft.Data.Sqlite). SQLite has no Orleans clustering or reminders provider:
-- the embedded silo uses localhost clustering. Written for Akto.Consolidation from the
-- providers' contract (see shared docs, orleans-adonet.md). Parameters are bound as @Name.
-- busy_timeout and synchronous are set per connection by the silo's data source, never here:
-- a PRAGMA inside a query text would hand its result row to the provider's reader.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         TEXT    NOT NULL,
    grain_type         TEXT    NOT NULL,
    grain_id_n0        INTEGER NOT NULL,
    grain_id_n1        INTEGER NOT NULL,
    grain_id_extension TEXT    NOT NULL DEFAULT '',
    grain_id_hash      INTEGER NOT NULL,
    grain_type_hash    INTEGER NOT NULL,
    payload            BLOB,
    version            INTEGER NOT NULL,
    modified_on        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
) WITHOUT ROWID;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '''');
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout); a plain BEGIN whose
-- lock upgrade fails would leave the pooled connection inside a transaction. Only one of the
-- two statements can return a row: the update when the grain holds a version, the insert when not.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
BEGIN IMMEDIATE;
UPDATE orleans_grain_state
SET payload = @PayloadBinary, version = version + 1, modified_on = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '''')
  AND @GrainStateVersion IS NOT NULL
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
INSERT INTO orleans_grain_state
    (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''),
       @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
COMMIT;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
BEGIN IMMEDIATE;
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_on = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
COMMIT;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
BEGIN IMMEDIATE;
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion;
COMMIT;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
