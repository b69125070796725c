using System.Data.Common;
using System.Text.Json;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Silo.Hosting;

namespace Akto.Consolidation.Silo.Storage;

/// <summary>
/// The snapshots in the deployment's database (seeds/sql/*/0003_snapshots.sql), keyed by the service id like Orleans'
/// rows. A claim runs under a lock per (year, scope, versions) — PostgreSQL's advisory transaction lock, SQLite's write
/// lock (<c>BEGIN IMMEDIATE</c>) — and the partial unique index allows one unfinished row per cut besides.
/// </summary>
public sealed class SnapshotStore(AktoDatabase database, AktoSettings settings) : ISnapshotStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SummaryColumns = """
        snapshot_id, year, scope, versions, trigger, requested_by, as_of, status, progress_done, progress_total,
        cut_digest, published, completed_at, error
        """;

    private sealed record CutJson(IReadOnlyList<CutUnit> Units, IReadOnlyList<OmittedUnit> Omitted);

    public async Task<ClaimResult> ClaimAsync(SnapshotClaim claim, CancellationToken cancellationToken)
    {
        var cut = claim.Cut;
        var scope = cut.Scope.ToString();
        var versions = cut.Versions.ToText();
        var digest = cut.Digest;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.PostgreSql)
        {
            await using var lockCommand = Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))",
                ("key", $"akto-snapshot/{settings.ServiceId}/{cut.Year}/{scope}/{versions}"));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var latest = Command(connection, transaction, """
            SELECT snapshot_id, cut_digest FROM akto_snapshots
            WHERE service_id = @service AND year = @year AND scope = @scope AND versions = @versions AND status = 'completed'
            ORDER BY completed_at DESC LIMIT 1
            """, ("service", settings.ServiceId), ("year", cut.Year), ("scope", scope), ("versions", versions)))
        await using (var reader = await latest.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken) && reader.GetString(1) == digest)
            {
                return new ClaimResult(reader.GetString(0), ClaimOutcome.Unchanged);
            }
        }

        await using (var unfinished = Command(connection, transaction, """
            SELECT snapshot_id FROM akto_snapshots
            WHERE service_id = @service AND year = @year AND scope = @scope AND versions = @versions AND cut_digest = @digest
              AND status <> 'completed'
            """, ("service", settings.ServiceId), ("year", cut.Year), ("scope", scope), ("versions", versions), ("digest", digest)))
        {
            if (await unfinished.ExecuteScalarAsync(cancellationToken) is string existing)
            {
                await transaction.CommitAsync(cancellationToken);
                return new ClaimResult(existing, ClaimOutcome.Resumed);
            }
        }

        await using (var insert = Command(connection, transaction, """
            INSERT INTO akto_snapshots
                (snapshot_id, service_id, year, scope, versions, trigger, requested_by, as_of, status, progress_total, cut_digest, cut)
            VALUES (@id, @service, @year, @scope, @versions, @trigger, @requestedBy, @asOf, 'running', @total, @digest, @cut)
            """,
            ("id", claim.NewId), ("service", settings.ServiceId), ("year", cut.Year), ("scope", scope), ("versions", versions),
            ("trigger", claim.Trigger), ("requestedBy", claim.RequestedBy), ("asOf", claim.AsOf.UtcDateTime), ("total", 0),
            ("digest", digest), ("cut", JsonSerializer.Serialize(new CutJson(cut.Units, cut.Omitted), Json))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ClaimResult(claim.NewId, ClaimOutcome.Created);
    }

    public async Task<SnapshotRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT {SummaryColumns}, cut, reconciliation, attempts FROM akto_snapshots
            WHERE service_id = @service AND snapshot_id = @id
            """, ("service", settings.ServiceId), ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var summary = ReadSummary(reader);
        var cut = JsonSerializer.Deserialize<CutJson>(reader.GetString(14), Json)!;
        var reconciliation = reader.IsDBNull(15) ? null : JsonSerializer.Deserialize<SnapshotReconciliation>(reader.GetString(15), Json);
        return new SnapshotRecord(summary, cut.Units, cut.Omitted, reconciliation, Convert.ToInt32(reader.GetValue(16)));
    }

    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(int? year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT {SummaryColumns} FROM akto_snapshots
            WHERE service_id = @service AND (@year IS NULL OR year = @year)
            ORDER BY as_of DESC, snapshot_id DESC
            """, ("service", settings.ServiceId), ("year", year));
        if (database.Dialect == SqlDialect.PostgreSql)
        {
            // Npgsql cannot infer the type of a null parameter compared with IS NULL only.
            ((Npgsql.NpgsqlParameter)command.Parameters[1]).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer;
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SnapshotSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadSummary(reader));
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredFileInfo>> ListFilesAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT f.path, f.content_type, f.sha256, f.bytes FROM akto_snapshot_files f
            JOIN akto_snapshots s ON s.snapshot_id = f.snapshot_id
            WHERE s.service_id = @service AND f.snapshot_id = @id
            ORDER BY f.path
            """, ("service", settings.ServiceId), ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<StoredFileInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new StoredFileInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3))));
        }

        return files;
    }

    public async Task<StoredFile?> ReadFileAsync(string id, string path, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT f.path, f.content_type, f.sha256, f.content FROM akto_snapshot_files f
            JOIN akto_snapshots s ON s.snapshot_id = f.snapshot_id
            WHERE s.service_id = @service AND f.snapshot_id = @id AND f.path = @path
            """, ("service", settings.ServiceId), ("id", id), ("path", path));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredFile(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3))
            : null;
    }

    public async Task<IReadOnlyDictionary<string, byte[]>> ReadFilesNamedAsync(string id, string fileName, Func<string, bool> include, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT f.path, f.content FROM akto_snapshot_files f
            JOIN akto_snapshots s ON s.snapshot_id = f.snapshot_id
            WHERE s.service_id = @service AND f.snapshot_id = @id AND f.path LIKE @pattern
            """, ("service", settings.ServiceId), ("id", id), ("pattern", "%/" + fileName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            // LIKE's '_' matches any character and SQLite's LIKE ignores case: the exact name is checked here.
            var path = reader.GetString(0);
            if (path.EndsWith("/" + fileName, StringComparison.Ordinal) && include(path))
            {
                files[path] = (byte[])reader.GetValue(1);
            }
        }

        return files;
    }

    public Task StartAttemptAsync(string id, int total, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE akto_snapshots SET status = 'running', attempts = attempts + 1, progress_total = @total, error = NULL
            WHERE snapshot_id = @id AND status <> 'completed'
            """, cancellationToken, ("total", total), ("id", id));

    public Task RecordReconciliationAsync(string id, SnapshotReconciliation reconciliation, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE akto_snapshots SET reconciliation = @reconciliation WHERE snapshot_id = @id AND status <> 'completed'",
            cancellationToken, ("reconciliation", JsonSerializer.Serialize(reconciliation, Json)), ("id", id));

    public async Task StoreAsync(string id, IReadOnlyList<SnapshotFile> files, int done, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var file in files)
        {
            // Written once: a retried run that renders a stored file again leaves the stored one as it is.
            await using var insert = Command(connection, transaction, """
                INSERT INTO akto_snapshot_files (snapshot_id, path, content_type, sha256, bytes, content)
                VALUES (@id, @path, @contentType, @sha256, @bytes, @content)
                ON CONFLICT (snapshot_id, path) DO NOTHING
                """,
                ("id", id), ("path", file.Path), ("contentType", file.ContentType), ("sha256", file.Sha256),
                ("bytes", file.Content.Length), ("content", file.Content));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var progress = Command(connection, transaction,
            "UPDATE akto_snapshots SET progress_done = @done WHERE snapshot_id = @id AND status <> 'completed'", ("done", done), ("id", id)))
        {
            await progress.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CompleteAsync(string id, IReadOnlyCollection<string> expectedPaths, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var paths = Command(connection, transaction, "SELECT path FROM akto_snapshot_files WHERE snapshot_id = @id", ("id", id)))
        await using (var reader = await paths.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }

        if (!stored.SetEquals(expectedPaths))
        {
            return false;
        }

        await using (var complete = Command(connection, transaction, """
            UPDATE akto_snapshots SET status = 'completed', completed_at = @now, progress_done = progress_total, error = NULL
            WHERE snapshot_id = @id AND status <> 'completed'
            """, ("now", DateTime.UtcNow), ("id", id)))
        {
            await complete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task FailAsync(string id, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE akto_snapshots SET status = 'failed', error = @error WHERE snapshot_id = @id AND status <> 'completed'",
            cancellationToken, ("error", error), ("id", id));

    public async Task<bool?> PublishAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var publish = Command(connection, null, """
            UPDATE akto_snapshots SET published = @published, published_at = COALESCE(published_at, @now)
            WHERE service_id = @service AND snapshot_id = @id AND status = 'completed'
            """, ("published", true), ("now", DateTime.UtcNow), ("service", settings.ServiceId), ("id", id));
        if (await publish.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            return true;
        }

        // Not published: an unknown snapshot (null), or one not completed yet (false).
        await using var exists = Command(connection, null, "SELECT 1 FROM akto_snapshots WHERE service_id = @service AND snapshot_id = @id",
            ("service", settings.ServiceId), ("id", id));
        return await exists.ExecuteScalarAsync(cancellationToken) is null ? null : false;
    }

    public async Task<int> DeleteUnpublishedAsync(string trigger, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Never the newest completed snapshot of its year, scope and versions (whatever its trigger): an unchanged cut
        // answers with that snapshot's id, so it must outlive any retention period.
        const string Expired = """
            SELECT s.snapshot_id FROM akto_snapshots s
            WHERE s.service_id = @service AND s.trigger = @trigger AND s.status = 'completed' AND s.published = @published AND s.completed_at < @before
              AND EXISTS (SELECT 1 FROM akto_snapshots n
                          WHERE n.service_id = s.service_id AND n.year = s.year AND n.scope = s.scope AND n.versions = s.versions
                            AND n.status = 'completed' AND n.completed_at > s.completed_at)
            """;
        (string, object?)[] parameters = [("service", settings.ServiceId), ("trigger", trigger), ("published", false), ("before", before.UtcDateTime)];
        // SQLite does not enforce the foreign key's cascade unless asked per connection: delete the files first.
        await using (var files = Command(connection, transaction, $"DELETE FROM akto_snapshot_files WHERE snapshot_id IN ({Expired})", parameters))
        {
            await files.ExecuteNonQueryAsync(cancellationToken);
        }

        int deleted;
        await using (var rows = Command(connection, transaction, $"DELETE FROM akto_snapshots WHERE snapshot_id IN ({Expired})", parameters))
        {
            deleted = await rows.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static SnapshotSummary ReadSummary(DbDataReader reader) => new(
        reader.GetString(0),
        Convert.ToInt32(reader.GetValue(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        Utc(reader.GetDateTime(6)),
        reader.GetString(7),
        new SnapshotProgress(Convert.ToInt32(reader.GetValue(8)), Convert.ToInt32(reader.GetValue(9))),
        reader.GetString(10),
        reader.GetBoolean(11),
        reader.IsDBNull(12) ? null : Utc(reader.GetDateTime(12)),
        reader.IsDBNull(13) ? null : reader.GetString(13));

    // SQLite hands back the stored UTC text as an unspecified time; Npgsql gives timestamptz as UTC.
    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = database.Command(connection, sql, parameters);
        command.Transaction = transaction;
        return command;
    }
}
