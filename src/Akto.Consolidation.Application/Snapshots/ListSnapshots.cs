using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>Snapshots, newest first; of one year when given.</summary>
public sealed record ListSnapshotsQuery(int? Year) : IQuery<IReadOnlyList<SnapshotSummary>>;

public sealed class ListSnapshotsHandler(ISnapshotStore store) : IQueryHandler<ListSnapshotsQuery, IReadOnlyList<SnapshotSummary>>
{
    public async ValueTask<IReadOnlyList<SnapshotSummary>> Handle(ListSnapshotsQuery query, CancellationToken cancellationToken) =>
        await store.ListAsync(query.Year, cancellationToken);
}
