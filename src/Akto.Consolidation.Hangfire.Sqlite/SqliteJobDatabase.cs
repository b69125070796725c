using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// The Hangfire database file. Every operation opens its own connection from Microsoft.Data.Sqlite's pool and
/// closes it before returning: no connection is shared between threads, and nothing here owns a native handle
/// that could be closed under a worker that is still running (the cause of the crashes of the previous storage).
/// </summary>
internal sealed class SqliteJobDatabase
{
    private const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly string _connectionPragmas;

    public SqliteJobDatabase(string path, TimeSpan busyTimeout)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(30, (int)busyTimeout.TotalSeconds * 3),
        }.ConnectionString;

        // Microsoft.Data.Sqlite has no connection-string keys for these; they are per connection.
        // WAL + synchronous=NORMAL survives a crash of the process; only a power loss can drop the last commits.
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        Path = fullPath;
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, _connectionPragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on a connection of its own (SQLite reads see the last commit, WAL lets them run beside a writer).</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a write transaction started with <c>BEGIN IMMEDIATE</c>: the write lock
    /// is taken (or waited for, up to busy_timeout) before anything is read, so two writers never deadlock by
    /// upgrading read locks, and a failure rolls back rather than leaving the connection inside a transaction.
    /// </summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = write(connection, transaction);
        transaction.Commit();
        return result;
    }

    public void Write(Action<SqliteConnection, SqliteTransaction> write) =>
        Write<bool>((connection, transaction) =>
        {
            write(connection, transaction);
            return true;
        });

    /// <summary>Creates the tables when missing; safe to run from any number of processes at once.</summary>
    public void Migrate()
    {
        using (var connection = Open())
        {
            // Persistent on the file: set once, outside any transaction.
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        Write((connection, transaction) =>
        {
            Execute(connection, transaction, Schema);
            using var version = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM hf_schema");
            var current = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (current > SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"Hangfire database {Path} has schema version {current}; this build knows {SchemaVersion}. Run a newer build.");
            }

            if (current < SchemaVersion)
            {
                using var insert = Command(connection, transaction, "INSERT INTO hf_schema (version, applied_at) VALUES (@version, @now)",
                    ("version", SchemaVersion), ("now", Clock.NowMs()));
                insert.ExecuteNonQuery();
            }
        });
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql) => Execute(connection, null, sql);

    // Times are UTC Unix milliseconds. Tables carry an hf_ prefix although the file is Hangfire's own, so a
    // reader of the file never mistakes them for the silo's.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS hf_schema (version INTEGER NOT NULL, applied_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS hf_job (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            invocation TEXT NOT NULL,
            arguments TEXT,
            created_at INTEGER NOT NULL,
            expire_at INTEGER,
            state_id INTEGER,
            state_name TEXT);
        CREATE INDEX IF NOT EXISTS ix_hf_job_state ON hf_job (state_name, id);
        CREATE INDEX IF NOT EXISTS ix_hf_job_expire ON hf_job (expire_at) WHERE expire_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS hf_job_parameter (
            job_id INTEGER NOT NULL REFERENCES hf_job (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (job_id, name));
        CREATE TABLE IF NOT EXISTS hf_state (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job_id INTEGER NOT NULL REFERENCES hf_job (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            reason TEXT,
            created_at INTEGER NOT NULL,
            data TEXT);
        CREATE INDEX IF NOT EXISTS ix_hf_state_job ON hf_state (job_id);
        CREATE TABLE IF NOT EXISTS hf_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            job_id INTEGER NOT NULL,
            fetched_at INTEGER,
            fetch_token TEXT);
        CREATE INDEX IF NOT EXISTS ix_hf_queue_fetch ON hf_queue (queue, fetched_at, id);
        CREATE TABLE IF NOT EXISTS hf_server (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            last_heartbeat INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS hf_hash (
            key TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT,
            expire_at INTEGER,
            PRIMARY KEY (key, field));
        CREATE TABLE IF NOT EXISTS hf_set (
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            score REAL NOT NULL,
            expire_at INTEGER,
            PRIMARY KEY (key, value));
        CREATE INDEX IF NOT EXISTS ix_hf_set_score ON hf_set (key, score);
        CREATE TABLE IF NOT EXISTS hf_list (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            value TEXT,
            expire_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_hf_list_key ON hf_list (key, id);
        CREATE TABLE IF NOT EXISTS hf_counter (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL,
            expire_at INTEGER);
        CREATE TABLE IF NOT EXISTS hf_lock (
            resource TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            expire_at INTEGER NOT NULL);
        """;
}

internal static class Clock
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static long Ms(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static DateTime Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    public static long After(TimeSpan span) => NowMs() + (long)span.TotalMilliseconds;
}
