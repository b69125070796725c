using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
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
