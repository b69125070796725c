using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

public sealed record GetSnapshotFileQuery(string Id, string Path) : IQuery<StoredFile?>;

public sealed class GetSnapshotFileHandler(ISnapshotStore store) : IQueryHandler<GetSnapshotFileQuery, StoredFile?>
{
    public async ValueTask<StoredFile?> Handle(GetSnapshotFileQuery query, CancellationToken cancellationToken) =>
        await store.ReadFileAsync(query.Id, query.Path, cancellationToken);
}
