using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Akto.Consolidation.Silo.Storage;

/// <summary>
/// Hands out SQLite connections that are ready for concurrent use: Microsoft.Data.Sqlite leaves
/// <c>busy_timeout</c> at 0 and <c>synchronous</c> at FULL and has no connection-string keys for them,
/// so every opened connection sets them. Orleans' ADO.NET grain storage takes this through
/// <c>AdoNetGrainStorageOptions.DataSource</c>.
/// </summary>
public sealed class SqliteDataSource(string connectionString, TimeSpan busyTimeout) : DbDataSource
{
    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new PreparedSqliteConnection(ConnectionString, busyTimeout);

    public static SqliteDataSource ForFile(string path, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        return new SqliteDataSource(builder.ConnectionString, busyTimeout);
    }

    private sealed class PreparedSqliteConnection(string connectionString, TimeSpan busyTimeout) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();

            // A pooled connection must never come back inside a transaction: if a batch failed between
            // BEGIN IMMEDIATE and COMMIT, undo it here rather than fail every later use.
            if (SQLitePCL.raw.sqlite3_get_autocommit(Handle) == 0)
            {
                Execute("ROLLBACK");
            }

            Execute($"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}");
            // WAL + NORMAL survives a process crash; only a power loss can drop the last commits.
            Execute("PRAGMA synchronous = NORMAL");
        }

        private void Execute(string sql)
        {
            using var command = CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
