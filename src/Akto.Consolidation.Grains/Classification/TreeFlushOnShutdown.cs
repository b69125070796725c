using Akto.Consolidation.Contracts;
using Microsoft.Extensions.Logging;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>
/// A silo that stops gracefully first has its active tree nodes forward what they hold, leaves first, level by level,
/// while every parent can still be reached. Without it a node's last forward happens in its own deactivation, when on a
/// single silo the parent may already be gone ("no active nodes are compatible"): the parent's clean checkpoint then
/// lacks the child's last sum, and after the restart the total stays stale until the child happens to activate.
/// Runs when the silo leaves <see cref="ServiceLifecycleStage.Active"/>, before grains are deactivated.
/// </summary>
internal sealed class TreeFlushOnShutdown(ActiveTreeNodes nodes, IGrainFactory grains, ILogger<TreeFlushOnShutdown> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TreeFlushOnShutdown), ServiceLifecycleStage.Active + 1, _ => Task.CompletedTask, FlushAsync);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var active = nodes.Snapshot();
        var failed = 0;
        foreach (var level in active.Where(k => !k.IsRoot).GroupBy(k => k.Depth).OrderByDescending(g => g.Key))
        {
            var flushed = await Task.WhenAll(level.Select(async key =>
            {
                try
                {
                    await grains.GetNode(key).FlushAsync().WaitAsync(cancellationToken);
                    return true;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Node {Node} could not be flushed before the silo stops", key);
                    return false;
                }
            }));
            failed += flushed.Count(ok => !ok);
        }

        logger.LogInformation("Flushed {Count} tree nodes before stopping ({Failed} failed)", active.Count, failed);
    }
}
