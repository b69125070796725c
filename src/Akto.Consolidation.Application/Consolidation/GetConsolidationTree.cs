using System.Collections.Immutable;
using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Mediator;

namespace Akto.Consolidation.Application.Consolidation;

/// <summary>A node of a consolidated classification tree with its measures and its children to <see cref="Depth"/> levels.</summary>
public sealed record GetConsolidationTreeQuery(int Year, ConsolidationScope Scope, ClassificationTree Tree, string Code, int Depth)
    : IQuery<ConsolidationNode>, IValidatedMessage
{
    public const int MaxDepth = 4;

    public IReadOnlyDictionary<string, string[]> Validate() =>
        Depth is < 0 or > MaxDepth
            ? new Dictionary<string, string[]> { ["depth"] = [$"depth 须在 0–{MaxDepth} 之间"] }
            : new Dictionary<string, string[]>();
}

/// <summary>
/// One node: exact amounts in 万元 (no rounding). <see cref="Children"/> are classification codes, or at a leaf the
/// contributing units (<see cref="IsUnit"/>).
/// </summary>
public sealed record ConsolidationNode(
    string Code,
    string Name,
    bool IsUnit,
    decimal Total,
    decimal Basic,
    decimal BasicPersonnel,
    decimal BasicPublic,
    decimal Project,
    IReadOnlyDictionary<string, decimal> Sources,
    IReadOnlyList<ConsolidationNode>? Children);

public sealed class GetConsolidationTreeHandler(IGrainFactory grains) : IQueryHandler<GetConsolidationTreeQuery, ConsolidationNode>
{
    public async ValueTask<ConsolidationNode> Handle(GetConsolidationTreeQuery query, CancellationToken cancellationToken)
    {
        var consolidation = grains.GetConsolidation();
        return await Expand(query.Code, query.Depth);

        async Task<ConsolidationNode> Expand(string code, int depth)
        {
            var view = await consolidation.GetTreeAsync(query.Year, query.Scope, query.Tree, code);
            IReadOnlyList<ConsolidationNode>? children = null;
            if (depth > 0)
            {
                // Siblings are independent grains: read them at once (in order), not one after another.
                children = await Task.WhenAll(view.Children.Select(child => child.IsUnit || depth == 1
                    ? Task.FromResult(Node(child.Code, child.Name, child.IsUnit, child.Measures, null))
                    : Expand(child.Code, depth - 1)));
            }

            return Node(code, view.Name, false, view.Measures, children);
        }
    }

    private static ConsolidationNode Node(string code, string name, bool isUnit, Measures measures, IReadOnlyList<ConsolidationNode>? children) =>
        new(
            code,
            name,
            isUnit,
            measures.Total,
            measures.Basic,
            measures.BasicPersonnel,
            measures.BasicPublic,
            measures.Project,
            measures.BySource.ToDictionary(p => char.ToLowerInvariant(p.Key.ToString()[0]) + p.Key.ToString()[1..], p => p.Value),
            children);
}
