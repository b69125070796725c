using System.Globalization;
using Akto.Consolidation.LoadDriver.Silo;
using Npgsql;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>
/// Bytes written to storage: on PostgreSQL the WAL position (<c>pg_current_wal_lsn()</c>, every change a commit makes
/// durable, the clustering heartbeats and Hangfire's polling included); on SQLite the bytes the silo process wrote to
/// disk (<c>write_bytes</c> of /proc/{pid}/io: both databases, their -wal files and checkpoints).
/// </summary>
public sealed class StorageMeter(StorageTarget storage)
{
    public string Measure => storage.IsPostgres ? "WAL bytes" : "bytes written by the silo (/proc/pid/io)";

    public async Task<long> ReadAsync(SiloProcess silo, CancellationToken cancellationToken)
    {
        if (storage.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(storage.PostgresConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        foreach (var line in await File.ReadAllLinesAsync($"/proc/{silo.Pid}/io", cancellationToken))
        {
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
            {
                return long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no write_bytes in /proc/{silo.Pid}/io");
    }

    /// <summary>Size of the embedded database files (akto.db with its -wal and -shm), for the report.</summary>
    public long SqliteFileBytes() => storage.DataDirectory is { } dir && Directory.Exists(dir)
        ? Directory.EnumerateFiles(dir, "akto.db*").Sum(f => new FileInfo(f).Length)
        : 0;
}
