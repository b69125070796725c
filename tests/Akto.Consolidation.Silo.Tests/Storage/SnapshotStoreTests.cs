using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Storage;

namespace Akto.Consolidation.Silo.Tests.Storage;

/// <summary>
/// The snapshot store's listing, reading by file name and publishing against both dialects, called directly: a listing of every year or of one,
/// and 公开 that answers unknown (null), not completed (false) or published (true), each within its own service.
/// </summary>
public sealed class SnapshotStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    public async Task Lists_every_year_or_one_reads_files_by_name_and_publishes_only_a_completed_snapshot_of_its_service(SqlDialect dialect)
    {
        await using var target = await StorageTarget.CreateAsync(dialect);
        var store = new SnapshotStore(target.Database, Service());
        var other = new SnapshotStore(target.Database, Service());

        var cut = new SnapshotCut(2024, ConsolidationScope.County, SnapshotVersions.Latest, [new CutUnit("801001", "801", 1)], []);
        var claim = await store.ClaimAsync(new SnapshotClaim(SnapshotIds.New(), cut, "request", "admin", DateTimeOffset.UtcNow), Ct);
        Assert.Equal(ClaimOutcome.Created, claim.Outcome);

        Assert.Equal([claim.Id], (await store.ListAsync(null, Ct)).Select(s => s.Id));
        Assert.Equal([claim.Id], (await store.ListAsync(2024, Ct)).Select(s => s.Id));
        Assert.Empty(await store.ListAsync(2025, Ct));
        Assert.Empty(await other.ListAsync(null, Ct));

        Assert.Null(await store.PublishAsync(SnapshotIds.New(), Ct));
        Assert.False(await store.PublishAsync(claim.Id, Ct));                // still running
        Assert.False((await store.FindAsync(claim.Id, Ct))!.Summary.Published);

        const string TablesPath = "units/801001/tables.json", CsvPath = "units/801001/tables.csv";
        await store.StoreAsync(claim.Id, [new SnapshotFile(TablesPath, "application/json; charset=utf-8", [1, 2, 3]), new SnapshotFile(CsvPath, "text/csv; charset=utf-8", [4])], 1, Ct);
        Assert.True(await store.CompleteAsync(claim.Id, [TablesPath, CsvPath], Ct));

        // Every folder's file of one name in one read, as far as the caller may see; nothing of another service's.
        var tables = Assert.Single(await store.ReadFilesNamedAsync(claim.Id, "tables.json", _ => true, Ct));
        Assert.Equal(TablesPath, tables.Key);
        Assert.Equal([1, 2, 3], tables.Value);
        Assert.Empty(await store.ReadFilesNamedAsync(claim.Id, "tables.json", path => path != TablesPath, Ct));
        Assert.Empty(await store.ReadFilesNamedAsync(claim.Id, "TABLES.json", _ => true, Ct));
        Assert.Empty(await other.ReadFilesNamedAsync(claim.Id, "tables.json", _ => true, Ct));

        Assert.Null(await other.PublishAsync(claim.Id, Ct));                 // another deployment's snapshot is unknown to it
        Assert.True(await store.PublishAsync(claim.Id, Ct));
        Assert.True(await store.PublishAsync(claim.Id, Ct));                 // publishing again changes nothing
        var published = (await store.FindAsync(claim.Id, Ct))!.Summary;
        Assert.True(published.Published);
        Assert.Equal(SnapshotStatus.Completed, published.Status);
    }

    /// <summary>A service of its own (the settings' directory is not used: the store only reads the service id).</summary>
    private static AktoSettings Service() => new() { DataDirectory = System.IO.Path.GetTempPath(), ServiceId = $"svc-{Guid.NewGuid():N}" };
}
