using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>A snapshot's manifest: its row, cut, reconciliation and files.</summary>
public sealed record SnapshotManifest(SnapshotRecord Snapshot, IReadOnlyList<StoredFileInfo> Files);

public sealed record GetSnapshotQuery(string Id) : IQuery<SnapshotManifest?>;

public sealed class GetSnapshotHandler(ISnapshotStore store) : IQueryHandler<GetSnapshotQuery, SnapshotManifest?>
{
    public async ValueTask<SnapshotManifest?> Handle(GetSnapshotQuery query, CancellationToken cancellationToken) =>
        await store.FindAsync(query.Id, cancellationToken) is { } snapshot
            ? new SnapshotManifest(snapshot, await store.ListFilesAsync(query.Id, cancellationToken))
            : null;
}
