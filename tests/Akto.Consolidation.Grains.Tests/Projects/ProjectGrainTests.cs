using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Projects;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Projects;

[Collection(SharedCluster.Name)]
public sealed class ProjectGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Moving_ten_wan_yuan_between_function_codes_is_a_new_unit_version_that_moves_the_figures_up()
    {
        var (unit, scope) = await SubmitSeedAsync();
        var project = _client.GetProject(Budgets.Year, unit, "P11");

        var result = await project.MoveAsync(new ProjectMove("2080705", "2080799", 10m, "项目负责人", "公益性岗位调整", null));

        Assert.Equal((SubmissionOutcome.Accepted, 2), (result.Outcome, result.Version!.Value));
        var version = (await _client.GetBudgetUnit(Budgets.Year, unit).GetAsync())!;
        Assert.Equal(("项目负责人", "公益性岗位调整"), (version.Author, version.Reason));
        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of([version.Document], scope));
        var from = await Node(scope, "2080705");
        var to = await Node(scope, "2080799");
        var seed = ExpectedTrees.Of([Budgets.Seed], scope);
        Assert.Equal(seed[$"2024/{scope}/function/2080705"].Total - 10m, from.Measures.Total);
        Assert.Equal(seed[$"2024/{scope}/function/2080799"].Total + 10m, to.Measures.Total);
        Assert.Equal(seed[$"2024/{scope}/function/20807"].Total, (await Node(scope, "20807")).Measures.Total);
        Assert.Equal(seed[$"2024/{scope}/function/root"].Total, (await Node(scope, NodeKey.RootCode)).Measures.Total);

        var drill = await _client.GetConsolidation().DrillDownAsync(Budgets.Year, scope, ClassificationTree.Function, "2080799");
        var share = Assert.Single(drill.Units);
        Assert.Equal((unit, 2), (share.UnitCode, share.DocumentVersion!.Value));
        Assert.Equal(10m, share.Projects.Single(p => p.ProjectCode == "P11").Amount);
        Assert.Equal(2507.12m, (await project.GetAsync())!.Project.Amount);
    }

    [Fact]
    public async Task Changing_a_project_amount_moves_income_and_every_total()
    {
        var (unit, scope) = await SubmitSeedAsync();
        var project = _client.GetProject(Budgets.Year, unit, "P02");
        var view = (await project.GetAsync())!;

        var result = await project.EditAsync(new ProjectEdit(
            [.. view.Lines.Select(l => l with { Amount = l.Amount + 5m })],
            null,
            AdjustIncome: true,
            "项目负责人",
            "劳动监察补助增加",
            null));

        Assert.True(result.Accepted, result.Error ?? string.Join('\n', result.Findings));
        var edited = (await project.GetAsync())!;
        Assert.Equal((10m, 2), (edited.Project.Amount, edited.UnitVersion));
        var document = (await _client.GetBudgetUnit(Budgets.Year, unit).GetAsync())!.Document;
        Assert.Equal(3852.63m + 5m, document.Income.Single(l => l.Source == FundSource.GeneralBudget).Amount);
        var seedTotal = Budgets.Seed.Lines.Sum(l => l.Amount);
        await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of([document], scope));
        Assert.Equal(seedTotal + 5m, (await Node(scope, NodeKey.RootCode)).Measures.Total);
    }

    [Fact]
    public async Task A_project_edit_that_breaks_the_budget_is_rejected_and_changes_nothing()
    {
        var (unit, _) = await SubmitSeedAsync();
        var project = _client.GetProject(Budgets.Year, unit, "P02");
        var view = (await project.GetAsync())!;

        var result = await project.EditAsync(new ProjectEdit([.. view.Lines.Select(l => l with { Amount = 6m })], null, AdjustIncome: false, "甲", "未调收入", null));
        var impossible = await project.MoveAsync(new ProjectMove("2080105", "2080106", 50m, "甲", "调多了", null));

        Assert.Equal(SubmissionOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Findings, f => f.RuleId == "X-100");
        Assert.Equal(SubmissionOutcome.Refused, impossible.Outcome);
        Assert.Contains("只有 5.00 万元", impossible.Error, StringComparison.Ordinal);
        Assert.Single(await _client.GetBudgetUnit(Budgets.Year, unit).GetVersionsAsync());
    }

    [Fact]
    public async Task A_project_under_review_cannot_be_edited()
    {
        var (unit, _) = await SubmitSeedAsync();
        await _client.GetBudgetUnit(Budgets.Year, unit).SendForReviewAsync(WorkflowCommand.By("单位"));

        var result = await _client.GetProject(Budgets.Year, unit, "P11").MoveAsync(new ProjectMove("2080705", "2080799", 10m, "甲", "送审后调整", null));

        Assert.Equal(SubmissionOutcome.Refused, result.Outcome);
        Assert.Equal(BudgetState.Submitted, result.State);
    }

    [Fact]
    public async Task A_retried_project_edit_applies_once()
    {
        var (unit, _) = await SubmitSeedAsync();
        var project = _client.GetProject(Budgets.Year, unit, "P11");
        var move = new ProjectMove("2080705", "2080799", 10m, "甲", "调整", "move-1");

        var first = await project.MoveAsync(move);
        var retried = await project.MoveAsync(move);

        Same.Assert(first, retried);
        var lines = (await project.GetAsync())!.Lines;
        Assert.Equal(10m, lines.Single(l => l.FunctionCode == "2080799").Amount);
        Assert.Equal(2, (await _client.GetBudgetUnit(Budgets.Year, unit).GetVersionsAsync()).Length);
    }

    [Fact]
    public async Task Concurrent_edits_of_two_projects_both_apply()
    {
        var (unit, _) = await SubmitSeedAsync();

        var results = await Task.WhenAll(
            _client.GetProject(Budgets.Year, unit, "P11").MoveAsync(new ProjectMove("2080705", "2080799", 10m, "甲", "调整一", null)),
            _client.GetProject(Budgets.Year, unit, "P03").MoveAsync(new ProjectMove("2080106", "2080199", 3m, "乙", "调整二", null)));

        Assert.All(results, r => Assert.True(r.Accepted, r.Error));
        var document = (await _client.GetBudgetUnit(Budgets.Year, unit).GetAsync())!.Document;
        Assert.Equal(10m, document.Lines.Single(l => l.ProjectCode == "P11" && l.FunctionCode == "2080799").Amount);
        Assert.Equal(3m, document.Lines.Where(l => l.ProjectCode == "P03" && l.FunctionCode == "2080199").Sum(l => l.Amount));
        Assert.Equal(3, (await _client.GetBudgetUnit(Budgets.Year, unit).GetVersionsAsync()).Length);
    }

    [Fact]
    public async Task An_unknown_project_has_no_view()
    {
        var (unit, _) = await SubmitSeedAsync();

        Assert.Null(await _client.GetProject(Budgets.Year, unit, "P99").GetAsync());
        Assert.Null(await _client.GetProject(Budgets.Year, Budgets.NewCode("U"), "P01").GetAsync());
    }

    private async Task<(string Unit, ConsolidationScope Scope)> SubmitSeedAsync()
    {
        var unit = Budgets.NewCode("U");
        var result = await _client.GetBudgetUnit(Budgets.Year, unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "初稿", null));
        Assert.True(result.Accepted);
        return (unit, ConsolidationScope.Department(unit));
    }

    private Task<NodeSnapshot> Node(ConsolidationScope scope, string code) =>
        _client.GetNode(new NodeKey(Budgets.Year, scope, ClassificationTree.Function, code)).GetAsync();
}
