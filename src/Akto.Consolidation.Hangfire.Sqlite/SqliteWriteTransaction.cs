using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;
using static Akto.Consolidation.Hangfire.Sqlite.SqliteJobDatabase;

namespace Akto.Consolidation.Hangfire.Sqlite;

/// <summary>
/// Collects Hangfire's writes and applies them in one <c>BEGIN IMMEDIATE</c> transaction on <see cref="Commit"/>:
/// all or nothing, and nothing touches the database before then.
/// </summary>
internal sealed class SqliteWriteTransaction(SqliteJobStorage storage) : JobStorageTransaction
{
    private readonly List<Action<SqliteConnection, SqliteTransaction>> _writes = [];
    private bool _enqueued;

    public override void Commit()
    {
        storage.Database.Write((connection, transaction) =>
        {
            foreach (var write in _writes)
            {
                write(connection, transaction);
            }
        });
        _writes.Clear();
        if (_enqueued)
        {
            storage.SignalJobEnqueued();
        }
    }

    public override void ExpireJob(string jobId, TimeSpan expireIn) =>
        Job(jobId, "UPDATE hf_job SET expire_at = @expire WHERE id = @id", ("expire", Clock.After(expireIn)));

    public override void PersistJob(string jobId) => Job(jobId, "UPDATE hf_job SET expire_at = NULL WHERE id = @id");

    public override void SetJobState(string jobId, IState state) => AddState(jobId, state, current: true);

    public override void AddJobState(string jobId, IState state) => AddState(jobId, state, current: false);

    public override void AddToQueue(string queue, string jobId)
    {
        Job(jobId, "INSERT INTO hf_queue (queue, job_id) VALUES (@queue, @id)", ("queue", queue));
        _enqueued = true;
    }

    public override void IncrementCounter(string key) => Counter(key, 1, null);

    public override void IncrementCounter(string key, TimeSpan expireIn) => Counter(key, 1, expireIn);

    public override void DecrementCounter(string key) => Counter(key, -1, null);

    public override void DecrementCounter(string key, TimeSpan expireIn) => Counter(key, -1, expireIn);

    public override void AddToSet(string key, string value) => AddToSet(key, value, 0.0);

    public override void AddToSet(string key, string value, double score) =>
        Add("INSERT INTO hf_set (key, value, score) VALUES (@key, @value, @score) ON CONFLICT (key, value) DO UPDATE SET score = excluded.score",
            ("key", key), ("value", value), ("score", score));

    public override void AddRangeToSet(string key, IList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            AddToSet(key, item);
        }
    }

    public override void RemoveFromSet(string key, string value) =>
        Add("DELETE FROM hf_set WHERE key = @key AND value = @value", ("key", key), ("value", value));

    public override void RemoveSet(string key) => Add("DELETE FROM hf_set WHERE key = @key", ("key", key));

    public override void ExpireSet(string key, TimeSpan expireIn) =>
        Add("UPDATE hf_set SET expire_at = @expire WHERE key = @key", ("key", key), ("expire", Clock.After(expireIn)));

    public override void PersistSet(string key) => Add("UPDATE hf_set SET expire_at = NULL WHERE key = @key", ("key", key));

    /// <summary>Hangfire lists are newest first: index 0 is the last insert.</summary>
    public override void InsertToList(string key, string value) =>
        Add("INSERT INTO hf_list (key, value) VALUES (@key, @value)", ("key", key), ("value", value));

    public override void RemoveFromList(string key, string value) =>
        Add("DELETE FROM hf_list WHERE key = @key AND value = @value", ("key", key), ("value", value));

    public override void TrimList(string key, int keepStartingFrom, int keepEndingAt) =>
        Add("""
            DELETE FROM hf_list WHERE key = @key AND id NOT IN (
                SELECT id FROM hf_list WHERE key = @key ORDER BY id DESC LIMIT @count OFFSET @from)
            """,
            ("key", key), ("count", Math.Max(0, keepEndingAt - keepStartingFrom + 1)), ("from", keepStartingFrom));

    public override void ExpireList(string key, TimeSpan expireIn) =>
        Add("UPDATE hf_list SET expire_at = @expire WHERE key = @key", ("key", key), ("expire", Clock.After(expireIn)));

    public override void PersistList(string key) => Add("UPDATE hf_list SET expire_at = NULL WHERE key = @key", ("key", key));

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs)
    {
        ArgumentNullException.ThrowIfNull(keyValuePairs);
        foreach (var (field, value) in keyValuePairs.ToList())
        {
            Add("INSERT INTO hf_hash (key, field, value) VALUES (@key, @field, @value) ON CONFLICT (key, field) DO UPDATE SET value = excluded.value",
                ("key", key), ("field", field), ("value", value));
        }
    }

    public override void RemoveHash(string key) => Add("DELETE FROM hf_hash WHERE key = @key", ("key", key));

    public override void ExpireHash(string key, TimeSpan expireIn) =>
        Add("UPDATE hf_hash SET expire_at = @expire WHERE key = @key", ("key", key), ("expire", Clock.After(expireIn)));

    public override void PersistHash(string key) => Add("UPDATE hf_hash SET expire_at = NULL WHERE key = @key", ("key", key));

    private void AddState(string jobId, IState state, bool current)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!SqliteJobStorageConnection.TryJobId(jobId, out var id))
        {
            return;
        }

        // Read now: a state may change after being handed over.
        var name = state.Name;
        var reason = state.Reason;
        var data = JobPayload.StateData(state.SerializeData());
        var createdAt = Clock.NowMs();
        _writes.Add((connection, transaction) =>
        {
            using var insert = Command(connection, transaction,
                "INSERT INTO hf_state (job_id, name, reason, created_at, data) SELECT id, @name, @reason, @created, @data FROM hf_job WHERE id = @id RETURNING id",
                ("id", id), ("name", name), ("reason", reason), ("created", createdAt), ("data", data));
            var stateId = insert.ExecuteScalar();
            if (current && stateId is long newState)
            {
                Execute(connection, transaction, "UPDATE hf_job SET state_id = @state, state_name = @name WHERE id = @id",
                    ("state", newState), ("name", name), ("id", id));
            }
        });
    }

    private void Counter(string key, long delta, TimeSpan? expireIn)
    {
        // Expiring counters (daily and hourly statistics) take their expiry from the last change.
        var expire = expireIn is { } span ? Clock.After(span) : (long?)null;
        Add("""
            INSERT INTO hf_counter (key, value, expire_at) VALUES (@key, @delta, @expire)
            ON CONFLICT (key) DO UPDATE SET value = value + excluded.value, expire_at = COALESCE(excluded.expire_at, expire_at)
            """,
            ("key", key), ("delta", delta), ("expire", expire));
    }

    private void Job(string jobId, string sql, params (string Name, object? Value)[] parameters)
    {
        if (SqliteJobStorageConnection.TryJobId(jobId, out var id))
        {
            Add(sql, [.. parameters, ("id", id)]);
        }
    }

    private void Add(string sql, params (string Name, object? Value)[] parameters) =>
        _writes.Add((connection, transaction) => Execute(connection, transaction, sql, parameters));
}
