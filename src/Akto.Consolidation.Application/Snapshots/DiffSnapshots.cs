using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>The diff of two completed snapshots, over the tables <paramref name="Visible"/> lets the caller see. Null when either is unknown.</summary>
public sealed record DiffSnapshotsQuery(string From, string To, Func<string, bool> Visible) : IQuery<SnapshotDiff?>;

public sealed class DiffSnapshotsHandler(ISnapshotStore store) : IQueryHandler<DiffSnapshotsQuery, SnapshotDiff?>
{
    private static readonly string TablesFile = "/" + SnapshotRendering.FileName(Reporting.DisclosureFormat.Json);

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
            [.. from.Units.Where(u => query.Visible($"units/{u.UnitCode}/tables.json"))],
            [.. to.Units.Where(u => query.Visible($"units/{u.UnitCode}/tables.json"))],
            await TablesAsync(query.From, query.Visible, cancellationToken),
            await TablesAsync(query.To, query.Visible, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<string, byte[]>> TablesAsync(string id, Func<string, bool> visible, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in await store.ListFilesAsync(id, cancellationToken))
        {
            // Every folder's tables (units/{code}, departments/{code}, county) are "{folder}/tables.json".
            if (file.Path.EndsWith(TablesFile, StringComparison.Ordinal) && visible(file.Path)
                && await store.ReadFileAsync(id, file.Path, cancellationToken) is { } stored)
            {
                tables[file.Path] = stored.Content;
            }
        }

        return tables;
    }
}
