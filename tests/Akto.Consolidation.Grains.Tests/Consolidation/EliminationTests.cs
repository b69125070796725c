using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

/// <summary>
/// A department head pays 30 万元 of its 100 万元 事业收入 to its subordinate, which books it as 上级补助收入 and spends it:
/// the department and the county count the 30 once, whichever unit submits first.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class EliminationTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Money_moving_inside_a_department_is_counted_once_in_its_trees_and_tables(bool subordinateFirst)
    {
        var (head, subordinate) = Pair();
        var scope = ConsolidationScope.Department(head.UnitCode);
        foreach (var document in subordinateFirst ? new[] { subordinate, head } : [head, subordinate])
        {
            Assert.True((await Submit(document)).Accepted);
        }

        // Expected: both units' lines except the head's payment to its subordinate.
        var counted = new[] { head with { Lines = [head.Lines[0]] }, subordinate };
        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of(counted, scope));
        // The county is shared with the other tests of the cluster, and their sums may still be on their way up: compare
        // its root with the recomputation from every unit's current version, which must hold the transfer once.
        var consolidation = _client.GetConsolidation();
        var (countyFacts, countyRoot) = await ExpectedTrees.EventuallyAsync(
            async () => ((await consolidation.GetConsolidatedAsync(Budgets.Year, ConsolidationScope.County)).Facts, await RootTotalAsync(ConsolidationScope.County)),
            c => c.Item2 == c.Item1.SumLines(_ => true));
        Assert.Equal(countyFacts.SumLines(_ => true), countyRoot);
        Assert.Contains(new InternalTransfer(head.UnitCode, subordinate.UnitCode, 30m, 30m), (await consolidation.GetConsolidatedAsync(Budgets.Year, ConsolidationScope.County)).Transfers);

        var consolidated = await consolidation.GetConsolidatedAsync(Budgets.Year, scope);
        Assert.Equal(100m, consolidated.Facts.SumIncome(_ => true));
        Assert.Equal(100m, consolidated.Facts.SumLines(_ => true));
        Assert.Equal([new InternalTransfer(head.UnitCode, subordinate.UnitCode, 30m, 30m)], consolidated.Transfers);
        Assert.Empty(consolidated.Findings);

        var tables = await consolidation.GetDisclosureAsync(Budgets.Year, scope);
        Assert.Equal(100m, tables.Table(1).Value("总计", "收入/预算数"));
        Assert.Equal(0m, tables.Table(1).Value("上级补助收入", "收入/预算数"));
        Assert.Equal(100m, tables.Table(3).Value("合计", "支出预算/合计"));
        Assert.Equal("部门收支总体情况表", tables.Table(1).Title);
        Assert.Equal(head.UnitName, tables.Scope.Name);

        var leaf = await consolidation.GetTreeAsync(Budgets.Year, scope, ClassificationTree.Function, "2080199");
        Assert.True(leaf.Measures.IsZero);
    }

    [Fact]
    public async Task A_subordinate_moving_out_makes_the_payment_count_again_in_the_department()
    {
        var (head, subordinate) = Pair();
        var scope = ConsolidationScope.Department(head.UnitCode);
        await Submit(head);
        await Submit(subordinate);
        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of([head with { Lines = [head.Lines[0]] }, subordinate], scope));

        var moved = subordinate with { DepartmentCode = Budgets.NewCode("D") };
        Assert.True((await Submit(moved)).Accepted);

        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of([head], scope));
        var tables = await _client.GetConsolidation().GetDisclosureAsync(Budgets.Year, scope);
        Assert.Equal(100m, tables.Table(1).Value("总计", "支出/预算数"));
    }

    private static (BudgetDocument Head, BudgetDocument Subordinate) Pair()
    {
        var head = Budgets.NewCode("D");
        var subordinate = Budgets.NewCode("S");
        return (
            new BudgetDocument
            {
                Year = Budgets.Year,
                UnitCode = head,
                UnitName = $"主管部门 {head}",
                DepartmentCode = head,
                Income = [new IncomeLine { Source = FundSource.UnitBusinessIncome, Amount = 100m }],
                Lines =
                [
                    new ExpenditureLine { FunctionCode = "2080101", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = FundSource.UnitBusinessIncome, Amount = 70m },
                    new ExpenditureLine { FunctionCode = "2080199", Category = ExpenditureCategory.Basic, EconomicCode = "30399", FundSource = FundSource.UnitBusinessIncome, Amount = 30m, PayeeUnitCode = subordinate },
                ],
            },
            new BudgetDocument
            {
                Year = Budgets.Year,
                UnitCode = subordinate,
                UnitName = $"下属单位 {subordinate}",
                DepartmentCode = head,
                Income = [new IncomeLine { Source = FundSource.UnitSuperiorSubsidy, Amount = 30m, PayerUnitCode = head }],
                Lines = [new ExpenditureLine { FunctionCode = "2080150", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = FundSource.UnitSuperiorSubsidy, Amount = 30m }],
            });
    }

    private async Task<decimal> RootTotalAsync(ConsolidationScope scope) =>
        (await _client.GetNode(NodeKey.Root(Budgets.Year, scope, ClassificationTree.Function)).GetAsync()).Measures.Total;

    private Task<SubmissionResult> Submit(BudgetDocument document) =>
        _client.GetBudgetUnit(Budgets.Year, document.UnitCode).SubmitAsync(new BudgetSubmission(document, "单位", "提交", null));
}
