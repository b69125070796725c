using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Domain.Classification;
using Mediator;

namespace Akto.Consolidation.Application.Consolidation;

/// <summary>
/// 明细穿透: the units, and their projects, whose money makes up a node of a scope's tree (the consolidation grain's
/// drill-down). <see cref="Code"/> is a 类, 款 or 项 code, or <c>root</c> for the scope's total.
/// </summary>
public sealed record GetNodeContributorsQuery(int Year, ConsolidationScope Scope, ClassificationTree Tree, string Code) : IQuery<NodeContributors>;

/// <summary>A node's figures and every contributing unit, largest first; amounts exact in 万元.</summary>
public sealed record NodeContributors(string Code, string Name, decimal Total, decimal Basic, decimal Project, IReadOnlyList<ContributingUnit> Units);

/// <summary>One unit's share of a node (基本支出 belongs to no project).</summary>
public sealed record ContributingUnit(string UnitCode, string UnitName, int? Version, decimal Total, decimal Basic, decimal Project, IReadOnlyList<ContributingProject> Projects);

/// <summary>One project's amount under the node.</summary>
public sealed record ContributingProject(string ProjectCode, string ProjectName, decimal Amount);

public sealed class GetNodeContributorsHandler(IGrainFactory grains) : IQueryHandler<GetNodeContributorsQuery, NodeContributors>
{
    public async ValueTask<NodeContributors> Handle(GetNodeContributorsQuery query, CancellationToken cancellationToken)
    {
        var view = await grains.GetConsolidation().DrillDownAsync(query.Year, query.Scope, query.Tree, query.Code);
        return new NodeContributors(
            view.Key.Code,
            view.Name,
            view.Measures.Total,
            view.Measures.Basic,
            view.Measures.Project,
            [.. view.Units
                .OrderByDescending(u => u.Measures.Total)
                .ThenBy(u => u.UnitCode, StringComparer.Ordinal)
                .Select(u => new ContributingUnit(
                    u.UnitCode,
                    u.UnitName,
                    u.DocumentVersion,
                    u.Measures.Total,
                    u.Measures.Basic,
                    u.Measures.Project,
                    [.. u.Projects.Select(p => new ContributingProject(p.ProjectCode, p.ProjectName, p.Amount))]))]);
    }
}
