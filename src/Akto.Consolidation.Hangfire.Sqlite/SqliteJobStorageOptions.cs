namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>Tuning of <see cref="SqliteJobStorage"/>; the defaults suit one embedded silo.</summary>
public sealed class SqliteJobStorageOptions
{
    /// <summary>How long an idle worker waits before looking at the queues again (a job enqueued through the same storage wakes it at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A fetched job whose worker stopped renewing it (the process died) becomes visible again after this long.
    /// A live worker renews it every fifth of this, so long jobs are never fetched twice.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A distributed lock held by a process that died is free again after this long; a live holder renews it every third.</summary>
    public TimeSpan DistributedLockLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired jobs, sets, lists, hashes and counters are deleted.</summary>
    public TimeSpan ExpirationCheckInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a connection waits for SQLite's single write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
