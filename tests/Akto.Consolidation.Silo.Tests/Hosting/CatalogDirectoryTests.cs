using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary><c>Akto:CatalogDirectory</c>: an override directory of catalog files, checked when the silo starts.</summary>
public sealed class CatalogDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-catalogdir-" + Guid.NewGuid().ToString("N"));

    private string Catalogs => Path.Combine(_root, "catalogs");

    private void WriteShippedAs(int year)
    {
        Directory.CreateDirectory(Catalogs);
        var shipped = ClassificationCatalogs.Shipped.Get(2024);
        foreach (var tree in new[] { ClassificationTree.Function, ClassificationTree.Economic })
        {
            var file = new CatalogTreeFile(year, tree, $"覆盖 {year}", [.. shipped.Entries(tree).Select(e => e with { Year = year })]);
            File.WriteAllText(Path.Combine(Catalogs, ClassificationCatalogs.FileName(tree, year)), CatalogLoader.Write(file));
        }
    }

    [Fact]
    public async Task A_year_in_the_override_directory_is_served_and_validated_against()
    {
        WriteShippedAs(2051);
        var options = SiloOptions.Embedded(Path.Combine(_root, "data")) with { Extra = new() { ["Akto:CatalogDirectory"] = Catalogs, ["Akto:LoadSeed"] = "false" } };
        await using var silo = await RunningSilo.StartAsync(options);

        var catalog = await silo.Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2051/catalogs/function", TestContext.Current.CancellationToken);

        Assert.Equal("覆盖 2051", catalog.GetProperty("source").GetString());
        using var tree = await silo.Admin.GetAsync("/api/v1/years/2051/consolidation/function?scope=county", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, tree.StatusCode);

        // The units validate against it too: the seed as a 2051 budget is accepted.
        var document = Api.BudgetApi.SeedAs("O100");
        document["year"] = 2051;
        using var submitted = await silo.Admin.PutAsync(
            "/api/v1/years/2051/units/O100/budget",
            new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_bad_file_or_a_missing_directory_stops_the_start_naming_every_problem()
    {
        Directory.CreateDirectory(Catalogs);
        File.WriteAllText(Path.Combine(Catalogs, "economic-2052.csv"), "code,name,level,parent,year\n301,,类,,2052\n30101,x,款,302,2052\n");

        var bad = Assert.Throws<CatalogLoadException>(() => HostCatalogs.Open(Catalogs));
        var missing = Assert.Throws<InvalidOperationException>(() => HostCatalogs.Open(Path.Combine(_root, "nowhere")));

        Assert.Equal([2, 3], bad.Problems.Select(p => p.Line));
        Assert.Contains("Akto:CatalogDirectory", missing.Message, StringComparison.Ordinal);
        Assert.Same(ClassificationCatalogs.Shipped, HostCatalogs.Open(null));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
