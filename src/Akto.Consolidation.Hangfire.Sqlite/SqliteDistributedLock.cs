using Hangfire.Logging;
using Hangfire.Storage;
using static Akto.Consolidation.Hangfire.Sqlite.SqliteJobDatabase;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// A row in <c>hf_lock</c> owned by a random token. Its expiry is renewed while held, so a holder that dies
/// frees the resource after <see cref="SqliteJobStorageOptions.DistributedLockLifetime"/> while a live one keeps it.
/// </summary>
internal sealed class SqliteDistributedLock : IDisposable
{
    // Looked up when needed, not in a static initializer: Hangfire's log provider is process-wide and a provider
    // that throws must not poison this type for the rest of the process.
    private static ILog Log => LogProvider.GetLogger(typeof(SqliteDistributedLock));
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(200);

    private readonly SqliteJobStorage _storage;
    private readonly string _resource;
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private readonly Timer _renewal;
    private readonly Lock _gate = new();
    private int _depth = 1;
    private bool _disposed;

    private SqliteDistributedLock(SqliteJobStorage storage, string resource)
    {
        _storage = storage;
        _resource = resource;
        var period = storage.Options.DistributedLockLifetime / 3;
        _renewal = new Timer(_ => Renew(), null, period, period);
    }

    public static SqliteDistributedLock Acquire(SqliteJobStorage storage, string resource, TimeSpan timeout)
    {
        var owner = new SqliteDistributedLock(storage, resource);
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            var delay = TimeSpan.FromMilliseconds(10);
            while (!owner.TryTake())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new DistributedLockTimeoutException(resource);
                }

                Thread.Sleep(left < delay ? left : delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }

            return owner;
        }
        catch
        {
            // Not taken (timed out, or the database failed): no renewal timer may outlive the attempt.
            owner.StopRenewal();
            throw;
        }
    }

    /// <summary>Another acquisition by the same connection.</summary>
    public void Enter()
    {
        lock (_gate)
        {
            _depth++;
        }
    }

    /// <summary>One release; true when it was the last and the lock should be given back.</summary>
    public bool Exit()
    {
        lock (_gate)
        {
            return --_depth == 0;
        }
    }

    public void Dispose()
    {
        StopRenewal();
        try
        {
            _storage.Database.Write((connection, transaction) => Execute(connection, transaction,
                "DELETE FROM hf_lock WHERE resource = @resource AND owner = @owner", ("resource", _resource), ("owner", _owner)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The row expires by itself; a failed release only delays the next holder.
            Log.WarnException($"Could not release distributed lock '{_resource}'; it expires after {_storage.Options.DistributedLockLifetime}.", ex);
        }
    }

    private bool TryTake() =>
        _storage.Database.Write((connection, transaction) =>
        {
            var now = Clock.NowMs();
            Execute(connection, transaction, "DELETE FROM hf_lock WHERE resource = @resource AND expire_at < @now", ("resource", _resource), ("now", now));
            return Execute(connection, transaction,
                "INSERT INTO hf_lock (resource, owner, expire_at) VALUES (@resource, @owner, @expire) ON CONFLICT (resource) DO NOTHING",
                ("resource", _resource), ("owner", _owner), ("expire", now + (long)_storage.Options.DistributedLockLifetime.TotalMilliseconds)) == 1;
        });

    private void Renew()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            _storage.Database.Write((connection, transaction) => Execute(connection, transaction,
                "UPDATE hf_lock SET expire_at = @expire WHERE resource = @resource AND owner = @owner",
                ("resource", _resource), ("owner", _owner), ("expire", Clock.After(_storage.Options.DistributedLockLifetime))));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.WarnException($"Could not renew distributed lock '{_resource}'.", ex);
        }
    }

    private void StopRenewal()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _renewal.Dispose();
    }
}
