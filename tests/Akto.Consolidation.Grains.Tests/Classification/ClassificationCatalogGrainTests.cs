using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Classification;

[Collection(SharedCluster.Name)]
public sealed class ClassificationCatalogGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    private static string Economic(int year, params string[] without) =>
        CatalogLoader.Write(new CatalogTreeFile(
            year,
            ClassificationTree.Economic,
            "测试",
            [.. ClassificationCatalogs.Shipped.Get(2024).Entries(ClassificationTree.Economic).Where(e => !without.Contains(e.Code)).Select(e => e with { Year = year })]));

    [Fact]
    public async Task A_replacement_is_checked_stored_and_versioned_and_a_refused_one_changes_nothing()
    {
        var grain = _client.GetClassificationCatalog(2061);

        var refused = await grain.ReplaceAsync(ClassificationTree.Economic, "code,name,level,parent,year\n301,,类,,2061\n30101,x,款,302,2061\n", "tester");
        var accepted = await grain.ReplaceAsync(ClassificationTree.Economic, Economic(2061), "tester");

        Assert.False(refused.Accepted);
        Assert.Equal([2, 3], refused.Errors.Select(e => e.Line));
        Assert.True(accepted.Accepted);
        Assert.Equal(1, accepted.Version);
        var stored = await grain.GetAsync();
        Assert.Equal(Economic(2061), stored.EconomicCsv);
        Assert.Null(stored.FunctionCsv);
        Assert.Equal("tester", stored.UpdatedBy);
    }

    [Fact]
    public async Task Cluster_catalogs_parse_a_version_once_and_see_a_replacement_at_once()
    {
        var catalogs = new ClusterCatalogs(_client, ClassificationCatalogs.Shipped);

        var shipped = await catalogs.FindAsync(2024);
        Assert.Same(ClassificationCatalogs.Shipped.Get(2024), shipped);
        Assert.Null(await catalogs.FindAsync(2062));

        // 2062 gets an economic tree only: still no catalog (no function tree), until the function tree comes too.
        await _client.GetClassificationCatalog(2062).ReplaceAsync(ClassificationTree.Economic, Economic(2062, "30101"), "tester");
        Assert.Null(await catalogs.FindAsync(2062));
        var function = CatalogLoader.Write(new CatalogTreeFile(2062, ClassificationTree.Function, null, [.. shipped!.Entries(ClassificationTree.Function).Select(e => e with { Year = 2062 })]));
        await _client.GetClassificationCatalog(2062).ReplaceAsync(ClassificationTree.Function, function, "tester");

        var first = await catalogs.FindAsync(2062);
        Assert.Same(first, await catalogs.FindAsync(2062));
        Assert.Null(first!.Find(ClassificationTree.Economic, "30101"));

        await _client.GetClassificationCatalog(2062).ReplaceAsync(ClassificationTree.Economic, Economic(2062), "tester");
        var second = await catalogs.FindAsync(2062);
        Assert.NotSame(first, second);
        Assert.NotNull(second!.Find(ClassificationTree.Economic, "30101"));
    }
}
