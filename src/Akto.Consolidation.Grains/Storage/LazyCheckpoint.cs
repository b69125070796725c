using Akto.Consolidation.Contracts;
using Microsoft.Extensions.Logging;

namespace Akto.Consolidation.Grains.Storage;

/// <summary>A derived view's stored state: <see cref="Clean"/> only when written by a deactivation.</summary>
internal interface ICheckpointState
{
    bool Clean { get; }
}

/// <summary>
/// The lazy checkpoint of a reentrant grain whose state is a derived view (tree nodes, scope facts): changes are counted,
/// and a checkpoint is written once <paramref name="interval"/> after the first unwritten change (group commit through
/// <see cref="CoalescedWriter{TState}"/>, so storage never sees an object a later call mutates). Only the final write of a
/// deactivation is marked clean; a checkpoint of a running activation may be behind what the grain acknowledged, so an
/// activation that reads one back asks for its scope's repair (<see cref="StartAsync"/>).
/// </summary>
/// <param name="snapshot">Copies the working state into a new state object; its argument says whether the copy is clean.</param>
internal sealed class LazyCheckpoint<TState>(
    IPersistentState<TState> state,
    Func<bool, TState> snapshot,
    TimeSpan interval,
    ILogger logger,
    string owner)
    where TState : ICheckpointState
{
    private CoalescedWriter<TState>? _writer;
    private IGrainTimer? _timer;
    private long _changes;
    private long _written;
    private long _snapshotChanges;
    private bool _armed;
    private bool _final;

    /// <summary>
    /// Registers the checkpoint timer and writes once (the caller's state, e.g. a new incarnation) before any call is
    /// served. When the stored checkpoint was written by a running activation — which may have acknowledged more than it
    /// wrote — asks <paramref name="repairs"/> to reconcile <paramref name="scope"/> of <paramref name="year"/>.
    /// </summary>
    public async Task StartAsync(Grain grain, IGrainFactory repairs, int year, ConsolidationScope scope)
    {
        var lostUpdates = state.RecordExists && !state.State.Clean;
        _writer = new CoalescedWriter<TState>(state, Snapshot, _ => _written = Math.Max(_written, _snapshotChanges));
        _timer = grain.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        await Writer.WriteAsync();
        if (lostUpdates)
        {
            logger.LogWarning("{Owner} restarts from a checkpoint of a running activation: asking for its scope to be reconciled", owner);
            repairs.GetScopeRepair(year, scope).RequestAsync($"{owner} lost its activation").Ignore();
        }
    }

    /// <summary>Counts a change of the working state and arms the timer.</summary>
    public void Changed()
    {
        _changes++;
        Schedule();
    }

    /// <summary>The deactivation's write, marked clean: nothing arrives after it.</summary>
    public Task FinalAsync()
    {
        _final = true;
        return Writer.WriteAsync();
    }

    private CoalescedWriter<TState> Writer => _writer ?? throw new InvalidOperationException("the checkpoint is not started");

    private TState Snapshot()
    {
        _snapshotChanges = _changes;
        return snapshot(_final);
    }

    private void Schedule()
    {
        if (_armed || _changes <= _written || _timer is null)
        {
            return;
        }

        _armed = true;
        _timer.Change(interval, Timeout.InfiniteTimeSpan);
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _armed = false;
        try
        {
            await Writer.WriteAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "{Owner} could not write its checkpoint; retrying", owner);
        }

        Schedule();
    }
}
