using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Grains.Tests.Fixtures;
using Orleans.TestingHost;

namespace Akto.Consolidation.Grains.Tests.Classification;

/// <summary>
/// A single silo stopped gracefully while its nodes still hold sums they have not forwarded (a long cadence keeps them
/// pending), then a new silo over the same storage: the roots must show the last acknowledged figures at once, read on
/// their own, without any leaf being activated and without a reconciliation.
/// </summary>
public sealed class ShutdownFlushTests
{
    [Fact]
    public async Task After_a_graceful_restart_the_roots_hold_what_the_leaves_had_not_yet_forwarded()
    {
        var store = new SharedGrainStorage.Store();
        var department = Budgets.NewCode("SD");
        var unit = Budgets.NewCode("SU");
        var scopes = new[] { ConsolidationScope.County, ConsolidationScope.Department(department) };

        var first = await StartAsync(store);
        try
        {
            await Submit(first, Budgets.Simple(unit, department, 40m));
            foreach (var scope in scopes)
            {
                await ExpectedTrees.EventuallyAsync(() => RootTotalAsync(first, scope), total => total == 40m, TimeSpan.FromSeconds(10));
            }

            // Within the cadence of the first forward: every level now holds 55 and waits before forwarding it.
            await Submit(first, Budgets.Simple(unit, department, 55m));
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = await StartAsync(store);
        try
        {
            foreach (var scope in scopes)
            {
                Assert.Equal(55m, await RootTotalAsync(second, scope));
            }
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private static async Task<InProcessTestCluster> StartAsync(SharedGrainStorage.Store store)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => ClusterFixture.ConfigureGrains(silo, store, options => options.Cadence = TimeSpan.FromSeconds(5)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<decimal> RootTotalAsync(InProcessTestCluster cluster, ConsolidationScope scope) =>
        (await cluster.Client.GetNode(NodeKey.Root(Budgets.Year, scope, ClassificationTree.Function)).GetAsync()).Measures.Total;

    private static async Task Submit(InProcessTestCluster cluster, Domain.Documents.BudgetDocument document)
    {
        var result = await cluster.Client.GetBudgetUnit(Budgets.Year, document.UnitCode).SubmitAsync(new BudgetSubmission(document, "单位", "提交", null));
        Assert.True(result.Accepted, result.Error);
    }
}
