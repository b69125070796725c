using System.Collections.Immutable;
using System.Text.Json;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Units;

[Collection(SharedCluster.Name)]
public sealed class BudgetUnitGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Accepts_a_valid_budget_as_version_one_with_author_time_and_reason()
    {
        var unit = Budgets.NewCode("U");
        var before = DateTimeOffset.UtcNow;

        var result = await Unit(unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "编制人 张三", "年初预算", null));

        Assert.Equal(SubmissionOutcome.Accepted, result.Outcome);
        Assert.Equal(1, result.Version);
        Assert.Equal(BudgetState.Draft, result.State);
        Assert.All(result.Findings, f => Assert.Equal(Domain.Validation.Severity.Warning, f.Severity));
        Assert.NotEmpty(result.Findings);
        var stored = await Unit(unit).GetAsync();
        Assert.NotNull(stored);
        Assert.Equal(("编制人 张三", "年初预算"), (stored.Author, stored.Reason));
        Assert.InRange(stored.At, before, DateTimeOffset.UtcNow);
        Assert.Equal(Budgets.Seed.Lines.Sum(l => l.Amount), stored.Document.Lines.Sum(l => l.Amount));
        var facts = await Unit(unit).GetFactsAsync();
        Assert.Equal(Budgets.Seed.Lines.Sum(l => l.Amount), facts!.SumLines(_ => true));
    }

    [Fact]
    public async Task Every_accepted_version_is_kept_as_it_was_with_who_and_why()
    {
        var unit = Budgets.NewCode("U");
        var random = new Random(7);
        var documents = Enumerable.Range(0, 3).Select(_ => Budgets.Random(random, unit, "DV" + unit)).ToList();
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(i + 1, (await Unit(unit).SubmitAsync(new BudgetSubmission(documents[i], $"作者{i}", $"第{i + 1}次修改", null))).Version);
        }

        var versions = await Unit(unit).GetVersionsAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(["作者0", "作者1", "作者2"], versions.Select(v => v.Author));
        Assert.Equal(documents.Select(d => d.Lines.Sum(l => l.Amount)), versions.Select(v => v.ExpenditureTotal));
        for (var i = 0; i < documents.Count; i++)
        {
            var version = await Unit(unit).GetAsync(i + 1);
            Assert.Equal(Json(documents[i]), Json(version!.Document));
        }

        Assert.Null(await Unit(unit).GetAsync(4));
    }

    [Fact]
    public async Task A_rejected_submission_returns_its_findings_and_changes_no_figure_anywhere()
    {
        var unit = Budgets.NewCode("U");
        var department = ConsolidationScope.Department(Budgets.NewCode("D"));
        var valid = Budgets.Random(new Random(11), unit, department.DepartmentCode!);
        await Unit(unit).SubmitAsync(new BudgetSubmission(valid, "甲", "初稿", null));
        await ExpectedTrees.AssertEventuallyAsync(_client, department, ExpectedTrees.Of([valid], department));
        var county = await SettledAsync(ConsolidationScope.County);
        var status = await Unit(unit).GetStatusAsync();

        var moved = Budgets.Unbalanced(Budgets.Random(new Random(12), unit, Budgets.NewCode("D")));
        var result = await Unit(unit).SubmitAsync(new BudgetSubmission(moved, "甲", "错误的修改", "reject-1"));

        Assert.Equal(SubmissionOutcome.Rejected, result.Outcome);
        Assert.Equal(1, result.Version);
        Assert.Contains(result.Findings, f => f.RuleId == "X-100" && f.Severity == Domain.Validation.Severity.Error);
        Assert.Equal(Json(valid), Json((await Unit(unit).GetAsync())!.Document));
        Assert.Single(await Unit(unit).GetVersionsAsync());
        Assert.Equal(status.ContributionSequence, (await Unit(unit).GetStatusAsync()).ContributionSequence);
        Assert.Equal(status.DepartmentCode, (await Unit(unit).GetStatusAsync()).DepartmentCode);
        await Task.Delay(ClassificationNodeGrainCadence * 4, TestContext.Current.CancellationToken);
        Assert.Empty(ExpectedTrees.Differences(ExpectedTrees.Of([valid], department), await ExpectedTrees.ReadAsync(_client, department)));
        Assert.Equal(county, await ExpectedTrees.ReadAsync(_client, ConsolidationScope.County));
    }

    [Fact]
    public async Task A_retried_submission_returns_the_first_result_without_applying_twice()
    {
        var unit = Budgets.NewCode("U");
        var first = new BudgetSubmission(Budgets.Random(new Random(21), unit, "DR" + unit), "甲", "初稿", "request-1");
        var other = new BudgetSubmission(Budgets.Random(new Random(22), unit, "DR" + unit), "甲", "另一份", "request-1");

        var results = await Task.WhenAll(Unit(unit).SubmitAsync(first), Unit(unit).SubmitAsync(first));
        var retried = await Unit(unit).SubmitAsync(other);

        Same.Assert(results[0], results[1]);
        Same.Assert(results[0], retried);
        Assert.Equal(1, retried.Version);
        Assert.Single(await Unit(unit).GetVersionsAsync());
        Assert.Equal(Json(first.Document), Json((await Unit(unit).GetAsync())!.Document));
    }

    [Fact]
    public async Task Json_submissions_are_checked_against_the_format_first()
    {
        var unit = Budgets.NewCode("U");
        var json = Json(Budgets.SeedAs(unit)).Replace("\"unitName\":", "\"unknownField\":1,\"unitName\":", StringComparison.Ordinal);

        var rejected = await Unit(unit).SubmitJsonAsync(new BudgetJsonSubmission(json, "甲", "上传", null));
        var accepted = await Unit(unit).SubmitJsonAsync(new BudgetJsonSubmission(Json(Budgets.SeedAs(unit)), "甲", "上传", null));

        Assert.Equal(SubmissionOutcome.Rejected, rejected.Outcome);
        Assert.Contains(rejected.Findings, f => f.RuleId == "S-01");
        Assert.Null(rejected.Version);
        Assert.Equal(SubmissionOutcome.Accepted, accepted.Outcome);
    }

    [Fact]
    public async Task A_document_of_another_unit_or_year_is_rejected()
    {
        var unit = Budgets.NewCode("U");

        var result = await Unit(unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs("SOMEONEELSE"), "甲", "错单位", null));

        Assert.Equal(SubmissionOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Findings, f => f.RuleId == "G-02");
        Assert.Null(await Unit(unit).GetAsync());
    }

    [Fact]
    public async Task Every_legal_transition_moves_the_state_and_is_recorded()
    {
        var unit = Budgets.NewCode("U");
        await Unit(unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "初稿", null));

        var sent = await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));
        var returned = await Unit(unit).ReturnAsync(new WorkflowCommand("财政局", ["公用经费超标准", "缺绩效目标"]));
        var reopened = await Unit(unit).ReopenAsync(WorkflowCommand.By("单位"));
        var resent = await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));
        var returnedAgain = await Unit(unit).ReturnAsync(new WorkflowCommand("财政局", ["再改"]));
        var edited = await Unit(unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "按退回意见修改", null));
        var sentAgain = await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));
        var approved = await Unit(unit).ApproveAsync(WorkflowCommand.By("财政局"));

        Assert.Equal(
            [BudgetState.Submitted, BudgetState.Returned, BudgetState.Draft, BudgetState.Submitted, BudgetState.Returned, BudgetState.Draft, BudgetState.Submitted, BudgetState.Approved],
            new[] { sent.State, returned.State, reopened.State, resent.State, returnedAgain.State, edited.State, sentAgain.State, approved.State });
        Assert.All(new[] { sent, returned, reopened, resent, returnedAgain, sentAgain, approved }, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(2, edited.Version);
        var history = (await Unit(unit).GetStatusAsync()).History;
        Assert.Equal(
            [WorkflowAction.SendForReview, WorkflowAction.Return, WorkflowAction.Reopen, WorkflowAction.SendForReview, WorkflowAction.Return, WorkflowAction.Edit, WorkflowAction.SendForReview, WorkflowAction.Approve],
            history.Select(e => e.Action));
        Assert.Equal(["公用经费超标准", "缺绩效目标"], history[1].Reasons);
        Assert.Equal("财政局", history[1].Actor);
        Assert.Equal((BudgetState.Returned, BudgetState.Draft, 2), (history[5].From, history[5].To, history[5].Version!.Value));
        Assert.Equal(Enumerable.Range(1, 8), history.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_with_a_clear_error_and_change_nothing()
    {
        var unit = Budgets.NewCode("U");
        var grain = Unit(unit);
        await AssertRefused(grain.SendForReviewAsync(WorkflowCommand.By("单位")), BudgetState.Draft, "还没有审核通过的预算版本");
        await grain.SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "初稿", null));

        await AssertRefused(grain.ApproveAsync(WorkflowCommand.By("财政局")), BudgetState.Draft, "不能在“草稿”状态下审核通过");
        await AssertRefused(grain.ReturnAsync(new WorkflowCommand("财政局", ["x"])), BudgetState.Draft, "不能在“草稿”状态下退回");
        await AssertRefused(grain.ReopenAsync(WorkflowCommand.By("单位")), BudgetState.Draft, "不能在“草稿”状态下重新编辑");

        await grain.SendForReviewAsync(WorkflowCommand.By("单位"));
        var edit = await grain.SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "偷偷修改", null));
        Assert.Equal((SubmissionOutcome.Refused, 1, BudgetState.Submitted), (edit.Outcome, edit.Version, edit.State));
        Assert.Contains("预算已送审，须由财政局退回后才能修改", edit.Error, StringComparison.Ordinal);
        await AssertRefused(grain.SendForReviewAsync(WorkflowCommand.By("单位")), BudgetState.Submitted, "不能在“送审”状态下送审");
        await AssertRefused(grain.ReopenAsync(WorkflowCommand.By("单位")), BudgetState.Submitted, "不能在“送审”状态下重新编辑");
        await AssertRefused(grain.ReturnAsync(new WorkflowCommand("财政局", [])), BudgetState.Submitted, "退回必须说明理由");
        await AssertRefused(grain.ReturnAsync(new WorkflowCommand("财政局", ["  "])), BudgetState.Submitted, "退回必须说明理由");

        await grain.ReturnAsync(new WorkflowCommand("财政局", ["补充说明"]));
        await AssertRefused(grain.SendForReviewAsync(WorkflowCommand.By("单位")), BudgetState.Returned, "退回的预算须先修改或重新编辑");
        await AssertRefused(grain.ApproveAsync(WorkflowCommand.By("财政局")), BudgetState.Returned, "不能在“退回”状态下审核通过");

        await grain.ReopenAsync(WorkflowCommand.By("单位"));
        await grain.SendForReviewAsync(WorkflowCommand.By("单位"));
        await grain.ApproveAsync(WorkflowCommand.By("财政局"));
        var late = await grain.SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "批复后修改", null));
        Assert.Equal(SubmissionOutcome.Refused, late.Outcome);
        Assert.Contains("预算已审核通过，本年度不能再变更", late.Error, StringComparison.Ordinal);
        foreach (var command in new Func<Task<WorkflowResult>>[]
        {
            () => grain.ApproveAsync(WorkflowCommand.By("财政局")),
            () => grain.ReturnAsync(new WorkflowCommand("财政局", ["x"])),
            () => grain.SendForReviewAsync(WorkflowCommand.By("单位")),
            () => grain.ReopenAsync(WorkflowCommand.By("单位")),
        })
        {
            await AssertRefused(command(), BudgetState.Approved, "预算已审核通过");
        }

        var status = await grain.GetStatusAsync();
        Assert.Equal((BudgetState.Approved, 1), (status.State, status.CurrentVersion!.Value));
        Assert.Equal(5, status.History.Length);
    }

    [Fact]
    public async Task A_retried_workflow_command_returns_its_first_result()
    {
        var unit = Budgets.NewCode("U");
        await Unit(unit).SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "单位", "初稿", null));
        await Unit(unit).SendForReviewAsync(WorkflowCommand.By("单位"));

        var first = await Unit(unit).ApproveAsync(WorkflowCommand.By("财政局", "approve-1"));
        var retried = await Unit(unit).ApproveAsync(WorkflowCommand.By("财政局", "approve-1"));
        var again = await Unit(unit).ApproveAsync(WorkflowCommand.By("财政局", "approve-2"));

        Assert.True(first.Succeeded);
        Same.Assert(first, retried);
        Assert.False(again.Succeeded);
        Assert.Equal(2, (await Unit(unit).GetStatusAsync()).History.Length);
    }

    private static readonly TimeSpan ClassificationNodeGrainCadence = TimeSpan.FromMilliseconds(50);

    private static async Task AssertRefused(Task<WorkflowResult> command, BudgetState state, string message)
    {
        var result = await command;
        Assert.False(result.Succeeded);
        Assert.Equal(state, result.State);
        Assert.Null(result.Event);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    /// <summary>The scope's trees once they stop changing (earlier tests' figures may still be on their way up).</summary>
    private async Task<Dictionary<string, Measures>> SettledAsync(ConsolidationScope scope)
    {
        var previous = await ExpectedTrees.ReadAsync(_client, scope);
        while (true)
        {
            await Task.Delay(ClassificationNodeGrainCadence * 3, TestContext.Current.CancellationToken);
            var current = await ExpectedTrees.ReadAsync(_client, scope);
            if (current.Count == previous.Count && current.All(c => previous.TryGetValue(c.Key, out var p) && p.Equals(c.Value)))
            {
                return current;
            }

            previous = current;
        }
    }

    private static string Json(BudgetDocument document) => JsonSerializer.Serialize(document, BudgetJson.Options);

    private IBudgetUnitGrain Unit(string code) => _client.GetBudgetUnit(Budgets.Year, code);
}
