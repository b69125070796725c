using System.Globalization;
using System.Text;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
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
    private const string TablesPath = "tables.json";

    public async ValueTask<SnapshotDiff?> Handle(GetBudgetDiffQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var unit = grains.GetBudgetUnit(query.Year, query.UnitCode);
        var from = await unit.GetAsync(query.From);
        var to = await unit.GetAsync(query.To);
        if (from is null || to is null || from.Version != query.From || to.Version != query.To)
        {
            return null;
        }

        var catalog = await catalogs.FindAsync(query.Year) ?? throw new CatalogNotFoundException(query.Year);
        byte[] Tables(Contracts.Units.BudgetVersion version) => Encoding.UTF8.GetBytes(DisclosureJsonWriter.ToJson(DisclosureTables.For(version.Document, catalog)));
        return SnapshotDiff.Compare(
            "v" + query.From.ToString(CultureInfo.InvariantCulture),
            "v" + query.To.ToString(CultureInfo.InvariantCulture),
            [],
            [],
            new Dictionary<string, byte[]> { [TablesPath] = Tables(from) },
            new Dictionary<string, byte[]> { [TablesPath] = Tables(to) });
    }
}
