using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Facts;
using Orleans.Concurrency;


namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>
/// Queries over a scope: tree views, drill-down, consolidated figures and tables. Stateless and replicated per silo: it
/// only reads the trees, the register and the units. Reconciliation is <see cref="ReconciliationGrain"/>'s.
/// </summary>
[StatelessWorker]
public sealed class ConsolidationGrain(ClusterCatalogs catalogs)
    : Grain, IConsolidationGrain
{
    private const string RootName = "合计";

    public async Task<TreeNodeView> GetTreeAsync(int year, ConsolidationScope scope, ClassificationTree tree, string code)
    {
        var key = new NodeKey(year, scope, tree, code);
        var snapshot = await Node(key).GetAsync();
        var catalog = await catalogs.FindAsync(year);
        var names = key.IsLeaf
            ? (await GrainFactory.GetCounty(year).GetUnitsAsync()).ToDictionary(u => u.UnitCode, u => u.UnitName, StringComparer.Ordinal)
            : [];
        var children = snapshot.Children
            .Where(c => !c.Measures.IsZero)
            .Select(c => key.IsLeaf
                ? new TreeChildView(c.Contributor, names.GetValueOrDefault(c.Contributor) ?? c.Contributor, true, c.Measures)
                : new TreeChildView(c.Contributor, NameOf(key.Child(c.Contributor), catalog), false, c.Measures));
        return new TreeNodeView(key, NameOf(key, catalog), snapshot.Measures, [.. children]);
    }

    public async Task<DrillDownView> DrillDownAsync(int year, ConsolidationScope scope, ClassificationTree tree, string code)
    {
        var key = new NodeKey(year, scope, tree, code);
        var nodes = await ScopeReader.TraverseAsync(GrainFactory, [key]);
        var names = (await GrainFactory.GetCounty(year).GetUnitsAsync()).ToDictionary(u => u.UnitCode, u => u.UnitName, StringComparer.Ordinal);
        var units = nodes.Values
            .Where(n => n.Key.IsLeaf)
            .SelectMany(n => n.Children)
            .Where(c => !c.Measures.IsZero)
            .GroupBy(c => c.Contributor, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnitShare(
                g.Key,
                names.GetValueOrDefault(g.Key) ?? g.Key,
                g.Max(c => c.DocumentVersion),
                Measures.Sum(g.Select(c => c.Measures)),
                [.. g.SelectMany(c => c.Projects)
                    .GroupBy(p => p.ProjectCode, StringComparer.Ordinal)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new ProjectShare(p.Key, p.First().ProjectName, p.Sum(x => x.Amount)))]));
        return new DrillDownView(key, NameOf(key, await catalogs.FindAsync(year)), nodes[key.ToString()].Measures, [.. units]);
    }

    /// <summary>
    /// From the scope's facts shards: the sum of their sums, and the transfers matched from their units' declarations —
    /// the same figures <see cref="Elimination.Consolidate"/> gives for the units' current documents, without reading them.
    /// </summary>
    public async Task<ConsolidatedBudget> GetConsolidatedAsync(int year, ConsolidationScope scope)
    {
        var name = ScopeNameAsync(year, scope);
        var parts = await Task.WhenAll(ScopeFactsKey.All(year, scope).Select(key => GrainFactory.GetGrain<IScopeFactsGrain>(key).GetAsync()));
        var (transfers, findings) = Elimination.Match(parts.SelectMany(p => p.Transfers).OrderBy(t => t.UnitCode, StringComparer.Ordinal));
        return new ConsolidatedBudget(
            year,
            scope,
            await name,
            [.. parts.SelectMany(p => p.Units).OrderBy(u => u.UnitCode, StringComparer.Ordinal)],
            BudgetFacts.Sum(year, parts.Select(p => p.Facts)),
            [.. transfers],
            [.. findings]);
    }

    public async Task<DisclosureSet> GetDisclosureAsync(int year, ConsolidationScope scope)
    {
        var consolidated = await GetConsolidatedAsync(year, scope);
        var disclosureScope = scope.IsCounty ? DisclosureScope.County() : DisclosureScope.Department(scope.DepartmentCode, consolidated.Name);
        var catalog = await catalogs.FindAsync(year) ?? throw new CatalogNotFoundException(year);
        return DisclosureTables.Build(consolidated.Facts, catalog, disclosureScope);
    }

    public async Task<TreeLoad> GetTreeLoadAsync(int year, ConsolidationScope scope, ClassificationTree tree)
    {
        var root = NodeKey.Root(year, scope, tree);
        var nodes = await ScopeReader.TraverseAsync(GrainFactory, [root]);
        var stats = await Task.WhenAll(nodes.Values.Select(n => Node(n.Key).GetStatsAsync()));
        return new TreeLoad(
            root,
            stats.Length,
            stats.Where(s => s.Key.IsLeaf).Sum(s => s.CallsReceived),
            stats.Where(s => s.Key.IsRoot).Sum(s => s.CallsReceived),
            stats.Sum(s => s.CallsReceived));
    }

    private async Task<string> ScopeNameAsync(int year, ConsolidationScope scope) =>
        scope.IsCounty ? DisclosureScope.County().Name : (await GrainFactory.GetDepartment(year, scope.DepartmentCode).GetStatusAsync()).Name;

    private static string NameOf(NodeKey key, ClassificationCatalog? catalog) =>
        key.IsRoot ? RootName : catalog?.NameOf(key.Tree, key.Code) ?? key.Code;

    private IClassificationNodeGrain Node(NodeKey key) => GrainFactory.GetNode(key);
}
