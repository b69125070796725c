namespace Akto.Consolidation.Grains;

/// <summary>
/// Whether this silo serves calls to other grains: active once it has joined the cluster, stopping from the moment it
/// begins to leave. Background work that calls grains (a scope's repair) waits for the first and gives up at the second
/// — placement then finds "no active nodes", and the work belongs to the next start or the nightly reconciliation.
/// </summary>
public sealed class SiloActivity : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly TaskCompletionSource _active = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the silo starts to stop (before its tree nodes are flushed and grains deactivated).</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Completes once the silo is active; cancelled by <see cref="Stopping"/>.</summary>
    public Task WhenActiveAsync() => _active.Task.WaitAsync(Stopping);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(SiloActivity),
            ServiceLifecycleStage.Active + 2,
            _ =>
            {
                _active.TrySetResult();
                return Task.CompletedTask;
            },
            _ => _stopping.CancelAsync());
}
