using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>Budgets through the real silo host: submitted, read and consolidated, and still there after a restart.</summary>
public sealed class BudgetPersistenceTests
{
    [Fact]
    public async Task On_postgres_submitted_versions_and_consolidated_figures_survive_a_restart()
    {
        var options = SiloOptions.OnPostgres();
        string? document;
        await using (var silo = await RunningSilo.StartAsync(options))
        {
            (await PutAsync(silo.Admin, "P100", SeedAs("P100", "PD1"))).Dispose();
            using var second = await PutAsync(silo.Admin, "P100", SeedAs("P100", "PD1"), ifMatch: "\"1\"");
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            (await PutAsync(silo.Admin, "P101", SeedAs("P101", "PD1"))).Dispose();
            var root = await WaitForRootTotalAsync(silo.Admin, "department:PD1", 2 * 7499.14m);
            Assert.Equal(2 * 7499.14m, root.GetProperty("total").GetDecimal());
            document = (await GetCurrentAsync(silo.Admin, "P100")).Body;
        }

        await using (var restarted = await RunningSilo.StartAsync(options))
        {
            var versions = await restarted.Admin.GetFromJsonAsync<JsonElement>(UnitPath("P100", "versions"), Ct);
            Assert.Equal(2, versions.GetArrayLength());
            var (status, etag, body) = await GetCurrentAsync(restarted.Admin, "P100");
            Assert.Equal((200, "\"2\""), (status, etag));
            Assert.Equal(document, body);
            var root = await ConsolidationRootAsync(restarted.Admin, "department:PD1");
            Assert.Equal(2 * 7499.14m, root.GetProperty("total").GetDecimal());
            Assert.Equal(2 * 3852.63m, root.GetProperty("sources").GetProperty("generalBudget").GetDecimal());
        }
    }

    [Fact]
    public async Task Two_silos_on_postgres_serve_the_same_budget_grains()
    {
        var serviceId = SiloOptions.Unique("svc");
        var clusterId = SiloOptions.Unique("cluster");
        await using var first = await RunningSilo.StartAsync(SiloOptions.OnPostgres(serviceId, clusterId));
        await using var second = await RunningSilo.StartAsync(SiloOptions.OnPostgres(serviceId, clusterId) with { AdminKey = first.Options.AdminKey });

        for (var i = 0; i < 6; i++)
        {
            using var created = await PutAsync(i % 2 == 0 ? first.Admin : second.Admin, $"M{i}", SeedAs($"M{i}", "MD"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var next = await PutAsync(second.Admin, "M0", SeedAs("M0", "MD"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("\"2\"", (await GetCurrentAsync(first.Admin, "M0")).ETag);
        var fromFirst = await WaitForRootTotalAsync(first.Admin, "department:MD", 6 * 7499.14m);
        var fromSecond = await ConsolidationRootAsync(second.Admin, "department:MD");
        Assert.Equal(6 * 7499.14m, fromFirst.GetProperty("total").GetDecimal());
        Assert.Equal(fromFirst.GetRawText(), fromSecond.GetRawText());
    }

    [Fact]
    public async Task Embedded_mode_keeps_the_seed_and_later_versions_across_a_restart()
    {
        var root = Path.Combine(Path.GetTempPath(), "akto-embedded-" + Guid.NewGuid().ToString("N"));
        var options = SiloOptions.Embedded(root);
        try
        {
            await using (var silo = await RunningSilo.StartAsync(options))
            {
                Assert.Equal(1, (await silo.Admin.GetFromJsonAsync<JsonElement>(UnitPath("139001", "versions"), Ct)).GetArrayLength());
                using var edited = await PutAsync(silo.Admin, "139001", SeedAs("139001"), ifMatch: "\"1\"");
                Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            }

            await using (var restarted = await RunningSilo.StartAsync(options))
            {
                var versions = await restarted.Admin.GetFromJsonAsync<JsonElement>(UnitPath("139001", "versions"), Ct);
                Assert.Equal(["system", "bootstrap"], versions.EnumerateArray().Select(v => v.GetProperty("author").GetString()));
                var county = await WaitForRootTotalAsync(restarted.Admin, "county", 7499.14m);
                Assert.Equal(7499.14m, county.GetProperty("total").GetDecimal());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
