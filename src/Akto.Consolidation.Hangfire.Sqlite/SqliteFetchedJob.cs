using System.Globalization;
using Hangfire.Logging;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using static Akto.Consolidation.Hangfire.Sqlite.SqliteJobDatabase;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// A queue row taken by one worker: stamped with a fetch token and time, invisible to other workers while the
/// stamp is fresh. The worker renews the stamp while it runs; a worker that dies leaves it to go stale, and the
/// job is fetched again after <see cref="SqliteJobStorageOptions.InvisibilityTimeout"/>.
/// </summary>
internal sealed class SqliteFetchedJob : IFetchedJob
{
    // Looked up when needed, not in a static initializer: Hangfire's log provider is process-wide and a provider
    // that throws must not poison this type for the rest of the process.
    private static ILog Log => LogProvider.GetLogger(typeof(SqliteFetchedJob));

    private readonly SqliteJobStorage _storage;
    private readonly long _queueId;
    private readonly string _token;
    private readonly Timer _keepAlive;
    private readonly Lock _gate = new();
    private bool _done;

    private SqliteFetchedJob(SqliteJobStorage storage, long queueId, long jobId, string queue, string token)
    {
        _storage = storage;
        _queueId = queueId;
        _token = token;
        JobId = jobId.ToString(CultureInfo.InvariantCulture);
        Queue = queue;
        var period = storage.Options.InvisibilityTimeout / 5;
        _keepAlive = new Timer(_ => KeepAlive(), null, period, period);
    }

    public string JobId { get; }

    public string Queue { get; }

    /// <summary>Takes the oldest visible job of the first queue (in priority order) that has one, or null.</summary>
    public static SqliteFetchedJob? TryFetch(SqliteJobStorage storage, string[] queues)
    {
        // A read first: idle workers poll, and a poll that finds nothing should not take the write lock.
        var visibleBefore = Clock.NowMs() - (long)storage.Options.InvisibilityTimeout.TotalMilliseconds;
        if (!storage.Database.Read(connection => queues.Any(queue => Next(connection, null, queue, visibleBefore) is not null)))
        {
            return null;
        }

        var token = Guid.NewGuid().ToString("N");
        var taken = storage.Database.Write<(long QueueId, long JobId, string Queue)?>((connection, transaction) =>
        {
            foreach (var queue in queues)
            {
                if (Next(connection, transaction, queue, visibleBefore) is { } row)
                {
                    Execute(connection, transaction, "UPDATE hf_queue SET fetched_at = @now, fetch_token = @token WHERE id = @id",
                        ("now", Clock.NowMs()), ("token", token), ("id", row.QueueId));
                    return (row.QueueId, row.JobId, queue);
                }
            }

            return null;
        });

        return taken is { } job ? new SqliteFetchedJob(storage, job.QueueId, job.JobId, job.Queue, token) : null;
    }

    public void RemoveFromQueue() => Finish("DELETE FROM hf_queue WHERE id = @id AND fetch_token = @token");

    public void Requeue()
    {
        Finish("UPDATE hf_queue SET fetched_at = NULL, fetch_token = NULL WHERE id = @id AND fetch_token = @token");
        _storage.SignalJobEnqueued();
    }

    /// <summary>Neither removed nor requeued (the worker was stopped mid-job): the job goes back to its queue at once.</summary>
    public void Dispose()
    {
        bool done;
        lock (_gate)
        {
            done = _done;
        }

        if (!done)
        {
            try
            {
                Requeue();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.WarnException($"Could not requeue job {JobId}; it becomes visible again after {_storage.Options.InvisibilityTimeout}.", ex);
            }
        }

        _keepAlive.Dispose();
    }

    private void Finish(string sql)
    {
        lock (_gate)
        {
            _done = true;
        }

        _keepAlive.Change(Timeout.Infinite, Timeout.Infinite);
        _storage.Database.Write((connection, transaction) => Execute(connection, transaction, sql, ("id", _queueId), ("token", _token)));
    }

    private void KeepAlive()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }
        }

        try
        {
            _storage.Database.Write((connection, transaction) => Execute(connection, transaction,
                "UPDATE hf_queue SET fetched_at = @now WHERE id = @id AND fetch_token = @token", ("now", Clock.NowMs()), ("id", _queueId), ("token", _token)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.WarnException($"Could not renew the fetch of job {JobId}.", ex);
        }
    }

    private static (long QueueId, long JobId)? Next(SqliteConnection connection, SqliteTransaction? transaction, string queue, long visibleBefore)
    {
        using var command = Command(connection, transaction,
            "SELECT id, job_id FROM hf_queue WHERE queue = @queue AND (fetched_at IS NULL OR fetched_at < @before) ORDER BY id LIMIT 1",
            ("queue", queue), ("before", visibleBefore));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }
}
