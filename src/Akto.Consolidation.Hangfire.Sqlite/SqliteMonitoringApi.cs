using System.Globalization;
using System.Text.Json;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Data.Sqlite;
using static Akto.Consolidation.Hangfire.Sqlite.SqliteJobDatabase;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>What the Hangfire dashboard shows: counts, queues, servers and pages of jobs by state.</summary>
internal sealed class SqliteMonitoringApi(SqliteJobStorage storage) : JobStorageMonitor
{
    private readonly SqliteJobDatabase _database = storage.Database;

    public override IList<QueueWithTopEnqueuedJobsDto> Queues() =>
        _database.Read(connection =>
        {
            var names = new List<string>();
            using (var command = Command(connection, null, "SELECT DISTINCT queue FROM hf_queue ORDER BY queue"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }

            return (IList<QueueWithTopEnqueuedJobsDto>)names.Select(name => new QueueWithTopEnqueuedJobsDto
            {
                Name = name,
                Length = QueueCount(connection, name, fetched: false),
                Fetched = QueueCount(connection, name, fetched: true),
                FirstJobs = Enqueued(connection, name, 0, 5),
            }).ToList();
        });

    public override IList<ServerDto> Servers() =>
        _database.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT id, data, last_heartbeat FROM hf_server ORDER BY id");
            using var reader = command.ExecuteReader();
            var servers = new List<ServerDto>();
            while (reader.Read())
            {
                var data = JsonSerializer.Deserialize<ServerData>(reader.GetString(1));
                servers.Add(new ServerDto
                {
                    Name = reader.GetString(0),
                    WorkersCount = data?.WorkerCount ?? 0,
                    Queues = data?.Queues ?? [],
                    StartedAt = Clock.Utc(data?.StartedAt ?? 0),
                    Heartbeat = Clock.Utc(reader.GetInt64(2)),
                });
            }

            return (IList<ServerDto>)servers;
        });

    public override JobDetailsDto? JobDetails(string jobId)
    {
        if (!SqliteJobStorageConnection.TryJobId(jobId, out var id))
        {
            return null;
        }

        return _database.Read(connection =>
        {
            string payload;
            string? arguments;
            DateTime createdAt;
            DateTime? expireAt;
            using (var command = Command(connection, null, "SELECT invocation, arguments, created_at, expire_at FROM hf_job WHERE id = @id", ("id", id)))
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                payload = reader.GetString(0);
                arguments = reader.IsDBNull(1) ? null : reader.GetString(1);
                createdAt = Clock.Utc(reader.GetInt64(2));
                expireAt = reader.IsDBNull(3) ? null : Clock.Utc(reader.GetInt64(3));
            }

            var history = new List<StateHistoryDto>();
            using (var command = Command(connection, null, "SELECT name, reason, created_at, data FROM hf_state WHERE job_id = @id ORDER BY id DESC", ("id", id)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    history.Add(new StateHistoryDto
                    {
                        StateName = reader.GetString(0),
                        Reason = reader.IsDBNull(1) ? null : reader.GetString(1),
                        CreatedAt = Clock.Utc(reader.GetInt64(2)),
                        Data = JobPayload.StateData(reader.IsDBNull(3) ? null : reader.GetString(3)),
                    });
                }
            }

            var invocation = JobPayload.Invocation(payload, arguments);
            var details = new JobDetailsDto
            {
                InvocationData = invocation,
                CreatedAt = createdAt,
                ExpireAt = expireAt,
                Properties = SqliteJobStorageConnection.Parameters(connection, id),
                History = history,
            };
            (details.Job, details.LoadException) = Load(invocation);
            return details;
        });
    }

    public override StatisticsDto GetStatistics() =>
        _database.Read(connection =>
        {
            var byState = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var command = Command(connection, null, "SELECT state_name, COUNT(*) FROM hf_job WHERE state_name IS NOT NULL GROUP BY state_name"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    byState[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            long InState(string name) => byState.GetValueOrDefault(name);
            return new StatisticsDto
            {
                Enqueued = InState(EnqueuedState.StateName),
                Failed = InState(FailedState.StateName),
                Processing = InState(ProcessingState.StateName),
                Scheduled = InState(ScheduledState.StateName),
                Awaiting = InState(AwaitingState.StateName),
                Servers = Long(connection, "SELECT COUNT(*) FROM hf_server"),
                Queues = Long(connection, "SELECT COUNT(DISTINCT queue) FROM hf_queue"),
                Succeeded = Long(connection, "SELECT COALESCE(SUM(value), 0) FROM hf_counter WHERE key = 'stats:succeeded'"),
                Deleted = Long(connection, "SELECT COALESCE(SUM(value), 0) FROM hf_counter WHERE key = 'stats:deleted'"),
                Recurring = Long(connection, "SELECT COUNT(*) FROM hf_set WHERE key = 'recurring-jobs'"),
                Retries = Long(connection, "SELECT COUNT(*) FROM hf_set WHERE key = 'retries'"),
            };
        });

    public override JobList<EnqueuedJobDto> EnqueuedJobs(string queue, int from, int perPage) =>
        _database.Read(connection => Enqueued(connection, queue, from, perPage));

    public override JobList<FetchedJobDto> FetchedJobs(string queue, int from, int perPage) =>
        _database.Read(connection => new JobList<FetchedJobDto>(
            QueuedJobs(connection, queue, fetched: true, from, perPage).Select(row => new KeyValuePair<string, FetchedJobDto>(row.Id, new FetchedJobDto
            {
                Job = row.Job,
                LoadException = row.LoadException,
                InvocationData = row.Invocation,
                State = row.StateName,
                FetchedAt = row.FetchedAt,
            }))));

    public override JobList<ProcessingJobDto> ProcessingJobs(int from, int count) =>
        InState(ProcessingState.StateName, from, count, row => new ProcessingJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InProcessingState = true,
            ServerId = row.Data.GetValueOrDefault("ServerId") ?? row.Data.GetValueOrDefault("ServerName"),
            StartedAt = Date(row.Data, "StartedAt"),
            StateData = row.Data,
        });

    public override JobList<ScheduledJobDto> ScheduledJobs(int from, int count) =>
        InState(ScheduledState.StateName, from, count, row => new ScheduledJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InScheduledState = true,
            EnqueueAt = Date(row.Data, "EnqueueAt") ?? default,
            ScheduledAt = Date(row.Data, "ScheduledAt"),
            StateData = row.Data,
        });

    public override JobList<SucceededJobDto> SucceededJobs(int from, int count) =>
        InState(SucceededState.StateName, from, count, row => new SucceededJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InSucceededState = true,
            Result = row.Data.GetValueOrDefault("Result"),
            TotalDuration = Duration(row.Data),
            SucceededAt = Date(row.Data, "SucceededAt"),
            StateData = row.Data,
        });

    public override JobList<FailedJobDto> FailedJobs(int from, int count) =>
        InState(FailedState.StateName, from, count, row => new FailedJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InFailedState = true,
            Reason = row.Reason,
            FailedAt = Date(row.Data, "FailedAt"),
            ExceptionType = row.Data.GetValueOrDefault("ExceptionType"),
            ExceptionMessage = row.Data.GetValueOrDefault("ExceptionMessage"),
            ExceptionDetails = row.Data.GetValueOrDefault("ExceptionDetails"),
            StateData = row.Data,
        });

    public override JobList<DeletedJobDto> DeletedJobs(int from, int count) =>
        InState(DeletedState.StateName, from, count, row => new DeletedJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InDeletedState = true,
            DeletedAt = Date(row.Data, "DeletedAt"),
            StateData = row.Data,
        });

    public override JobList<AwaitingJobDto> AwaitingJobs(int from, int count) =>
        InState(AwaitingState.StateName, from, count, row => new AwaitingJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            InAwaitingState = true,
            AwaitingAt = row.StateCreatedAt,
            StateData = row.Data,
        });

    public override long ScheduledCount() => CountInState(ScheduledState.StateName);

    public override long EnqueuedCount(string queue) => _database.Read(connection => QueueCount(connection, queue, fetched: false));

    public override long FetchedCount(string queue) => _database.Read(connection => QueueCount(connection, queue, fetched: true));

    public override long FailedCount() => CountInState(FailedState.StateName);

    public override long ProcessingCount() => CountInState(ProcessingState.StateName);

    public override long AwaitingCount() => CountInState(AwaitingState.StateName);

    // The dashboard's succeeded and deleted pages list jobs by state (until they expire), so the counts do too.
    public override long SucceededListCount() => CountInState(SucceededState.StateName);

    public override long DeletedListCount() => CountInState(DeletedState.StateName);

    public override IDictionary<DateTime, long> SucceededByDatesCount() => ByDates("succeeded");

    public override IDictionary<DateTime, long> FailedByDatesCount() => ByDates("failed");

    public override IDictionary<DateTime, long> DeletedByDatesCount() => ByDates("deleted");

    public override IDictionary<DateTime, long> HourlySucceededJobs() => Hourly("succeeded");

    public override IDictionary<DateTime, long> HourlyFailedJobs() => Hourly("failed");

    public override IDictionary<DateTime, long> HourlyDeletedJobs() => Hourly("deleted");

    private sealed record JobRow(
        string Id, Job? Job, JobLoadException? LoadException, InvocationData Invocation, string? StateName, string? Reason,
        DateTime? StateCreatedAt, Dictionary<string, string> Data, DateTime? FetchedAt);

    private JobList<T> InState<T>(string stateName, int from, int count, Func<JobRow, T> map) =>
        _database.Read(connection =>
        {
            using var command = Command(connection, null, """
                SELECT j.id, j.invocation, j.arguments, s.name, s.reason, s.created_at, s.data, NULL
                FROM hf_job j LEFT JOIN hf_state s ON s.id = j.state_id
                WHERE j.state_name = @state ORDER BY j.id DESC LIMIT @count OFFSET @from
                """, ("state", stateName), ("count", count), ("from", from));
            return new JobList<T>(Rows(command).Select(row => new KeyValuePair<string, T>(row.Id, map(row))));
        });

    private static JobList<EnqueuedJobDto> Enqueued(SqliteConnection connection, string queue, int from, int count) =>
        new(QueuedJobs(connection, queue, fetched: false, from, count).Select(row => new KeyValuePair<string, EnqueuedJobDto>(row.Id, new EnqueuedJobDto
        {
            Job = row.Job,
            LoadException = row.LoadException,
            InvocationData = row.Invocation,
            State = row.StateName,
            InEnqueuedState = row.StateName == EnqueuedState.StateName,
            EnqueuedAt = row.StateName == EnqueuedState.StateName ? Date(row.Data, "EnqueuedAt") : null,
            StateData = row.Data,
        })));

    private static List<JobRow> QueuedJobs(SqliteConnection connection, string queue, bool fetched, int from, int count)
    {
        using var command = Command(connection, null, $"""
            SELECT j.id, j.invocation, j.arguments, s.name, s.reason, s.created_at, s.data, q.fetched_at
            FROM hf_queue q JOIN hf_job j ON j.id = q.job_id LEFT JOIN hf_state s ON s.id = j.state_id
            WHERE q.queue = @queue AND q.fetched_at IS {(fetched ? "NOT NULL" : "NULL")}
            ORDER BY q.id LIMIT @count OFFSET @from
            """, ("queue", queue), ("count", count), ("from", from));
        return Rows(command);
    }

    private static List<JobRow> Rows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<JobRow>();
        while (reader.Read())
        {
            var invocation = JobPayload.Invocation(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            var (job, error) = Load(invocation);
            rows.Add(new JobRow(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                job,
                error,
                invocation,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Clock.Utc(reader.GetInt64(5)),
                JobPayload.StateData(reader.IsDBNull(6) ? null : reader.GetString(6)),
                reader.IsDBNull(7) ? null : Clock.Utc(reader.GetInt64(7))));
        }

        return rows;
    }

    private static (Job? Job, JobLoadException? Error) Load(InvocationData invocation)
    {
        try
        {
            return (invocation.DeserializeJob(), null);
        }
        catch (JobLoadException ex)
        {
            return (null, ex);
        }
    }

    private long CountInState(string stateName) =>
        _database.Read(connection => Long(connection, "SELECT COUNT(*) FROM hf_job WHERE state_name = @state", ("state", stateName)));

    private static long QueueCount(SqliteConnection connection, string queue, bool fetched) =>
        Long(connection, $"SELECT COUNT(*) FROM hf_queue WHERE queue = @queue AND fetched_at IS {(fetched ? "NOT NULL" : "NULL")}", ("queue", queue));

    private static long Long(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private IDictionary<DateTime, long> ByDates(string type)
    {
        var today = DateTime.UtcNow.Date;
        var dates = Enumerable.Range(0, 7).Select(days => today.AddDays(-days)).ToList();
        return Counters(dates, date => $"stats:{type}:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }

    private IDictionary<DateTime, long> Hourly(string type)
    {
        var now = DateTime.UtcNow;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var hours = Enumerable.Range(0, 24).Select(h => hour.AddHours(-h)).ToList();
        return Counters(hours, time => $"stats:{type}:{time.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture)}");
    }

    private Dictionary<DateTime, long> Counters(List<DateTime> times, Func<DateTime, string> key) =>
        _database.Read(connection => times.ToDictionary(
            time => time,
            time => Long(connection, "SELECT COALESCE(SUM(value), 0) FROM hf_counter WHERE key = @key", ("key", key(time)))));

    private static DateTime? Date(Dictionary<string, string> data, string name) =>
        data.TryGetValue(name, out var value) ? JobHelper.DeserializeNullableDateTime(value) : null;

    private static long? Duration(Dictionary<string, string> data) =>
        data.TryGetValue("PerformanceDuration", out var performance) && data.TryGetValue("Latency", out var latency)
            ? long.Parse(performance, CultureInfo.InvariantCulture) + long.Parse(latency, CultureInfo.InvariantCulture)
            : null;
}
