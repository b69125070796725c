using System.Collections.Concurrent;
using Orleans.Storage;

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>
/// Grain storage kept by the test process rather than by a silo: a stand-in for the database, with ETags and the Orleans
/// serializer, that survives stopping a silo. Like the ADO.NET provider on Npgsql, it serializes the state after an
/// asynchronous step (there: opening a connection) on a thread-pool thread, while the grain goes on with other calls. A
/// reentrant grain that changes the state object during a write fails there at random ("Collection was modified");
/// here it fails every time: the state is serialized when the write is called and again after the wait, and the write
/// is refused unless both are equal.
/// </summary>
internal sealed class SharedGrainStorage(SharedGrainStorage.Store store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.Rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData(row.Data));
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var requested = serializer.Serialize(grainState.State).ToArray();
        await Task.Delay(1).ConfigureAwait(false);
        var data = serializer.Serialize(grainState.State).ToArray();
        if (!requested.AsSpan().SequenceEqual(data))
        {
            throw new InvalidOperationException($"The state of {key} changed while it was being written.");
        }

        var etag = Guid.NewGuid().ToString("N");
        lock (store.Rows)
        {
            var current = store.Rows.GetValueOrDefault(key)?.ETag;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {key}", current, grainState.ETag);
            }

            store.Rows[key] = new Row(data, etag);
            store.Writes.AddOrUpdate(key, 1, (_, count) => count + 1);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    internal sealed record Row(byte[] Data, string ETag);

    internal sealed class Store
    {
        public ConcurrentDictionary<string, Row> Rows { get; } = new(StringComparer.Ordinal);

        /// <summary>How many writes each row has had.</summary>
        public ConcurrentDictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);
    }
}
