using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Grains.Classification;
using Akto.Consolidation.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Akto.Consolidation.Grains.Tests.Classification;

[Collection(SharedCluster.Name)]
public sealed class ClassificationNodeGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Duplicated_reordered_and_stale_contributions_cannot_make_totals_drift()
    {
        var scope = ConsolidationScope.Department(Budgets.NewCode("N"));
        var leaf = _client.GetNode(NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, "2080101"));

        // Version 3 overtakes 1 and 2, then everything arrives again, partly at once.
        await leaf.ContributeAsync(Contribution("A", 3, 20m));
        await leaf.ContributeAsync(Contribution("A", 1, 30m));
        await leaf.ContributeAsync(Contribution("A", 2, 50m));
        await leaf.ContributeAsync(Contribution("B", 1, 7.5m));
        await Task.WhenAll(
            leaf.ContributeAsync(Contribution("A", 3, 20m)),
            leaf.ContributeAsync(Contribution("B", 1, 7.5m)),
            leaf.ContributeAsync(Contribution("A", 2, 50m)));

        Assert.Equal(27.5m, (await leaf.GetAsync()).Measures.Total);
        foreach (var code in new[] { "20801", "208", NodeKey.RootCode })
        {
            var node = _client.GetNode(new NodeKey(Budgets.Year, scope, ClassificationTree.Function, code));
            var snapshot = await ExpectedTrees.EventuallyAsync(node.GetAsync, s => s.Measures.Total == 27.5m);
            Assert.Equal(27.5m, snapshot.Measures.Total);
            Assert.Equal(7.5m, snapshot.Measures.Source(FundSource.GeneralBudget));
            Assert.Equal(20m, snapshot.Measures.Source(FundSource.UnitBusinessIncome));
        }

        await leaf.ContributeAsync(Contribution("A", 4, 0m));
        await leaf.ContributeAsync(Contribution("B", 2, 0m));
        var root = _client.GetNode(NodeKey.Root(Budgets.Year, scope, ClassificationTree.Function));
        Assert.True((await ExpectedTrees.EventuallyAsync(root.GetAsync, s => s.Measures.IsZero)).Measures.IsZero);
        var stats = await leaf.GetStatsAsync();
        Assert.Equal((9, 4, 5), (stats.CallsReceived, stats.Applied, stats.StaleIgnored));
    }

    [Fact]
    public async Task A_burst_on_many_leaves_reaches_the_root_in_few_calls()
    {
        var scope = ConsolidationScope.Department(Budgets.NewCode("N"));
        var leaves = new[] { "2080101", "2080105", "2080106", "2080150", "2080199", "2080701", "2080702", "2080704", "2080705", "2080799" };
        var sent = 0;
        for (var round = 1; round <= 10; round++)
        {
            await Task.WhenAll(leaves.SelectMany(code => Enumerable.Range(0, 10).Select(unit =>
            {
                Interlocked.Increment(ref sent);
                return _client.GetNode(NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, code))
                    .ContributeAsync(Contribution($"U{unit}", round, round * 1.01m));
            })));
        }

        var root = _client.GetNode(NodeKey.Root(Budgets.Year, scope, ClassificationTree.Function));
        var settled = await ExpectedTrees.EventuallyAsync(root.GetAsync, s => s.Measures.Total == 10 * 10 * 10.1m);
        Assert.Equal(1010m, settled.Measures.Total);
        var load = await _client.GetConsolidation().GetTreeLoadAsync(Budgets.Year, scope, ClassificationTree.Function);
        output.WriteLine($"contributions sent {sent}, leaf calls {load.LeafCalls}, root calls {load.RootCalls}, ratio {load.RootToLeafRatio:P2}");
        Assert.Equal(sent, load.LeafCalls);
        Assert.True(load.RootCalls * 10 < load.LeafCalls, $"root calls {load.RootCalls} of {load.LeafCalls}");
    }

    [Fact]
    public async Task Contributions_arriving_while_a_write_is_in_flight_are_all_acknowledged_and_stored()
    {
        // The storage serializes after an asynchronous step, as Npgsql does: every contribution of a wave interleaves
        // with the write of the previous one. A node that stored its live dictionary failed some of them with
        // "Collection was modified" (seen as HTTP 500 on PostgreSQL).
        var scope = ConsolidationScope.Department(Budgets.NewCode("N"));
        var key = NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, "2080101");
        var leaf = _client.GetNode(key);
        for (var wave = 1; wave <= 5; wave++)
        {
            var round = wave;
            await Task.WhenAll(Enumerable.Range(0, 200).Select(unit => leaf.ContributeAsync(Contribution($"U{unit:D3}", round, round))));
        }

        var snapshot = await leaf.GetAsync();
        Assert.Equal(200 * 5m, snapshot.Measures.Total);
        Assert.Equal(200, snapshot.Children.Length);
        Assert.All(snapshot.Children, child => Assert.Equal(5L, child.Version));
    }

    [Fact]
    public async Task Contributions_are_acknowledged_from_memory_checkpointed_later_and_cleanly_on_deactivation()
    {
        var scope = ConsolidationScope.Department(Budgets.NewCode("N"));
        var leaf = _client.GetNode(NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, "2080101"));

        await leaf.ContributeAsync(Contribution("A", 1, 10m));

        // The activation recorded its incarnation before serving the call; the figures come with the next checkpoint.
        var first = Row(leaf);
        Assert.Equal((1L, false), (first.Incarnation, first.Clean));
        var checkpoint = await ExpectedTrees.EventuallyAsync(() => Task.FromResult(Row(leaf)), r => r.Children.ContainsKey("A"), TimeSpan.FromSeconds(10));
        Assert.Equal(10m, checkpoint.Children["A"].Measures.Total);
        Assert.False(checkpoint.Clean);

        await _client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var deactivated = await ExpectedTrees.EventuallyAsync(() => Task.FromResult(Row(leaf)), r => r.Clean, TimeSpan.FromSeconds(10));
        Assert.Equal(1L, deactivated.Incarnation);

        Assert.Equal(10m, (await leaf.GetAsync()).Measures.Total);
        Assert.Equal((2L, false), (Row(leaf).Incarnation, Row(leaf).Clean));
        Assert.Equal(0, (await _client.GetScopeRepair(Budgets.Year, scope).GetStatusAsync()).Requests);
    }

    [Fact]
    public async Task A_node_back_from_a_running_activations_checkpoint_has_its_scope_repaired()
    {
        // As a silo crash leaves it: a checkpoint written while running, holding a figure no unit stands behind.
        var scope = ConsolidationScope.Department(Budgets.NewCode("N"));
        var leaf = _client.GetNode(NodeKey.Leaf(Budgets.Year, scope, ClassificationTree.Function, "2080101"));
        var lost = new ClassificationNodeState { Incarnation = 3, Sequence = (3L << ClassificationNodeGrain.IncarnationShift) + 1, Clean = false };
        lost.Children["GONE"] = new NodeChildState(4, Contribution("GONE", 4, 25m).Measures, [], 1);
        fixture.Store.Rows[$"{GrainStorage.ClassificationNodeState}/{leaf.GetGrainId()}"] = new SharedGrainStorage.Row(Serializer.Serialize(lost).ToArray(), "crashed");

        Assert.Equal(25m, (await leaf.GetAsync()).Measures.Total);

        var repaired = await ExpectedTrees.EventuallyAsync(leaf.GetAsync, s => s.Measures.IsZero, TimeSpan.FromSeconds(30));
        Assert.True(repaired.Measures.IsZero, $"the stray figure is still there: {repaired.Measures}");
        var repair = _client.GetScopeRepair(Budgets.Year, scope);
        var status = await ExpectedTrees.EventuallyAsync(repair.GetStatusAsync, s => s.Repairs >= 1, TimeSpan.FromSeconds(30));
        Assert.True(status.Requests >= 1);
        Assert.Contains(status.LastReport!.Differences, d => d.Contributor == "GONE");
        Assert.Equal(4L << ClassificationNodeGrain.IncarnationShift, Row(leaf).Sequence & ~((1L << ClassificationNodeGrain.IncarnationShift) - 1));
    }

    private OrleansGrainStorageSerializer Serializer => new(_client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>());

    private ClassificationNodeState Row(IClassificationNodeGrain node) =>
        Serializer.Deserialize<ClassificationNodeState>(new BinaryData(fixture.Store.Rows[$"{GrainStorage.ClassificationNodeState}/{node.GetGrainId()}"].Data))!;

    private static NodeContribution Contribution(string unit, long version, decimal amount)
    {
        var builder = new MeasuresBuilder();
        if (amount != 0m)
        {
            builder.Add(Domain.Documents.ExpenditureCategory.Basic, personnel: true, unit == "B" ? FundSource.GeneralBudget : FundSource.UnitBusinessIncome, amount);
        }

        return new NodeContribution(unit, version, builder.Build(), [], 1);
    }
}
