using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>
/// A node of a classification tree: a derived view of what the units stored. Children push absolute figures with a
/// version; the node keeps the latest entry per child in memory, ignores older versions, acknowledges at once, and forwards
/// its sum to its parent on a short timer (the cadence pattern: a burst of contributions becomes one call upward per
/// cadence). What is durable is the units' own state (their versions and published figures), written before they
/// contribute; a node only checkpoints its entries lazily (<see cref="ConsolidationOptions.CheckpointInterval"/>) and when
/// it deactivates, so a submission's acknowledgement never waits for the ~100 node writes it used to.
/// <para>
/// After a crash a node comes back from its last checkpoint and may lack what it received since. It knows: a checkpoint
/// written by a running activation says so (<see cref="ClassificationNodeState.Clean"/> is false), and only the final
/// write of a deactivation marks it clean. Such a node asks for its scope to be reconciled (<see cref="IScopeRepairGrain"/>),
/// which has the units resend what they stored. Versions it forwards carry an incarnation, recorded before it serves its
/// first call, so a sum forwarded by a lost activation can never be confused with a later one.
/// </para>
/// <para>
/// Reentrant: contributions interleave while a checkpoint is being written. The grain never hands storage an object it
/// may still change: each checkpoint stores a fresh <see cref="ClassificationNodeState"/> copied from the working set.
/// </para>
/// </summary>
[Reentrant]
public sealed class ClassificationNodeGrain(
    [PersistentState(GrainStorage.ClassificationNodeState, GrainStorage.ProviderName)] IPersistentState<ClassificationNodeState> state,
    IOptions<ConsolidationOptions> options,
    ActiveTreeNodes activeNodes,
    ILogger<ClassificationNodeGrain> logger) : Grain, IClassificationNodeGrain
{
    /// <summary>
    /// Versions a node forwards are <c>incarnation × 2^40 + changes</c>: every activation starts above anything an earlier
    /// one can have forwarded (2^40 changes in one activation will not happen).
    /// </summary>
    internal const int IncarnationShift = 40;

    private readonly ConsolidationOptions _options = options.Value;
    private NodeKey _key = null!;
    private NodeKey? _parent;
    private Dictionary<string, NodeChildState> _children = null!;
    private long _sequence;
    private LazyCheckpoint<ClassificationNodeState> _checkpoint = null!;
    private long _incarnation;
    private Measures _total = Measures.Zero;
    private long _forwardedSequence = -1;
    private DateTime _lastForwardAt = DateTime.MinValue;
    private bool _forwardInFlight;
    private Task _forwarding = Task.CompletedTask;
    private bool _forwardArmed;
    private IGrainTimer? _forwardTimer;
    private long _calls;
    private long _applied;
    private long _stale;
    private long _forwards;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = NodeKey.Parse(this.GetPrimaryKeyString());
        _parent = _key.Parent;
        var stored = state.State;
        _children = new Dictionary<string, NodeChildState>(stored.Children, StringComparer.Ordinal);
        _total = Measures.Sum(_children.Values.Select(c => c.Measures));

        // A new incarnation, stored before the first call is served: a crash of this activation cannot hand its numbers
        // to the next one.
        _incarnation = stored.Incarnation + 1;
        _sequence = _incarnation << IncarnationShift;
        _checkpoint = new LazyCheckpoint<ClassificationNodeState>(state, Snapshot, _options.CheckpointInterval, logger, $"Node {_key}");
        await _checkpoint.StartAsync(this, GrainFactory, _key.Year, _key.Scope);
        _forwardTimer = this.RegisterGrainTimer(OnForwardTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        activeNodes.Add(_key);

        // The parent may not have the last sum of the previous activation (or, after a crash, holds a newer one that the
        // repair will correct): tell it what this node holds.
        if (_children.Count > 0)
        {
            ScheduleForward();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activeNodes.Remove(_key);
        try
        {
            await ForwardAsync(force: false, throwOnError: false);
            await _checkpoint.FinalAsync();
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
        _children.TryGetValue(contribution.Contributor, out var existing);
        if (!contribution.Force && existing is not null && existing.Version >= contribution.Version)
        {
            // Duplicate or reordered: what we hold is as new.
            _stale++;
            return Task.CompletedTask;
        }

        var previous = existing?.Measures ?? Measures.Zero;
        _children[contribution.Contributor] = new NodeChildState(contribution.Version, contribution.Measures, contribution.Projects, contribution.DocumentVersion);
        if (!previous.Equals(contribution.Measures))
        {
            _total = _total.Subtract(previous).Add(contribution.Measures);
            _sequence++;
        }

        _applied++;
        ScheduleForward();
        _checkpoint.Changed();
        return Task.CompletedTask;
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

    public Task ResendAsync(bool force) => ForwardAsync(force, throwOnError: true);

    public async Task FlushAsync()
    {
        try
        {
            await _forwarding;
        }
        catch (Exception)
        {
            // Logged by that forward; the one below carries everything since.
        }

        await ForwardAsync(force: false, throwOnError: true);
    }

    /// <summary>
    /// The checkpoint to store, copied between turns: later contributions change <see cref="_children"/>, never the object
    /// being stored. Clean only when written by the deactivation, after which nothing more arrives.
    /// </summary>
    private ClassificationNodeState Snapshot(bool clean) =>
        new()
        {
            Children = new Dictionary<string, NodeChildState>(_children, StringComparer.Ordinal),
            Sequence = _sequence,
            Incarnation = _incarnation,
            Clean = clean,
        };

    private void ScheduleForward()
    {
        if (_parent is null || _forwardArmed || _forwardInFlight || _sequence <= _forwardedSequence)
        {
            return;
        }

        var due = _lastForwardAt + _options.Cadence - DateTime.UtcNow;
        _forwardArmed = true;
        _forwardTimer!.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private Task OnForwardTimerAsync(CancellationToken cancellationToken)
    {
        _forwardArmed = false;
        return ForwardAsync(force: false, throwOnError: false);
    }

    private Task ForwardAsync(bool force, bool throwOnError)
    {
        if (_parent is null || (!force && (_forwardInFlight || _sequence <= _forwardedSequence)))
        {
            return Task.CompletedTask;
        }

        _forwardInFlight = true;
        return _forwarding = SendToParentAsync(_parent, force, throwOnError);
    }

    private async Task SendToParentAsync(NodeKey parent, bool force, bool throwOnError)
    {
        var (sequence, total) = (_sequence, _total);
        try
        {
            await GrainFactory.GetNode(parent).ContributeAsync(new NodeContribution(_key.Code, sequence, total, [], null, force));
            _forwards++;
            _forwardedSequence = Math.Max(_forwardedSequence, sequence);
        }
        catch (Exception exception) when (!throwOnError)
        {
            logger.LogWarning(exception, "Node {Node} could not forward version {Version} to {Parent}; retrying", _key, sequence, parent);
        }
        finally
        {
            _forwardInFlight = false;
            _lastForwardAt = DateTime.UtcNow;
            ScheduleForward();
        }
    }
}
