using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>公开: marks a completed snapshot published; a published snapshot is never deleted. Null: unknown; false: not completed.</summary>
public sealed record PublishSnapshotCommand(string Id) : ICommand<bool?>;

public sealed class PublishSnapshotHandler(ISnapshotStore store) : ICommandHandler<PublishSnapshotCommand, bool?>
{
    public async ValueTask<bool?> Handle(PublishSnapshotCommand command, CancellationToken cancellationToken) =>
        await store.PublishAsync(command.Id, cancellationToken);
}
