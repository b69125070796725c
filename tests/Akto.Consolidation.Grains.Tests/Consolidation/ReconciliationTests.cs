using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

[Collection(SharedCluster.Name)]
public sealed class ReconciliationTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Reconciliation_of_exact_trees_finds_and_repairs_nothing()
    {
        var department = Budgets.NewCode("D");
        var scope = ConsolidationScope.Department(department);
        var documents = Enumerable.Range(0, 3).Select(i => Budgets.Random(new Random(40 + i), Budgets.NewCode("U"), department)).ToList();
        foreach (var document in documents)
        {
            await Submit(document);
        }

        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of(documents, scope));
        var report = await _client.GetReconciliation().ReconcileAsync(Budgets.Year, scope);

        Assert.Empty(report.Differences);
        Assert.Empty(report.UnitsRepublished);
        Assert.Equal(0, report.NodesResent);
        Assert.Empty(report.FactsDifferences);
        Assert.True(report.Exact);
        Assert.Equal(3, report.UnitsChecked);
    }

    [Fact]
    public async Task The_tables_read_the_scope_facts_and_reconciliation_repairs_a_lost_and_a_stray_unit_there()
    {
        var (department, scope, documents) = await SubmitTwoUnitsAsync();

        var expected = Elimination.Consolidate(Budgets.Year, documents);
        var consolidation = _client.GetConsolidation();
        Assert.True(expected.Facts.HasSameCells((await consolidation.GetConsolidatedAsync(Budgets.Year, scope)).Facts));

        // The shard loses a unit's facts (a message from nowhere, far ahead of the unit's version) and gains a ghost's.
        var shard = _client.GetScopeFacts(Budgets.Year, scope, documents[0].UnitCode);
        await shard.ContributeAsync(new UnitFactsContribution(documents[0].UnitCode, 1_000_000, null, null, null, false));
        await shard.ContributeAsync(new UnitFactsContribution("GHOSTF", 1, 1, Elimination.FactsWithinScope(Budgets.Simple("GHOSTF", department, 7m), new HashSet<string>()), null, false));
        var damaged = await consolidation.GetConsolidatedAsync(Budgets.Year, scope);
        Assert.False(expected.Facts.HasSameCells(damaged.Facts));
        Assert.Equal(["GHOSTF", documents[1].UnitCode], damaged.Units.Select(u => u.UnitCode).Order(StringComparer.Ordinal));

        var report = await _client.GetReconciliation().ReconcileAsync(Budgets.Year, scope);

        Assert.Contains(report.FactsDifferences, d => d.UnitCode == documents[0].UnitCode && d.Problem == "missing");
        Assert.Contains(report.FactsDifferences, d => d.UnitCode == "GHOSTF" && d.Problem == "stray");
        Assert.True(report.Exact, string.Join('\n', report.FactsRemaining));
        var repaired = await consolidation.GetConsolidatedAsync(Budgets.Year, scope);
        Assert.True(expected.Facts.HasSameCells(repaired.Facts));
        Assert.Equal(documents.Select(d => d.UnitCode).Order(StringComparer.Ordinal), repaired.Units.Select(u => u.UnitCode));
        Assert.All(repaired.Units, u => Assert.Equal(1, u.Version));
    }

    [Fact]
    public async Task Reconciliation_repairs_a_stray_figure_a_lost_update_and_a_stale_parent()
    {
        var (department, scope, documents) = await SubmitTwoUnitsAsync();

        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of(documents, scope));

        // A unit that is not in the department shows up at a leaf; a real unit's figures are overwritten by a message
        // from nowhere with a version far ahead of the unit's; a parent holds a wrong entry for one of its children.
        var leaf = _client.GetNode(NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, "2080101"));
        await leaf.ContributeAsync(new NodeContribution("GHOST", 1, Amount(99m), [], 1));
        await leaf.ContributeAsync(new NodeContribution(documents[0].UnitCode, 1_000_000, Measures.Zero, [], 1));
        await _client.GetNode(NodeKey.Root(Budgets.Year, scope, ClassificationTree.Economic)).ContributeAsync(new NodeContribution("303", 1_000_000, Amount(5m), [], null));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.NotEmpty(ExpectedTrees.Differences(ExpectedTrees.Of(documents, scope), await ExpectedTrees.ReadAsync(_client, scope)));

        var report = await _client.GetReconciliation().ReconcileAsync(Budgets.Year, scope);

        Assert.Contains(report.Differences, d => d.Contributor == "GHOST");
        Assert.Contains(report.Differences, d => d.Contributor == documents[0].UnitCode && d.Actual.IsZero && d.Expected.Total == 40m);
        Assert.Contains(report.Differences, d => d.NodeKey.EndsWith("economic/root", StringComparison.Ordinal) && d.Contributor == "303");
        Assert.Equal(new[] { documents[0].UnitCode, "GHOST" }.Order(StringComparer.Ordinal), report.UnitsRepublished);
        Assert.True(report.Exact, string.Join('\n', report.Remaining));
        Assert.Empty(ExpectedTrees.Differences(ExpectedTrees.Of(documents, scope), await ExpectedTrees.ReadAsync(_client, scope)));

        // The repaired unit keeps working normally afterwards.
        var changed = Budgets.Simple(documents[0].UnitCode, department, 45m);
        await Submit(changed);
        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of([changed, documents[1]], scope));
    }

    /// <summary>Two units of a new department: 40 万元 on 2080101/30101 and 60 万元 on 2080199/30201.</summary>
    private async Task<(string Department, ConsolidationScope Scope, BudgetDocument[] Documents)> SubmitTwoUnitsAsync()
    {
        var department = Budgets.NewCode("D");
        var documents = new[] { Budgets.Simple(Budgets.NewCode("U"), department, 40m), Budgets.Simple(Budgets.NewCode("U"), department, 60m, "2080199", "30201") };
        foreach (var document in documents)
        {
            await Submit(document);
        }

        return (department, ConsolidationScope.Department(department), documents);
    }

    private static Measures Amount(decimal amount)
    {
        var builder = new MeasuresBuilder();
        builder.Add(ExpenditureCategory.Basic, personnel: true, FundSource.UnitBusinessIncome, amount);
        return builder.Build();
    }

    private Task<SubmissionResult> Submit(BudgetDocument document) =>
        _client.GetBudgetUnit(Budgets.Year, document.UnitCode).SubmitAsync(new BudgetSubmission(document, "单位", "提交", null));
}
