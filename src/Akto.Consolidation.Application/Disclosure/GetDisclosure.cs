using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Reporting.Document;
using Mediator;

namespace Akto.Consolidation.Application.Disclosure;

/// <summary>Whose disclosure: <c>unit:{code}</c>, <c>department:{code}</c> or <c>county</c>.</summary>
public sealed record DisclosureTarget(DisclosureScopeKind Kind, string? Code)
{
    /// <summary><c>unit:{code}</c>, or a consolidation scope as <see cref="ConsolidationScope.TryParse"/> reads it.</summary>
    public static bool TryParse(string? text, out DisclosureTarget target)
    {
        const string UnitPrefix = "unit:";
        target = new DisclosureTarget(DisclosureScopeKind.County, null);
        if (text is not null && text.StartsWith(UnitPrefix, StringComparison.Ordinal))
        {
            target = new DisclosureTarget(DisclosureScopeKind.Unit, text[UnitPrefix.Length..]);
            return text.Length > UnitPrefix.Length;
        }

        if (!ConsolidationScope.TryParse(text, out var scope))
        {
            return false;
        }

        target = scope.IsCounty ? target : new DisclosureTarget(DisclosureScopeKind.Department, scope.DepartmentCode);
        return true;
    }

    public override string ToString() => Kind == DisclosureScopeKind.County ? "county" : $"{Kind.ToString().ToLowerInvariant()}:{Code}";
}

/// <summary>预算公开表 1–11 of a unit (its current version) or of a department or the county (consolidated); null when there is nothing yet.</summary>
public sealed record GetDisclosureQuery(int Year, DisclosureTarget Target) : IQuery<DisclosureSet?>;

public sealed class GetDisclosureHandler(IGrainFactory grains, ClusterCatalogs catalogs) : IQueryHandler<GetDisclosureQuery, DisclosureSet?>
{
    public async ValueTask<DisclosureSet?> Handle(GetDisclosureQuery query, CancellationToken cancellationToken)
    {
        var target = query.Target;
        if (target.Kind == DisclosureScopeKind.Unit)
        {
            var current = await grains.GetBudgetUnit(query.Year, target.Code!).GetAsync();
            if (current is null)
            {
                return null;
            }

            var catalog = await catalogs.FindAsync(query.Year) ?? throw new CatalogNotFoundException(query.Year);
            return DisclosureTables.For(current.Document, catalog);
        }

        var scope = target.Kind == DisclosureScopeKind.County ? ConsolidationScope.County : ConsolidationScope.Department(target.Code!);
        return await grains.GetConsolidation().GetDisclosureAsync(query.Year, scope);
    }
}

/// <summary>
/// 单位预算公开 as a whole document (第一部分 to 第四部分) for html, xlsx and pdf: a unit's from its current version, a
/// department's or the county's from the current versions of the units the county register lists for that scope, by the
/// same builder as the command line (<see cref="DisclosureDocumentBuilder.ForScope"/>); null when there is nothing yet.
/// </summary>
public sealed record GetDisclosureDocumentQuery(int Year, DisclosureTarget Target, PublishedUnit Unit) : IQuery<DisclosureDocument?>;

public sealed class GetDisclosureDocumentHandler(IGrainFactory grains, ClusterCatalogs catalogs) : IQueryHandler<GetDisclosureDocumentQuery, DisclosureDocument?>
{
    public async ValueTask<DisclosureDocument?> Handle(GetDisclosureDocumentQuery query, CancellationToken cancellationToken)
    {
        var target = query.Target;
        IEnumerable<string> codes = [target.Code!];
        if (target.Kind != DisclosureScopeKind.Unit)
        {
            var units = await grains.GetCounty(query.Year).GetUnitsAsync();
            codes = units.Where(u => target.Kind == DisclosureScopeKind.County || u.DepartmentCode == target.Code).Select(u => u.UnitCode);
        }

        var versions = await Task.WhenAll(codes.Select(code => grains.GetBudgetUnit(query.Year, code).GetAsync()));
        var documents = versions.Where(v => v is not null).Select(v => v!.Document).ToList();
        if (documents.Count == 0)
        {
            return null;
        }

        var catalog = await catalogs.FindAsync(query.Year) ?? throw new CatalogNotFoundException(query.Year);
        return target.Kind == DisclosureScopeKind.Unit
            ? DisclosureDocumentBuilder.ForUnit(documents[0], catalog, unit: query.Unit)
            : DisclosureDocumentBuilder.ForScope(documents, catalog, unit: query.Unit);
    }
}
