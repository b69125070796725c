using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>
/// A node of a classification tree. Children push absolute figures with a version; the node keeps the latest entry per
/// child, ignores older versions, stores the result (one write in flight, later callers share the next one) and only then
/// acknowledges. A short timer forwards the node's <i>stored</i> sum to its parent (the cadence pattern): a burst of
/// contributions becomes one call upward per cadence, and what a parent holds is never ahead of what the child stored,
/// so a restart cannot make a version mean two different sums. Reentrant: contributions interleave while a write is in
/// flight, which is what batches them.
/// <para>
/// Because it is reentrant, the grain never hands storage an object it may still change: contributions mutate the
/// private working set (<see cref="_children"/>), and each write stores a fresh <see cref="ClassificationNodeState"/>
/// copied from it when the write starts. A truly asynchronous provider (ADO.NET on Npgsql) serializes the state after
/// awaiting its connection; had the state been the live dictionary, a contribution arriving in that window would have
/// failed the write with "Collection was modified".
/// </para>
/// </summary>
[Reentrant]
public sealed class ClassificationNodeGrain(
    [PersistentState(GrainStorage.ClassificationNodeState, GrainStorage.ProviderName)] IPersistentState<ClassificationNodeState> state,
    ILogger<ClassificationNodeGrain> logger) : Grain, IClassificationNodeGrain
{
    /// <summary>At most one forward per cadence when busy; the first change after a quiet spell goes up at once.</summary>
    internal static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(50);

    private NodeKey _key = null!;
    private Dictionary<string, NodeChildState> _children = null!;
    private long _sequence;
    private NodeKey? _parent;
    private Measures _total = Measures.Zero;
    private (long Sequence, Measures Total) _stored = (0, Measures.Zero);
    private long _forwardedSequence = -1;
    private DateTime _lastForwardAt = DateTime.MinValue;
    private bool _forwardInFlight;
    private bool _timerArmed;
    private IGrainTimer? _timer;
    private Task? _queuedWrite;
    private Task _lastWrite = Task.CompletedTask;
    private long _calls;
    private long _applied;
    private long _stale;
    private long _forwards;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = NodeKey.Parse(this.GetPrimaryKeyString());
        _parent = _key.Parent;
        _children = new Dictionary<string, NodeChildState>(state.State.Children, StringComparer.Ordinal);
        _sequence = state.State.Sequence;
        _total = Measures.Sum(_children.Values.Select(c => c.Measures));
        _stored = (_sequence, _total);
        _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });

        // A forward lost with a previous activation (crash between store and forward) goes up again; the parent ignores it
        // if it already has this version.
        if (_children.Count > 0)
        {
            ScheduleForward();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            if (_sequence > _stored.Sequence)
            {
                await PersistAsync();
            }

            await ForwardAsync(force: false, throwOnError: false);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Node {Node} could not flush on deactivation ({Reason})", _key, reason);
        }
    }

    public Task ContributeAsync(NodeContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        _calls++;
        var children = _children;
        children.TryGetValue(contribution.Contributor, out var existing);
        if (!contribution.Force && existing is not null && existing.Version >= contribution.Version)
        {
            // Duplicate or reordered: what we hold is as new. Acknowledge once whatever we hold is stored.
            _stale++;
            return _queuedWrite ?? (_lastWrite.IsFaulted || _lastWrite.IsCanceled ? PersistAsync() : _lastWrite);
        }

        var previous = existing?.Measures ?? Measures.Zero;
        children[contribution.Contributor] = new NodeChildState(contribution.Version, contribution.Measures, contribution.Projects, contribution.DocumentVersion);
        if (!previous.Equals(contribution.Measures))
        {
            _total = _total.Subtract(previous).Add(contribution.Measures);
            _sequence++;
        }

        _applied++;
        return PersistAsync();
    }

    public Task<NodeSnapshot> GetAsync() =>
        Task.FromResult(new NodeSnapshot(
            _key,
            _total,
            _sequence,
            [.. _children
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new NodeChild(c.Key, c.Value.Version, c.Value.Measures, c.Value.Projects, c.Value.DocumentVersion))]));

    public Task<NodeStats> GetStatsAsync() => Task.FromResult(new NodeStats(_key, _calls, _applied, _stale, _forwards));

    public async Task ResendAsync(bool force)
    {
        if (_sequence > _stored.Sequence || _queuedWrite is not null)
        {
            await PersistAsync();
        }

        await ForwardAsync(force, throwOnError: true);
    }

    /// <summary>Joins the queued write, or queues one behind the write in flight: at most one write runs at a time.</summary>
    private Task PersistAsync() => _queuedWrite ??= WriteAfterAsync(_lastWrite);

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

        _queuedWrite = null;
        var snapshot = (Sequence: _sequence, Total: _total);

        // A copy taken now, between turns: later contributions change _children, never the object being stored.
        state.State = new ClassificationNodeState
        {
            Children = new Dictionary<string, NodeChildState>(_children, StringComparer.Ordinal),
            Sequence = snapshot.Sequence,
        };
        var write = state.WriteStateAsync();
        _lastWrite = write;
        await write;
        if (snapshot.Sequence > _stored.Sequence)
        {
            _stored = snapshot;
        }

        ScheduleForward();
    }

    private void ScheduleForward()
    {
        if (_parent is null || _timerArmed || _forwardInFlight || _stored.Sequence <= _forwardedSequence)
        {
            return;
        }

        var due = _lastForwardAt + Cadence - DateTime.UtcNow;
        _timerArmed = true;
        _timer!.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        _timerArmed = false;
        return ForwardAsync(force: false, throwOnError: false);
    }

    private async Task ForwardAsync(bool force, bool throwOnError)
    {
        if (_parent is null || (!force && (_forwardInFlight || _stored.Sequence <= _forwardedSequence)))
        {
            return;
        }

        var snapshot = _stored;
        _forwardInFlight = true;
        try
        {
            await GrainFactory.GetNode(_parent).ContributeAsync(new NodeContribution(_key.Code, snapshot.Sequence, snapshot.Total, [], null, force));
            _forwards++;
            _forwardedSequence = Math.Max(_forwardedSequence, snapshot.Sequence);
        }
        catch (Exception exception) when (!throwOnError)
        {
            logger.LogWarning(exception, "Node {Node} could not forward version {Version} to {Parent}; retrying", _key, snapshot.Sequence, _parent);
        }
        finally
        {
            _forwardInFlight = false;
            _lastForwardAt = DateTime.UtcNow;
            ScheduleForward();
        }
    }
}
