using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Mediator;

namespace Akto.Consolidation.Application.Classification;

/// <summary>A tree of a year's 科目目录 as the cluster uses it now, with the version of its imports (0 = none).</summary>
public sealed record CatalogTreeView(CatalogTreeFile Tree, int Version);

/// <summary>The current function or economic catalog of a year; null when the year has none.</summary>
public sealed record GetCatalogQuery(int Year, ClassificationTree Tree) : IQuery<CatalogTreeView?>;

public sealed class GetCatalogHandler(ClusterCatalogs catalogs) : IQueryHandler<GetCatalogQuery, CatalogTreeView?>
{
    public async ValueTask<CatalogTreeView?> Handle(GetCatalogQuery query, CancellationToken cancellationToken)
    {
        var (tree, version) = await catalogs.FindTreeAsync(query.Year, query.Tree);
        return tree is null ? null : new CatalogTreeView(tree, version);
    }
}
