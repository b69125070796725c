namespace Akto.Consolidation.Grains.Storage;

/// <summary>
/// Group commit for a reentrant grain: one write of its state in flight; callers that arrive meanwhile share the next
/// write, which stores a fresh snapshot of the grain's working state taken when that write starts. So a burst of changes
/// costs one or two writes, every caller returns only once a write that includes its change is stored, and the object
/// handed to storage is never one that a later call mutates (ADO.NET on Npgsql serializes it on another thread).
/// </summary>
/// <param name="state">The grain's persistent state; <see cref="IPersistentState{TState}.State"/> is replaced by each snapshot.</param>
/// <param name="snapshot">Copies the working state into a new state object; runs on the grain's scheduler, between turns.</param>
/// <param name="written">Runs after a write is stored, with the snapshot that was stored.</param>
internal sealed class CoalescedWriter<TState>(IPersistentState<TState> state, Func<TState> snapshot, Action<TState>? written = null)
{
    private Task? _queued;
    private Task _last = Task.CompletedTask;

    /// <summary>Completes when a write that started after this call (and so includes every change made before it) is stored.</summary>
    public Task WriteAsync() => _queued ??= WriteAfterAsync(_last);

    private async Task WriteAfterAsync(Task previous)
    {
        // Let the caller publish this task as the queued write before it can start, so later callers join it.
        await Task.Yield();
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // Its own callers saw the failure; this write retries with everything since.
        }

        _queued = null;
        var copy = snapshot();
        state.State = copy;
        var write = state.WriteStateAsync();
        _last = write;
        await write;
        written?.Invoke(copy);
    }
}
