using Akto.Consolidation.Silo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>The silo on real PostgreSQL: ADO.NET grain storage, clustering and membership.</summary>
public sealed class PostgresSiloTests
{
    [Fact]
    public async Task Grain_state_written_through_the_silo_survives_a_restart()
    {
        var options = SiloOptions.OnPostgres();
        const string key = "2024/akto-hrss";

        await using (var silo = await RunningSilo.StartAsync(options))
        {
            var grain = silo.Grains.GetGrain<ICounterGrain>(key);
            await grain.AddAsync("草稿");
            await grain.AddAsync("送审");
            var state = await grain.AddAsync("审核通过");
            Assert.Equal(3, state.Count);
        }

        await using (var restarted = await RunningSilo.StartAsync(options))
        {
            var state = await restarted.Grains.GetGrain<ICounterGrain>(key).GetAsync();
            Assert.Equal(3, state.Count);
            Assert.Equal(["草稿", "送审", "审核通过"], state.Notes);
        }

        // One row per grain, keyed by the state name and the string key; three optimistic writes.
        var version = await TestPostgres.ScalarAsync<int>(
            "SELECT version FROM orleans_grain_state WHERE service_id = @s AND grain_type = 'test-counter' AND grain_id_extension = @k",
            ("s", options.ServiceId), ("k", key));
        Assert.Equal(3, version);
    }

    [Fact]
    public async Task Cleared_state_reads_as_default_and_can_be_written_again_after_a_restart()
    {
        var options = SiloOptions.OnPostgres();
        await using (var silo = await RunningSilo.StartAsync(options))
        {
            var grain = silo.Grains.GetGrain<ICounterGrain>("2024/cleared");
            await grain.AddAsync("a");
            await grain.ClearAsync();
            Assert.Equal(0, (await grain.GetAsync()).Count);
        }

        await using (var restarted = await RunningSilo.StartAsync(options))
        {
            var grain = restarted.Grains.GetGrain<ICounterGrain>("2024/cleared");
            Assert.Equal(0, (await grain.GetAsync()).Count);
            Assert.Equal(1, (await grain.AddAsync("b")).Count);
        }
    }

    [Fact]
    public async Task Two_silos_form_one_cluster_and_serve_the_same_grain_activation()
    {
        var first = SiloOptions.OnPostgres();
        var second = first with { };
        await using var a = await RunningSilo.StartAsync(first);
        await using var b = await RunningSilo.StartAsync(second);

        await WaitForActiveSilosAsync(a, 2);
        await WaitForActiveSilosAsync(b, 2);

        var rows = await TestPostgres.ScalarAsync<int>(
            "SELECT COUNT(*) FROM orleans_membership WHERE deployment_id = @c AND status = 3", ("c", first.ClusterId));
        Assert.Equal(2, rows);

        // Several keys, so that some activations land on each silo; each is one activation seen from both.
        for (var i = 0; i < 6; i++)
        {
            var key = $"2024/shared-{i}";
            var fromA = a.Grains.GetGrain<ICounterGrain>(key);
            var fromB = b.Grains.GetGrain<ICounterGrain>(key);
            await fromA.AddAsync("via a");
            var state = await fromB.AddAsync("via b");
            Assert.Equal(2, state.Count);
            Assert.Equal(await fromA.WhereAsync(), await fromB.WhereAsync());
        }
    }

    [Fact]
    public async Task Health_is_ready_with_silo_and_storage_answering()
    {
        await using var silo = await RunningSilo.StartAsync(SiloOptions.OnPostgres());
        using var response = await silo.Http.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task WaitForActiveSilosAsync(RunningSilo silo, int count)
    {
        var membership = silo.App.Services.GetRequiredService<IClusterMembershipService>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {membership.CurrentSnapshot.Members.Count} silos known");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
