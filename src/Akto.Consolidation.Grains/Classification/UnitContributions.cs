using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>What one unit puts on one leaf: its measures there and its projects' money on that code.</summary>
[GenerateSerializer, Immutable, Alias("akto.state.leaf-figures")]
public sealed record LeafFigures(
    [property: Id(0)] Measures Measures,
    [property: Id(1)] ImmutableArray<ProjectShare> Projects)
{
    public static LeafFigures Zero { get; } = new(Measures.Zero, []);

    public bool Equals(LeafFigures? other) =>
        other is not null && Measures.Equals(other.Measures) && Projects.SequenceEqual(other.Projects);

    public override int GetHashCode() => Measures.GetHashCode();
}

/// <summary>Pure arithmetic of a unit's contributions to a scope's trees.</summary>
public static class UnitContributions
{
    /// <summary>
    /// The figures <paramref name="document"/> puts on every leaf of <paramref name="scope"/>'s function and economic trees,
    /// keyed by node key. Payments to <paramref name="internalUnits"/> (units of the scope) are eliminated.
    /// </summary>
    public static Dictionary<string, LeafFigures> Compute(BudgetDocument document, ConsolidationScope scope, IReadOnlySet<string> internalUnits)
    {
        var facts = Elimination.FactsWithinScope(document, internalUnits);
        var leaves = new Dictionary<NodeKey, (MeasuresBuilder Measures, SortedDictionary<string, decimal> Projects)>();
        foreach (var (key, amount) in facts.Lines)
        {
            var personnel = ClassificationCodes.IsPersonnel(key.EconomicCode);
            foreach (var leaf in new[]
            {
                NodeKey.Leaf(document.Year, scope, ClassificationTree.Function, key.FunctionCode),
                NodeKey.Leaf(document.Year, scope, ClassificationTree.Economic, key.EconomicCode),
            })
            {
                if (!leaves.TryGetValue(leaf, out var figures))
                {
                    leaves[leaf] = figures = (new MeasuresBuilder(), new SortedDictionary<string, decimal>(StringComparer.Ordinal));
                }

                figures.Measures.Add(key.Category, personnel, key.FundSource, amount);
                if (key.Project is { } project)
                {
                    figures.Projects[project.ProjectCode] = figures.Projects.GetValueOrDefault(project.ProjectCode) + amount;
                }
            }
        }

        return leaves.ToDictionary(
            pair => pair.Key.ToString(),
            pair => new LeafFigures(
                pair.Value.Measures.Build(),
                [.. pair.Value.Projects
                    .Where(p => p.Value != 0m)
                    .Select(p => new ProjectShare(p.Key, NameOf(facts, document.UnitCode, p.Key), p.Value))]),
            StringComparer.Ordinal);
    }

    /// <summary>The unit codes a document pays money to (its payees).</summary>
    public static ImmutableArray<string> Payees(BudgetDocument document) =>
        [.. document.Lines.Select(l => l.PayeeUnitCode).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The unit codes a document exchanges money with: its payees and the payers of its transfer income.</summary>
    public static ImmutableArray<string> Counterparts(BudgetDocument document) =>
        [.. document.Lines.Select(l => l.PayeeUnitCode)
            .Concat(document.Income.Select(l => l.PayerUnitCode))
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static string NameOf(BudgetFacts facts, string unitCode, string projectCode) =>
        facts.Projects.TryGetValue(new ProjectRef(unitCode, projectCode), out var info) ? info.Name : projectCode;
}
