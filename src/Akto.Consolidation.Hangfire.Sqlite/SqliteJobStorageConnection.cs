using System.Globalization;
using System.Text.Json;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using static Akto.Consolidation.Hangfire.Sqlite.SqliteJobDatabase;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// Hangfire's view of the storage for one unit of work. Holds no database connection of its own (each call opens
/// one), only the distributed locks it acquired, which it releases when disposed.
/// </summary>
internal sealed class SqliteJobStorageConnection(SqliteJobStorage storage) : JobStorageConnection
{
    private readonly SqliteJobDatabase _database = storage.Database;
    private readonly Dictionary<string, SqliteDistributedLock> _locks = new(StringComparer.Ordinal);
    private readonly Lock _locksGate = new();

    public override IWriteOnlyTransaction CreateWriteTransaction() => new SqliteWriteTransaction(storage);

    /// <summary>
    /// Re-entrant per connection, as Hangfire expects: a job filter may take the lock a scheduler of the same
    /// connection already holds. Exclusive between connections, threads, storages and processes.
    /// </summary>
    public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        lock (_locksGate)
        {
            if (_locks.TryGetValue(resource, out var held))
            {
                held.Enter();
                return new LockRelease(this, resource);
            }
        }

        var acquired = SqliteDistributedLock.Acquire(storage, resource, timeout);
        lock (_locksGate)
        {
            _locks[resource] = acquired;
        }

        return new LockRelease(this, resource);
    }

    private void Release(string resource)
    {
        SqliteDistributedLock? toRelease = null;
        lock (_locksGate)
        {
            if (_locks.TryGetValue(resource, out var held) && held.Exit())
            {
                _locks.Remove(resource);
                toRelease = held;
            }
        }

        toRelease?.Dispose();
    }

    public override void Dispose()
    {
        SqliteDistributedLock[] held;
        lock (_locksGate)
        {
            held = [.. _locks.Values];
            _locks.Clear();
        }

        foreach (var distributedLock in held)
        {
            distributedLock.Dispose();
        }

        base.Dispose();
    }

    public override string CreateExpiredJob(Job job, IDictionary<string, string?> parameters, DateTime createdAt, TimeSpan expireIn)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(parameters);
        var invocation = InvocationData.SerializeJob(job);
        var payload = invocation.SerializePayload(excludeArguments: true);
        var id = _database.Write((connection, transaction) =>
        {
            using var insert = Command(connection, transaction,
                "INSERT INTO hf_job (invocation, arguments, created_at, expire_at) VALUES (@invocation, @arguments, @created, @expire) RETURNING id",
                ("invocation", payload), ("arguments", invocation.Arguments), ("created", Clock.Ms(createdAt)), ("expire", Clock.Ms(createdAt) + (long)expireIn.TotalMilliseconds));
            var jobId = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            foreach (var (name, value) in parameters)
            {
                Execute(connection, transaction, "INSERT INTO hf_job_parameter (job_id, name, value) VALUES (@id, @name, @value)",
                    ("id", jobId), ("name", name), ("value", value));
            }

            return jobId;
        });
        return id.ToString(CultureInfo.InvariantCulture);
    }

    public override IFetchedJob FetchNextJob(string[] queues, CancellationToken cancellationToken)
    {
        if (queues is null || queues.Length == 0)
        {
            throw new ArgumentException("Queue array must not be empty.", nameof(queues));
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = SqliteFetchedJob.TryFetch(storage, queues);
            if (fetched is not null)
            {
                return fetched;
            }

            storage.WaitForJob(cancellationToken);
        }
    }

    public override void SetJobParameter(string id, string name, string? value)
    {
        if (!TryJobId(id, out var jobId))
        {
            return;
        }

        _database.Write((connection, transaction) => Execute(connection, transaction,
            "INSERT INTO hf_job_parameter (job_id, name, value) SELECT id, @name, @value FROM hf_job WHERE id = @id "
            + "ON CONFLICT (job_id, name) DO UPDATE SET value = excluded.value",
            ("id", jobId), ("name", name), ("value", value)));
    }

    public override string? GetJobParameter(string id, string name)
    {
        if (!TryJobId(id, out var jobId))
        {
            return null;
        }

        return _database.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT value FROM hf_job_parameter WHERE job_id = @id AND name = @name", ("id", jobId), ("name", name));
            return command.ExecuteScalar() as string;
        });
    }

    public override JobData? GetJobData(string jobId)
    {
        if (!TryJobId(jobId, out var id))
        {
            return null;
        }

        return _database.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT invocation, arguments, state_name, created_at FROM hf_job WHERE id = @id", ("id", id));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var invocation = JobPayload.Invocation(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            var data = new JobData
            {
                InvocationData = invocation,
                State = reader.IsDBNull(2) ? null : reader.GetString(2),
                CreatedAt = Clock.Utc(reader.GetInt64(3)),
                ParametersSnapshot = Parameters(connection, id),
            };
            try
            {
                data.Job = invocation.DeserializeJob();
            }
            catch (JobLoadException ex)
            {
                data.LoadException = ex;
            }

            return data;
        });
    }

    public override StateData? GetStateData(string jobId)
    {
        if (!TryJobId(jobId, out var id))
        {
            return null;
        }

        return _database.Read(connection =>
        {
            using var command = Command(connection, null,
                "SELECT s.name, s.reason, s.data FROM hf_job j JOIN hf_state s ON s.id = j.state_id WHERE j.id = @id", ("id", id));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new StateData
            {
                Name = reader.GetString(0),
                Reason = reader.IsDBNull(1) ? null : reader.GetString(1),
                Data = JobPayload.StateData(reader.IsDBNull(2) ? null : reader.GetString(2)),
            };
        });
    }

    public override void AnnounceServer(string serverId, ServerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = JsonSerializer.Serialize(new ServerData(context.WorkerCount, context.Queues ?? [], Clock.NowMs()));
        _database.Write((connection, transaction) => Execute(connection, transaction,
            "INSERT INTO hf_server (id, data, last_heartbeat) VALUES (@id, @data, @now) "
            + "ON CONFLICT (id) DO UPDATE SET data = excluded.data, last_heartbeat = excluded.last_heartbeat",
            ("id", serverId), ("data", data), ("now", Clock.NowMs())));
    }

    public override void RemoveServer(string serverId) =>
        _database.Write((connection, transaction) => Execute(connection, transaction, "DELETE FROM hf_server WHERE id = @id", ("id", serverId)));

    public override void Heartbeat(string serverId)
    {
        var updated = _database.Write((connection, transaction) => Execute(connection, transaction,
            "UPDATE hf_server SET last_heartbeat = @now WHERE id = @id", ("id", serverId), ("now", Clock.NowMs())));
        if (updated == 0)
        {
            // Hangfire re-announces a server whose row was removed as timed out.
            throw new BackgroundServerGoneException();
        }
    }

    public override int RemoveTimedOutServers(TimeSpan timeOut) =>
        _database.Write((connection, transaction) => Execute(connection, transaction,
            "DELETE FROM hf_server WHERE last_heartbeat < @before", ("before", Clock.NowMs() - (long)timeOut.TotalMilliseconds)));

    public override HashSet<string> GetAllItemsFromSet(string key) =>
        _database.Read(connection => new HashSet<string>(Strings(connection, "SELECT value FROM hf_set WHERE key = @key", ("key", key)), StringComparer.Ordinal));

    public override string? GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) =>
        GetFirstByLowestScoreFromSet(key, fromScore, toScore, 1).FirstOrDefault();

    public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return _database.Read(connection => Strings(connection,
            "SELECT value FROM hf_set WHERE key = @key AND score BETWEEN @from AND @to ORDER BY score, value LIMIT @count",
            ("key", key), ("from", fromScore), ("to", toScore), ("count", count)));
    }

    public override long GetSetCount(string key) =>
        Scalar("SELECT COUNT(*) FROM hf_set WHERE key = @key", ("key", key));

    public override long GetSetCount(IEnumerable<string> keys, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long total = 0;
        foreach (var key in keys)
        {
            total += Scalar("SELECT COUNT(*) FROM (SELECT 1 FROM hf_set WHERE key = @key LIMIT @limit)", ("key", key), ("limit", limit));
            if (total >= limit)
            {
                return limit;
            }
        }

        return total;
    }

    public override bool GetSetContains(string key, string value) =>
        Scalar("SELECT COUNT(*) FROM hf_set WHERE key = @key AND value = @value", ("key", key), ("value", value)) > 0;

    public override List<string> GetRangeFromSet(string key, int startingFrom, int endingAt) =>
        _database.Read(connection => Strings(connection,
            "SELECT value FROM hf_set WHERE key = @key ORDER BY score, value LIMIT @count OFFSET @from",
            ("key", key), ("count", endingAt - startingFrom + 1), ("from", startingFrom)));

    public override TimeSpan GetSetTtl(string key) => Ttl("SELECT MIN(expire_at) FROM hf_set WHERE key = @key", key);

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs)
    {
        using var transaction = new SqliteWriteTransaction(storage);
        transaction.SetRangeInHash(key, keyValuePairs);
        transaction.Commit();
    }

    public override Dictionary<string, string>? GetAllEntriesFromHash(string key)
    {
        var entries = _database.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT field, value FROM hf_hash WHERE key = @key", ("key", key));
            using var reader = command.ExecuteReader();
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.IsDBNull(1) ? null! : reader.GetString(1);
            }

            return result;
        });

        // Hangfire tells a missing hash from an empty one by null.
        return entries.Count == 0 ? null : entries;
    }

    public override string? GetValueFromHash(string key, string name) =>
        _database.Read(connection =>
        {
            using var command = Command(connection, null, "SELECT value FROM hf_hash WHERE key = @key AND field = @field", ("key", key), ("field", name));
            return command.ExecuteScalar() as string;
        });

    public override long GetHashCount(string key) => Scalar("SELECT COUNT(*) FROM hf_hash WHERE key = @key", ("key", key));

    public override TimeSpan GetHashTtl(string key) => Ttl("SELECT MIN(expire_at) FROM hf_hash WHERE key = @key", key);

    public override long GetListCount(string key) => Scalar("SELECT COUNT(*) FROM hf_list WHERE key = @key", ("key", key));

    public override List<string> GetAllItemsFromList(string key) =>
        _database.Read(connection => Strings(connection, "SELECT value FROM hf_list WHERE key = @key ORDER BY id DESC", ("key", key)));

    public override List<string> GetRangeFromList(string key, int startingFrom, int endingAt) =>
        _database.Read(connection => Strings(connection,
            "SELECT value FROM hf_list WHERE key = @key ORDER BY id DESC LIMIT @count OFFSET @from",
            ("key", key), ("count", endingAt - startingFrom + 1), ("from", startingFrom)));

    public override TimeSpan GetListTtl(string key) => Ttl("SELECT MIN(expire_at) FROM hf_list WHERE key = @key", key);

    public override long GetCounter(string key) => Scalar("SELECT COALESCE(SUM(value), 0) FROM hf_counter WHERE key = @key", ("key", key));

    /// <summary>The storage's clock is this machine's: the file is local.</summary>
    public override DateTime GetUtcDateTime() => DateTime.UtcNow;

    internal static bool TryJobId(string? id, out long jobId) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out jobId);

    internal static Dictionary<string, string> Parameters(SqliteConnection connection, long jobId)
    {
        using var command = Command(connection, null, "SELECT name, value FROM hf_job_parameter WHERE job_id = @id", ("id", jobId));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.IsDBNull(1) ? null! : reader.GetString(1);
        }

        return result;
    }

    private static List<string> Strings(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.IsDBNull(0) ? null! : reader.GetString(0));
        }

        return result;
    }

    private long Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        _database.Read(connection =>
        {
            using var command = Command(connection, null, sql, parameters);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });

    private TimeSpan Ttl(string sql, string key) =>
        _database.Read(connection =>
        {
            using var command = Command(connection, null, sql, ("key", key));
            var value = command.ExecuteScalar();
            // Hangfire's convention for "no expiry": minus one second.
            return value is long expireAt ? TimeSpan.FromMilliseconds(expireAt - Clock.NowMs()) : TimeSpan.FromSeconds(-1);
        });

    private sealed class LockRelease(SqliteJobStorageConnection owner, string resource) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(resource);
            }
        }
    }
}

/// <summary>What a server row holds besides its heartbeat.</summary>
internal sealed record ServerData(int WorkerCount, string[] Queues, long StartedAt);

/// <summary>How job payloads and state data are stored.</summary>
internal static class JobPayload
{
    public static InvocationData Invocation(string payload, string? arguments)
    {
        var invocation = InvocationData.DeserializePayload(payload);
        if (arguments is not null)
        {
            invocation.Arguments = arguments;
        }

        return invocation;
    }

    public static Dictionary<string, string> StateData(string? json) =>
        json is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    public static string StateData(IDictionary<string, string>? data) =>
        JsonSerializer.Serialize(data ?? new Dictionary<string, string>());
}
