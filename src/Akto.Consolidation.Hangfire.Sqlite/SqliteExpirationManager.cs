using Hangfire.Logging;
using Hangfire.Server;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// Deletes what Hangfire let expire (finished jobs with their states and parameters, statistics counters,
/// sets, lists and hashes) and locks whose holder died. Runs in the Hangfire server, in batches so that one
/// run never holds SQLite's write lock for long.
/// </summary>
internal sealed class SqliteExpirationManager(SqliteJobStorage storage) : IBackgroundProcess
{
    private const int BatchSize = 1000;
    // Looked up when needed, not in a static initializer: Hangfire's log provider is process-wide and a provider
    // that throws must not poison this type for the rest of the process.
    private static ILog Log => LogProvider.GetLogger(typeof(SqliteExpirationManager));

    private static readonly string[] Tables = ["hf_job", "hf_counter", "hf_set", "hf_list", "hf_hash", "hf_lock"];

    public void Execute(BackgroundProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var removed = RemoveExpired(storage, context.StoppingToken);
        if (removed > 0)
        {
            Log.Debug($"Removed {removed} expired rows from {storage.Path}.");
        }

        context.Wait(storage.Options.ExpirationCheckInterval);
    }

    public override string ToString() => nameof(SqliteExpirationManager);

    /// <summary>One pass over every table; returns the number of rows removed.</summary>
    internal static int RemoveExpired(SqliteJobStorage storage, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var table in Tables)
        {
            int removed;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                removed = storage.Database.Write((connection, transaction) =>
                {
                    // hf_job's states and parameters go with it (ON DELETE CASCADE); its queue rows are removed here.
                    var now = Clock.NowMs();
                    if (table == "hf_job")
                    {
                        SqliteJobDatabase.Execute(connection, transaction,
                            $"DELETE FROM hf_queue WHERE job_id IN (SELECT id FROM hf_job WHERE expire_at < @now ORDER BY id LIMIT {BatchSize})", ("now", now));
                    }

                    return SqliteJobDatabase.Execute(connection, transaction,
                        $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE expire_at < @now ORDER BY rowid LIMIT {BatchSize})", ("now", now));
                });
                total += removed;
            }
            while (removed == BatchSize);
        }

        return total;
    }
}
