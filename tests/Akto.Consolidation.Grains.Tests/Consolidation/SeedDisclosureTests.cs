using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

/// <summary>The seed unit alone in a county: the county's and its department's tables are its own.</summary>
public sealed class SeedDisclosureTests(CountyClusterFixture fixture) : IClassFixture<CountyClusterFixture>
{
    private readonly IClusterClient _client = fixture.Client;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_seed_submitted_alone_gives_consolidated_tables_equal_to_its_own(bool county)
    {
        await SubmitSeedAsync();
        var scope = county ? ConsolidationScope.County : ConsolidationScope.Department(Budgets.Seed.DepartmentCode);

        var consolidated = await _client.GetConsolidation().GetDisclosureAsync(Budgets.Year, scope);
        var own = DisclosureTables.For(Budgets.Seed);

        Assert.Equal(county ? DisclosureScopeKind.County : DisclosureScopeKind.Department, consolidated.Scope.Kind);
        Assert.Equal(own.Tables.Select(t => t.Id), consolidated.Tables.Select(t => t.Id));
        var prefix = county ? "全县" : "部门";
        foreach (var (mine, theirs) in own.Tables.Zip(consolidated.Tables))
        {
            Assert.Equal(mine.Title.Replace("单位", prefix, StringComparison.Ordinal), theirs.Title);
            Assert.Equal(mine.Columns, theirs.Columns);
            Assert.Equal(mine.Note?.Replace(own.Scope.Name, consolidated.Scope.Name, StringComparison.Ordinal), theirs.Note);
            Assert.Equal(mine.Rows.Count, theirs.Rows.Count);
            foreach (var (a, b) in mine.Rows.Zip(theirs.Rows))
            {
                Assert.Equal((a.Code, a.Name, a.Level, a.Project, a.UnitCode), (b.Code, b.Name, b.Level, b.Project, b.UnitCode));
                Assert.Equal(a.Cells.ToList(), b.Cells.ToList());
            }
        }

        Assert.Equal(11, consolidated.Tables.Count);
        Assert.Equal(7499.14m, consolidated.Table(1).Value("总计", "收入/预算数"));
    }

    [Fact]
    public async Task The_tree_shows_each_node_with_its_children_and_their_measures()
    {
        await SubmitSeedAsync();
        var consolidation = _client.GetConsolidation();
        var root = await ExpectedTrees.EventuallyAsync(
            () => consolidation.GetTreeAsync(Budgets.Year, ConsolidationScope.County, ClassificationTree.Function, "root"),
            t => t.Measures.Total == 7499.14m);

        Assert.Equal(7499.14m, root.Measures.Total);
        Assert.Equal(["201", "208", "210", "213", "221"], root.Children.Select(c => c.Code));
        Assert.Equal("社会保障和就业支出", root.Children.Single(c => c.Code == "208").Name);
        Assert.Equal(root.Measures.Total, root.Children.Sum(c => c.Measures.Total));
        Assert.Equal(root.Measures.Total, root.Measures.Basic + root.Measures.Project);

        var item = await consolidation.GetTreeAsync(Budgets.Year, ConsolidationScope.County, ClassificationTree.Function, "2080705");
        var unit = Assert.Single(item.Children);
        Assert.Equal(("139001", "阿克陶县人力资源和社会保障局", true), (unit.Code, unit.Name, unit.IsUnit));
        Assert.Equal(item.Measures, unit.Measures);

        var drill = await consolidation.DrillDownAsync(Budgets.Year, ConsolidationScope.County, ClassificationTree.Function, "20807");
        var share = Assert.Single(drill.Units);
        Assert.Contains(share.Projects, p => p.ProjectCode == "P11" && p.Amount == 2507.12m && p.ProjectName == "2024年公益性岗位工资及社保（县级）");
        Assert.Equal(drill.Measures.Project, share.Projects.Sum(p => p.Amount));
    }

    private async Task SubmitSeedAsync()
    {
        var result = await _client.GetBudgetUnit(Budgets.Year, Budgets.Seed.UnitCode)
            .SubmitAsync(new BudgetSubmission(Budgets.Seed, "阿克陶县人力资源和社会保障局", "2024 年单位预算", "seed-2024"));
        Assert.True(result.Accepted);
    }
}
