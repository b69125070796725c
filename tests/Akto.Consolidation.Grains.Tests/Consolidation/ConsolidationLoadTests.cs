using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

/// <summary>
/// 200 units in 12 departments submit at once: resubmissions, duplicates of the same request, racing submissions of
/// different documents, rejected documents, late retries and moves between departments. Afterwards every node of the
/// county's and every department's trees must equal, exactly, the sum of the latest accepted versions — computed here
/// from the documents.
/// </summary>
public sealed class ConsolidationLoadTests(CountyClusterFixture fixture, ITestOutputHelper output) : IClassFixture<CountyClusterFixture>
{
    private const int UnitCount = 200;
    private const int DepartmentCount = 12;

    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Every_node_equals_the_sum_of_the_latest_accepted_versions_after_concurrent_load()
    {
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentBag<(string RequestId, BudgetSubmission Submission, SubmissionResult Result)>();
        var plans = Enumerable.Range(1, UnitCount).Select(i => Plan(new Random(20240000 + i), $"U{i:000}", $"D{(i % DepartmentCount) + 1:00}")).ToList();

        await Task.WhenAll(plans.Select(plan => RunAsync(plan, results)));
        output.WriteLine($"{results.Count} submissions in {clock.Elapsed.TotalSeconds:F1} s");

        // Every request id has one result, however often it was sent; a rejected one is never a version.
        var byRequest = results.GroupBy(r => r.RequestId).ToList();
        foreach (var request in byRequest)
        {
            Assert.Single(request.Select(r => JsonSerializer.Serialize(r.Result)).Distinct());
        }

        var latest = new List<BudgetDocument>();
        foreach (var unit in byRequest.SelectMany(r => r).GroupBy(r => r.Submission.Document.UnitCode))
        {
            var accepted = unit.Where(r => r.Result.Accepted).DistinctBy(r => r.RequestId).OrderBy(r => r.Result.Version).ToList();
            Assert.Equal(Enumerable.Range(1, accepted.Count), accepted.Select(r => r.Result.Version!.Value));
            var versions = await _client.GetBudgetUnit(Budgets.Year, unit.Key).GetVersionsAsync();
            Assert.Equal(accepted.Count, versions.Length);
            latest.Add(accepted[^1].Submission.Document);
        }

        Assert.Equal(UnitCount, latest.Count);
        Assert.Contains(results, r => r.Result.Outcome == SubmissionOutcome.Rejected);
        var departments = latest.Select(d => d.DepartmentCode).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(departments.Count >= 10);

        await ExpectedTrees.AssertEventuallyAsync(_client, ConsolidationScope.County, ExpectedTrees.Of(latest, ConsolidationScope.County));
        foreach (var department in departments)
        {
            var scope = ConsolidationScope.Department(department);
            await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of(latest.Where(d => d.DepartmentCode == department), scope));
        }

        output.WriteLine($"trees exact after {clock.Elapsed.TotalSeconds:F1} s");
        var consolidation = _client.GetConsolidation();
        var reconciliation = _client.GetReconciliation();
        foreach (var tree in new[] { ClassificationTree.Function, ClassificationTree.Economic })
        {
            var load = await consolidation.GetTreeLoadAsync(Budgets.Year, ConsolidationScope.County, tree);
            output.WriteLine($"county {tree} tree: {load.Nodes} nodes, {load.LeafCalls} calls reached the leaves, {load.RootCalls} reached the root (ratio {load.RootToLeafRatio:P2}), {load.AllCalls} in all");
            Assert.True(load.RootCalls * 5 < load.LeafCalls, $"the root got {load.RootCalls} calls for {load.LeafCalls} leaf calls");
        }

        var report = await reconciliation.ReconcileAsync(Budgets.Year, ConsolidationScope.County);
        Assert.Empty(report.Differences);
        Assert.Equal(UnitCount, report.UnitsChecked);
    }

    private sealed record Step(IReadOnlyList<BudgetSubmission> Concurrent);

    /// <summary>One unit's steps: each step's submissions are sent at the same time; steps follow one another.</summary>
    private static List<Step> Plan(Random random, string unit, string home)
    {
        var steps = new List<Step>();
        var sent = new List<BudgetSubmission>();
        var counter = 0;
        BudgetSubmission New(BudgetDocument document) => new(document, $"编制人 {unit}", $"第 {++counter} 次提交", $"{unit}-{counter}");
        string Department() => random.Next(10) == 0 ? $"D{random.Next(1, DepartmentCount + 1):00}" : home;

        var first = New(Budgets.Random(random, unit, home));
        steps.Add(new Step([first]));
        sent.Add(first);
        var more = random.Next(0, 4);
        for (var i = 0; i < more; i++)
        {
            switch (random.Next(5))
            {
                case 0:
                    var duplicate = New(Budgets.Random(random, unit, Department()));
                    steps.Add(new Step([duplicate, duplicate, duplicate]));
                    sent.Add(duplicate);
                    break;
                case 1:
                    var racing = new[] { New(Budgets.Random(random, unit, Department())), New(Budgets.Random(random, unit, Department())) };
                    steps.Add(new Step(racing));
                    sent.AddRange(racing);
                    break;
                case 2:
                    steps.Add(new Step([New(Budgets.Unbalanced(Budgets.Random(random, unit, Department())))]));
                    break;
                case 3:
                    steps.Add(new Step([sent[random.Next(sent.Count)]]));
                    break;
                default:
                    var next = New(Budgets.Random(random, unit, Department()));
                    steps.Add(new Step([next]));
                    sent.Add(next);
                    break;
            }
        }

        return steps;
    }

    private async Task RunAsync(List<Step> plan, ConcurrentBag<(string, BudgetSubmission, SubmissionResult)> results)
    {
        foreach (var step in plan)
        {
            var unit = _client.GetBudgetUnit(Budgets.Year, step.Concurrent[0].Document.UnitCode);
            var outcomes = await Task.WhenAll(step.Concurrent.Select(unit.SubmitAsync));
            for (var i = 0; i < outcomes.Length; i++)
            {
                results.Add((step.Concurrent[i].ClientRequestId!, step.Concurrent[i], outcomes[i]));
            }
        }
    }
}
