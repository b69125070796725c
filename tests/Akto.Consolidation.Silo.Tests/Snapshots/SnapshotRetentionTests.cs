using System.Net;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;
using static Akto.Consolidation.Silo.Tests.Snapshots.SnapshotApi;

namespace Akto.Consolidation.Silo.Tests.Snapshots;

/// <summary>
/// Retention of snapshots (<c>Akto:Snapshots:KeepDays</c>) on the real silo and real storage: the nightly job deletes old
/// unpublished nightly snapshots, files and all, and never a published one, one somebody asked for, or the newest one of
/// its cut (which an unchanged night answers with).
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class SnapshotRetentionTests
{
    public static TheoryData<string> Storages => ["postgres", "sqlite"];

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Nightly_retention_keeps_published_requested_and_newest_snapshots_and_deletes_the_rest(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            // Zero days: every completed nightly snapshot is old enough to go, so only the exceptions keep one.
            await using var silo = await RunningSilo.StartAsync(Options(storage, directory, ("Akto:Snapshots:Versions", "latest"), ("Akto:Snapshots:KeepDays", "0")));
            var unit = $"{Prefix()}01";
            var department = new { year = 2024, scope = $"department:{unit}", versions = "latest" };

            await PutOkAsync(silo.Admin, unit, SeedAs(unit, unit));
            var published = Id(await RunNightlyAsync(silo));
            using (var publish = await silo.Admin.PostAsync($"{Root}/{published}/publish", null, Ct))
            {
                Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
            }

            var requestedFirst = Id(await WaitCompletedAsync(silo.Admin, await RequestIdAsync(silo.Admin, department)));

            await PutOkAsync(silo.Admin, unit, SeedAs(unit, unit));
            var second = Id(await RunNightlyAsync(silo));
            var requestedSecond = Id(await WaitCompletedAsync(silo.Admin, await RequestIdAsync(silo.Admin, department)));

            // The third night: the second is still the newest completed county snapshot when retention runs, so it stays.
            await PutOkAsync(silo.Admin, unit, SeedAs(unit, unit));
            var third = Id(await RunNightlyAsync(silo));
            Assert.Equal([published, second, third, requestedFirst, requestedSecond], await IdsAsync(silo));

            // The fourth night: the second is old, unpublished and no longer the newest: deleted with its files.
            await PutOkAsync(silo.Admin, unit, SeedAs(unit, unit));
            var fourth = Id(await RunNightlyAsync(silo));
            Assert.Equal([published, third, fourth, requestedFirst, requestedSecond], await IdsAsync(silo));
            using (var gone = await silo.Admin.GetAsync($"{Root}/{second}", Ct))
            {
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await FileAsync(silo.Admin, second, $"units/{unit}/tables.json")).Status);
            Assert.Equal(HttpStatusCode.OK, (await FileAsync(silo.Admin, published, $"units/{unit}/tables.json")).Status);

            // An unchanged night answers with the newest snapshot, which retention kept; the one before it goes now.
            Assert.Equal(fourth, Id(await RunNightlyAsync(silo)));
            Assert.Equal([published, fourth, requestedFirst, requestedSecond], await IdsAsync(silo));
            Assert.Equal(4, (await ManifestAsync(silo.Admin, fourth)).GetProperty("units").EnumerateArray().Single().GetProperty("version").GetInt32());
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    private static string Id(System.Text.Json.JsonElement manifest) => manifest.GetProperty("id").GetString()!;

    /// <summary>The year's snapshots, county ones first, each group oldest first.</summary>
    private static async Task<string[]> IdsAsync(RunningSilo silo) =>
        [.. (await ListAsync(silo.Admin))
            .OrderBy(s => s.GetProperty("scope").GetString() == "county" ? 0 : 1)
            .ThenBy(s => s.GetProperty("asOf").GetDateTimeOffset())
            .Select(Id)];
}
