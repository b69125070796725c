using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;


namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>The scope's units with their current versions: the county's register, or a department's units and members.</summary>
internal sealed record ScopeContent(
    string Name,
    ImmutableArray<CountyUnit> Registry,
    DepartmentStatus? Department,
    SortedDictionary<string, BudgetVersion> Versions);

/// <summary>What the query and reconciliation grains read of a scope: its units' current versions and its trees.</summary>
internal static class ScopeReader
{
    public static async Task<ScopeContent> LoadScopeAsync(IGrainFactory grains, int year, ConsolidationScope scope)
    {
        var registry = await grains.GetCounty(year).GetUnitsAsync();
        DepartmentStatus? department = null;
        IEnumerable<string> candidates = registry.Select(u => u.UnitCode);
        if (!scope.IsCounty)
        {
            department = await grains.GetDepartment(year, scope.DepartmentCode).GetStatusAsync();
            candidates = registry.Where(u => u.DepartmentCode == scope.DepartmentCode).Select(u => u.UnitCode)
                .Concat(department.Members.Select(m => m.UnitCode))
                .Distinct(StringComparer.Ordinal);
        }

        var versions = await Task.WhenAll(candidates.Select(unit => grains.GetBudgetUnit(year, unit).GetAsync()));
        var inScope = new SortedDictionary<string, BudgetVersion>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            if (version is not null && (scope.IsCounty || version.Document.DepartmentCode == scope.DepartmentCode))
            {
                inScope[version.Document.UnitCode] = version;
            }
        }

        return new ScopeContent(scope.IsCounty ? DisclosureScope.County().Name : department!.Name, registry, department, inScope);
    }


    public static async Task<Dictionary<string, NodeSnapshot>> TraverseAsync(IGrainFactory grains, IEnumerable<NodeKey> starts)
    {
        var result = new Dictionary<string, NodeSnapshot>(StringComparer.Ordinal);
        var frontier = starts.DistinctBy(k => k.ToString()).ToList();
        while (frontier.Count > 0)
        {
            var snapshots = await Task.WhenAll(frontier.Select(k => grains.GetNode(k).GetAsync()));
            foreach (var snapshot in snapshots)
            {
                result[snapshot.Key.ToString()] = snapshot;
            }

            frontier = [.. snapshots
                .Where(s => !s.Key.IsLeaf)
                .SelectMany(s => s.Children.Select(c => s.Key.Child(c.Contributor)))
                .Where(k => !result.ContainsKey(k.ToString()))
                .DistinctBy(k => k.ToString())];
        }

        return result;
    }


    public static IEnumerable<NodeKey> Roots(int year, ConsolidationScope scope) =>
        [NodeKey.Root(year, scope, ClassificationTree.Function), NodeKey.Root(year, scope, ClassificationTree.Economic)];

}
