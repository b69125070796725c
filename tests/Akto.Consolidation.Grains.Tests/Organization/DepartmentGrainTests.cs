using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Organization;

[Collection(SharedCluster.Name)]
public sealed class DepartmentGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Moving_a_unit_to_another_department_takes_its_figures_with_it()
    {
        var (first, second) = (Budgets.NewCode("D"), Budgets.NewCode("D"));
        var (mover, stayer) = (Budgets.NewCode("U"), Budgets.NewCode("U"));
        var moverBudget = Budgets.Random(new Random(31), mover, first);
        var stayerBudget = Budgets.Random(new Random(32), stayer, first);
        await Submit(moverBudget);
        await Submit(stayerBudget);
        await ExpectedTrees.AssertEventuallyAsync(_client, Scope(first), ExpectedTrees.Of([moverBudget, stayerBudget], Scope(first)));

        var moved = moverBudget with { DepartmentCode = second };
        var result = await Submit(moved);

        Assert.Equal(2, result.Version);
        await ExpectedTrees.AssertEventuallyAsync(_client, Scope(first), ExpectedTrees.Of([stayerBudget], Scope(first)));
        await ExpectedTrees.AssertEventuallyAsync(_client, Scope(second), ExpectedTrees.Of([moved], Scope(second)));
        Assert.Equal([stayer], (await _client.GetDepartment(Budgets.Year, first).GetStatusAsync()).Members.Select(m => m.UnitCode));
        Assert.Equal([mover], (await _client.GetDepartment(Budgets.Year, second).GetStatusAsync()).Members.Select(m => m.UnitCode));
        Assert.Equal(second, (await _client.GetCounty(Budgets.Year).GetUnitsAsync()).Single(u => u.UnitCode == mover).DepartmentCode);
        var drill = await _client.GetConsolidation().DrillDownAsync(Budgets.Year, Scope(first), ClassificationTree.Function, NodeKey.RootCode);
        Assert.Equal([stayer], drill.Units.Select(u => u.UnitCode));
        var consolidated = await _client.GetConsolidation().GetConsolidatedAsync(Budgets.Year, Scope(first));
        Assert.Equal([stayer], consolidated.Units.Select(u => u.UnitCode));
    }

    [Fact]
    public async Task A_department_is_approved_only_when_all_its_units_are()
    {
        var department = Budgets.NewCode("D");
        var units = new[] { department, Budgets.NewCode("U") };
        foreach (var unit in units)
        {
            await Submit(Budgets.Simple(unit, department, 10m));
            await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));
        }

        await Unit(units[0]).ApproveAsync(WorkflowCommand.By("财政局"));
        var refused = await _client.GetDepartment(Budgets.Year, department).ApproveAsync("财政局");

        Assert.False(refused.Succeeded);
        Assert.Equal([units[1]], refused.UnitsNotApproved);
        Assert.Contains(units[1], refused.Error, StringComparison.Ordinal);
        Assert.False(refused.Status.Approved);

        await Unit(units[1]).ApproveAsync(WorkflowCommand.By("财政局"));
        var approved = await _client.GetDepartment(Budgets.Year, department).ApproveAsync("财政局", "dept-approve-1");
        var retried = await _client.GetDepartment(Budgets.Year, department).ApproveAsync("财政局", "dept-approve-1");

        Assert.True(approved.Succeeded, approved.Error);
        Same.Assert(approved, retried);
        Assert.Equal(("财政局", $"单位 {department}"), (approved.Status.ApprovedBy, approved.Status.Name));
        Assert.All(approved.Status.Members, m => Assert.Equal(BudgetState.Approved, m.State));

        var latecomer = Budgets.NewCode("U");
        var late = await Submit(Budgets.Simple(latecomer, department, 5m));
        Assert.Equal(SubmissionOutcome.Refused, late.Outcome);
        Assert.Contains("已审核通过", late.Error, StringComparison.Ordinal);
        Assert.Null(await Unit(latecomer).GetAsync());
        Assert.Equal(2, (await _client.GetDepartment(Budgets.Year, department).GetStatusAsync()).Members.Length);
    }

    [Fact]
    public async Task A_department_without_units_cannot_be_approved()
    {
        var result = await _client.GetDepartment(Budgets.Year, Budgets.NewCode("D")).ApproveAsync("财政局");

        Assert.False(result.Succeeded);
        Assert.Contains("没有预算单位", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_unit_blocks_its_department_again()
    {
        var department = Budgets.NewCode("D");
        var unit = Budgets.NewCode("U");
        await Submit(Budgets.Simple(unit, department, 10m));
        await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));
        await Unit(unit).ReturnAsync(new WorkflowCommand("财政局", ["补充依据"]));

        var status = await _client.GetDepartment(Budgets.Year, department).GetStatusAsync();
        var result = await _client.GetDepartment(Budgets.Year, department).ApproveAsync("财政局");

        Assert.Equal(BudgetState.Returned, status.Members.Single().State);
        Assert.False(result.Succeeded);
    }

    private static ConsolidationScope Scope(string department) => ConsolidationScope.Department(department);

    private Task<SubmissionResult> Submit(Domain.Documents.BudgetDocument document) =>
        Unit(document.UnitCode).SubmitAsync(new BudgetSubmission(document, "单位", "提交", null));

    private IBudgetUnitGrain Unit(string code) => _client.GetBudgetUnit(Budgets.Year, code);
}
