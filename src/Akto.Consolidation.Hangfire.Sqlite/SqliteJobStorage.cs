using Hangfire;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.Storage;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// Hangfire storage in one SQLite file, written for this project on Microsoft.Data.Sqlite so that the process has
/// one SQLite stack (see README, Dependencies). Jobs, states, queues, recurring jobs (sets and hashes),
/// counters and locks are rows; they survive restarts, and two storages on one file (two processes, or two
/// instances in a test) exclude each other through row locks.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="IDisposable"/>: it owns no connection. Each operation opens and closes its own
/// pooled connection, so the host can dispose its services while Hangfire workers are still stopping
/// without any worker touching a closed handle.
/// </remarks>
public sealed class SqliteJobStorage : JobStorage
{
    private readonly AutoResetEvent _jobEnqueued = new(false);

    public SqliteJobStorage(string path, SqliteJobStorageOptions? options = null)
    {
        Options = options ?? new SqliteJobStorageOptions();
        Database = new SqliteJobDatabase(path, Options.BusyTimeout);
        Database.Migrate();
    }

    public SqliteJobStorageOptions Options { get; }

    /// <summary>The database file's absolute path.</summary>
    public string Path => Database.Path;

    internal SqliteJobDatabase Database { get; }

    public override IStorageConnection GetConnection() => new SqliteJobStorageConnection(this);

    public override IMonitoringApi GetMonitoringApi() => new SqliteMonitoringApi(this);

    private static readonly HashSet<string> Features = new(StringComparer.OrdinalIgnoreCase)
    {
        JobStorageFeatures.ExtendedApi,
        JobStorageFeatures.JobQueueProperty,
        JobStorageFeatures.ProcessesInsteadOfComponents,
        JobStorageFeatures.Connection.GetUtcDateTime,
        JobStorageFeatures.Connection.GetSetContains,
        JobStorageFeatures.Connection.LimitedGetSetCount,
        JobStorageFeatures.Connection.BatchedGetFirstByLowest,
    };

    public override bool HasFeature(string featureId) => Features.Contains(featureId) || base.HasFeature(featureId);

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => [new SqliteExpirationManager(this)];

    public override void WriteOptionsToLog(ILog logger)
    {
        logger.Info($"SQLite job storage {Path}: queue poll {Options.QueuePollInterval}, invisibility {Options.InvisibilityTimeout}, "
            + $"lock lifetime {Options.DistributedLockLifetime}, expiration check {Options.ExpirationCheckInterval}.");
    }

    public override string ToString() => $"SQLite job storage: {Path}";

    /// <summary>A job was queued through this instance: wake one waiting worker instead of letting it sleep out its poll interval.</summary>
    internal void SignalJobEnqueued() => _jobEnqueued.Set();

    /// <summary>Waits for a job enqueued through this instance, the poll interval, or cancellation, whichever comes first.</summary>
    internal void WaitForJob(CancellationToken cancellationToken)
    {
        WaitHandle.WaitAny([cancellationToken.WaitHandle, _jobEnqueued], Options.QueuePollInterval);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
