using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Storage;

namespace Akto.Consolidation.Silo.Jobs;

/// <summary>One recorded run of a scheduled job.</summary>
public sealed record JobRun(
    long RunId,
    string JobId,
    DateTime StartedAt,
    DateTime? FinishedAt,
    bool? Succeeded,
    int Checked,
    int Found,
    int Repaired,
    string Summary);

/// <summary>
/// The record of scheduled job runs (<c>akto_job_runs</c>): when, whether it worked, what it found and repaired. Each
/// deployment sees its own runs (by service id) when several share one database.
/// </summary>
public sealed class JobRunLog(AktoDatabase database, AktoSettings settings)
{
    public async Task<long> StartAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection,
            "INSERT INTO akto_job_runs (service_id, job_id, started_at) VALUES (@service, @jobId, @startedAt) RETURNING run_id",
            ("service", settings.ServiceId), ("jobId", jobId), ("startedAt", DateTime.UtcNow));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task FinishAsync(long runId, bool succeeded, JobRunResult result, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection, """
            UPDATE akto_job_runs
            SET finished_at = @finishedAt, succeeded = @succeeded, checked = @checked, found = @found,
                repaired = @repaired, summary = @summary
            WHERE run_id = @runId
            """,
            ("finishedAt", DateTime.UtcNow), ("succeeded", succeeded), ("checked", result.Checked),
            ("found", result.Found), ("repaired", result.Repaired), ("summary", result.Summary), ("runId", runId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest runs, newest first; all jobs when <paramref name="jobId"/> is null.</summary>
    public async Task<IReadOnlyList<JobRun>> ListAsync(string? jobId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = database.Command(connection, """
            SELECT run_id, job_id, started_at, finished_at, succeeded, checked, found, repaired, summary
            FROM akto_job_runs
            WHERE (@jobId IS NULL OR job_id = @jobId) AND service_id = @service
            ORDER BY run_id DESC
            LIMIT @limit
            """,
            ("jobId", jobId), ("service", settings.ServiceId), ("limit", limit));
        if (database.Dialect == SqlDialect.PostgreSql)
        {
            // Npgsql cannot infer the type of a parameter compared with IS NULL only.
            ((Npgsql.NpgsqlParameter)command.Parameters[0]).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<JobRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new JobRun(
                Convert.ToInt64(reader.GetValue(0)),
                reader.GetString(1),
                Utc(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : reader.GetBoolean(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetString(8)));
        }

        return runs;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);
}
