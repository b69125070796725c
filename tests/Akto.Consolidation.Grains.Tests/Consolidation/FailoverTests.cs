using System.Collections.Concurrent;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

/// <summary>
/// Two silos; one is stopped without warning (killed: no deactivation, no checkpoint) while units are submitting. Clients
/// retry failed submissions with the same request id. The nodes that lived on the killed silo come back from checkpoints
/// of a running activation, ask for their scopes to be repaired, and every tree becomes exact with no one calling for a
/// reconciliation; a reconciliation afterwards finds nothing left to repair.
/// </summary>
public sealed class FailoverTests(TwoSiloClusterFixture fixture, ITestOutputHelper output) : IClassFixture<TwoSiloClusterFixture>
{
    private const int UnitCount = 60;
    private const int DepartmentCount = 6;
    private const int Rounds = 3;

    [Fact]
    public async Task Stopping_a_silo_mid_load_and_reconciling_leaves_totals_exact()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cluster = fixture.Cluster;
        Assert.Equal(2, cluster.GetActiveSilos().Count());
        var client = fixture.Client;
        var latest = new ConcurrentDictionary<string, BudgetDocument>();
        var completed = 0;
        var failures = 0;
        var halfway = new TaskCompletionSource();

        async Task RunUnitAsync(int index)
        {
            var random = new Random(777 + index);
            var unit = $"F{index:000}";
            for (var round = 1; round <= Rounds; round++)
            {
                var department = $"FD{(round == Rounds && index % 7 == 0 ? index + 1 : index) % DepartmentCount}";
                var submission = new BudgetSubmission(Budgets.Random(random, unit, department), "编制人", $"第 {round} 次", $"{unit}-{round}");
                var result = await SubmitWithRetriesAsync(client, submission, () => Interlocked.Increment(ref failures));
                Assert.True(result.Accepted, result.Error);
                latest[unit] = submission.Document;
                if (Interlocked.Increment(ref completed) == UnitCount * Rounds / 3)
                {
                    halfway.TrySetResult();
                }
            }
        }

        var load = Task.WhenAll(Enumerable.Range(1, UnitCount).Select(RunUnitAsync));
        await Task.WhenAny(halfway.Task, load).WaitAsync(TestContext.Current.CancellationToken);
        var stopped = cluster.Silos[1];
        var before = Volatile.Read(ref completed);

        // Placement decides whether the killed silo holds tree nodes at all; only then must some node ask for a repair.
        var activations = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, [stopped.SiloAddress], TestContext.Current.CancellationToken);
        var nodesOnStopped = activations.Count(a => a.GrainId.Type.ToString() == "classificationnode");
        await cluster.KillSiloAsync(stopped, TestContext.Current.CancellationToken);
        output.WriteLine($"stopped silo {stopped.SiloAddress} holding {nodesOnStopped} tree nodes: {before} of {UnitCount * Rounds} submissions done when it began to stop, {Volatile.Read(ref completed)} when it had stopped ({clock.Elapsed.TotalSeconds:F1} s)");
        await load;
        Assert.Single(cluster.GetActiveSilos());
        output.WriteLine($"{failures} calls failed and were retried with their request ids; load done at {clock.Elapsed.TotalSeconds:F1} s");

        var reconciliation = client.GetReconciliation();
        var departments = latest.Values.Select(d => d.DepartmentCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var scopes = departments.Select(ConsolidationScope.Department).Prepend(ConsolidationScope.County).ToList();
        foreach (var scope in scopes)
        {
            var expected = ExpectedTrees.Of(scope.IsCounty ? latest.Values : latest.Values.Where(d => d.DepartmentCode == scope.DepartmentCode), scope);
            await ExpectedTrees.AssertEventuallyAsync(client, scope, expected, TimeSpan.FromSeconds(90));
        }

        // A node of the killed silo asks (one-way) when it comes back, which reading the trees above made every one do.
        var requests = await ExpectedTrees.EventuallyAsync(
            async () => (await Task.WhenAll(scopes.Select(scope => client.GetScopeRepair(Budgets.Year, scope).GetStatusAsync()))).Sum(r => r.Requests),
            count => count > 0 || nodesOnStopped == 0,
            TimeSpan.FromSeconds(10));
        output.WriteLine($"exact without a reconciliation call at {clock.Elapsed.TotalSeconds:F1} s; {requests} repair requests");
        Assert.True(nodesOnStopped == 0 || requests > 0, $"the killed silo held {nodesOnStopped} tree nodes, yet none asked for a repair");

        foreach (var scope in scopes)
        {
            var report = await reconciliation.ReconcileAsync(Budgets.Year, scope);
            output.WriteLine($"{scope}: {report.UnitsChecked} units, {report.NodesChecked} nodes, {report.Differences.Length} differences, {report.UnitsRepublished.Length} units republished, {report.NodesResent} nodes resent, {report.Remaining.Length} remaining ({clock.Elapsed.TotalSeconds:F1} s)");
            Assert.True(report.Exact, string.Join('\n', report.Remaining));
            var expected = ExpectedTrees.Of(scope.IsCounty ? latest.Values : latest.Values.Where(d => d.DepartmentCode == scope.DepartmentCode), scope);
            Assert.Empty(ExpectedTrees.Differences(expected, await ExpectedTrees.ReadAsync(client, scope)));
        }

        Assert.Equal(UnitCount, latest.Count);
    }

    private static async Task<SubmissionResult> SubmitWithRetriesAsync(IClusterClient client, BudgetSubmission submission, Action onFailure)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await client.GetBudgetUnit(Budgets.Year, submission.Document.UnitCode).SubmitAsync(submission);
            }
            catch (Exception) when (attempt < 20)
            {
                onFailure();
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }
}
