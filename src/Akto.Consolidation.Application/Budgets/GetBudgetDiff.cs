using System.Globalization;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Reporting;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>
/// 版本比较: the disclosure cells (tables 1–11, printed 万元) that differ between two versions of a unit's budget; null when
/// either version does not exist.
/// </summary>
public sealed record GetBudgetDiffQuery(int Year, string UnitCode, int From, int To) : IQuery<SnapshotDiff?>;

/// <summary>Renders both versions' tables as the disclosure JSON and compares them cell by cell with <see cref="SnapshotDiff"/>.</summary>
public sealed class GetBudgetDiffHandler(IGrainFactory grains, ClusterCatalogs catalogs) : IQueryHandler<GetBudgetDiffQuery, SnapshotDiff?>
{
    public async ValueTask<SnapshotDiff?> Handle(GetBudgetDiffQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var unit = grains.GetBudgetUnit(query.Year, query.UnitCode);
        var versions = await Task.WhenAll(unit.GetAsync(query.From), unit.GetAsync(query.To));
        if (versions[0] is not { } from || versions[1] is not { } to || from.Version != query.From || to.Version != query.To)
        {
            return null;
        }

        var catalog = await catalogs.FindAsync(query.Year) ?? throw new CatalogNotFoundException(query.Year);

        // The very file a snapshot stores for a unit, so a version diff reads exactly as a snapshot diff.
        IReadOnlyDictionary<string, byte[]> Tables(BudgetVersion version)
        {
            var file = SnapshotRendering.File(SnapshotRendering.FileName(DisclosureFormat.Json), DisclosureTables.For(version.Document, catalog), DisclosureFormat.Json);
            return new Dictionary<string, byte[]> { [file.Path] = file.Content };
        }

        return SnapshotDiff.Compare(
            "v" + query.From.ToString(CultureInfo.InvariantCulture),
            "v" + query.To.ToString(CultureInfo.InvariantCulture),
            [],
            [],
            Tables(from),
            Tables(to));
    }
}
