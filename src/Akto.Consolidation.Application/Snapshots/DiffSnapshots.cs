using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>The diff of two completed snapshots, over the tables <paramref name="Visible"/> lets the caller see. Null when either is unknown.</summary>
public sealed record DiffSnapshotsQuery(string From, string To, Func<string, bool> Visible) : IQuery<SnapshotDiff?>;

public sealed class DiffSnapshotsHandler(ISnapshotStore store) : IQueryHandler<DiffSnapshotsQuery, SnapshotDiff?>
{
    /// <summary>Every folder's tables (units/{code}, departments/{code}, county) are "{folder}/tables.json".</summary>
    private static readonly string TablesFile = SnapshotRendering.FileName(Reporting.DisclosureFormat.Json);

    public async ValueTask<SnapshotDiff?> Handle(DiffSnapshotsQuery query, CancellationToken cancellationToken)
    {
        var from = await store.FindAsync(query.From, cancellationToken);
        var to = await store.FindAsync(query.To, cancellationToken);
        if (from is null || to is null)
        {
            return null;
        }

        return SnapshotDiff.Compare(
            query.From,
            query.To,
            [.. from.Units.Where(u => query.Visible($"units/{u.UnitCode}/{TablesFile}"))],
            [.. to.Units.Where(u => query.Visible($"units/{u.UnitCode}/{TablesFile}"))],
            await store.ReadFilesNamedAsync(query.From, TablesFile, query.Visible, cancellationToken),
            await store.ReadFilesNamedAsync(query.To, TablesFile, query.Visible, cancellationToken));
    }
}
