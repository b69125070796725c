using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Grains.Tests.Fixtures;
using Akto.Consolidation.Grains.Units;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Akto.Consolidation.Grains.Tests.Units;

/// <summary>How a unit's versions are stored: each document once, in its own version grain; the unit keeps the list.</summary>
[Collection(SharedCluster.Name)]
public sealed class BudgetVersionStorageTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task A_new_version_writes_its_document_once_and_the_unit_row_grows_by_a_list_entry_only()
    {
        var unit = Budgets.NewCode("V");
        var grain = _client.GetBudgetUnit(Budgets.Year, unit);
        var sizes = new List<int>();
        for (var version = 1; version <= 8; version++)
        {
            var result = await grain.SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "编制人", $"第{version}版", null));
            Assert.Equal(version, result.Version);
            sizes.Add(UnitRow(grain).Data.Length);
        }

        var document = VersionRows(unit).First().Data.Length;
        Assert.Equal(8, VersionRows(unit).Length);
        Assert.True(document > 10_000, $"a seed document is stored in {document} bytes");

        // Seven more versions of a seed-sized document: had the row kept documents, it would have grown by 7 of them.
        var growth = sizes[^1] - sizes[0];
        Assert.True(growth < 7 * 400, $"the unit row grew by {growth} bytes over seven versions ({document} bytes a document)");
        Assert.Equal(Enumerable.Range(1, 8), (await grain.GetVersionsAsync()).Select(v => v.Version));
        Assert.Equal("第3版", (await grain.GetAsync(3))!.Reason);
        Assert.Equal(8, (await grain.GetAsync())!.Version);
    }

    [Fact]
    public async Task Only_the_latest_request_ids_are_remembered()
    {
        var unit = Budgets.NewCode("V");
        var grain = _client.GetBudgetUnit(Budgets.Year, unit);
        var rejected = Budgets.Unbalanced(Budgets.SeedAs(unit));
        var count = RememberedRequests.Capacity + 10;
        for (var i = 0; i < count; i++)
        {
            var result = await grain.SubmitAsync(new BudgetSubmission(rejected, "编制人", "重试", $"req-{i}"));
            Assert.Equal(SubmissionOutcome.Rejected, result.Outcome);
        }

        Assert.Null(await grain.FindResultAsync("req-0"));
        Assert.Null(await grain.FindResultAsync("req-9"));
        Assert.NotNull(await grain.FindResultAsync("req-10"));
        Assert.NotNull(await grain.FindResultAsync($"req-{count - 1}"));

        // A remembered id still answers a retry with its first result instead of applying anything.
        var retried = await grain.SubmitAsync(new BudgetSubmission(Budgets.SeedAs(unit), "编制人", "重试", $"req-{count - 1}"));
        Assert.Equal(SubmissionOutcome.Rejected, retried.Outcome);
        Assert.Null((await grain.GetStatusAsync()).CurrentVersion);
    }

    [Fact]
    public async Task A_row_that_kept_every_document_is_moved_to_version_grains_when_the_unit_activates()
    {
        var unit = Budgets.NewCode("V");
        var grain = _client.GetBudgetUnit(Budgets.Year, unit);
        var at = new DateTimeOffset(2024, 1, 15, 8, 0, 0, TimeSpan.Zero);
        var legacy = new BudgetUnitState
        {
            LegacyVersions =
            [
                new BudgetVersion(1, Budgets.SeedAs(unit), "甲", at, "年初预算", "r1", []),
                new BudgetVersion(2, Budgets.SeedAs(unit) with { UnitName = "改名后的单位" }, "乙", at.AddDays(1), "调整", "r2", []),
            ],
            DepartmentCode = unit,
        };
        legacy.Requests["r1"] = new RememberedResult(new SubmissionResult(SubmissionOutcome.Accepted, 1, BudgetState.Draft, [], null), null);
        var serializer = new OrleansGrainStorageSerializer(_client.ServiceProvider.GetRequiredService<Serializer>());
        fixture.Store.Rows[$"{GrainStorage.BudgetUnitState}/{grain.GetGrainId()}"] =
            new SharedGrainStorage.Row(serializer.Serialize(legacy).ToArray(), "legacy-etag");

        var versions = await grain.GetVersionsAsync();

        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(["甲", "乙"], versions.Select(v => v.Author));
        Assert.Equal("改名后的单位", (await grain.GetStatusAsync()).UnitName);
        Assert.Equal("年初预算", (await grain.GetAsync(1))!.Reason);
        Assert.Equal("改名后的单位", (await grain.GetAsync())!.Document.UnitName);
        Assert.NotNull(await grain.FindResultAsync("r1"));
        var stored = serializer.Deserialize<BudgetUnitState>(new BinaryData(UnitRow(grain).Data))!;
        Assert.Empty(stored.LegacyVersions);
        Assert.Equal(2, stored.Versions.Count);
        Assert.Equal(2, VersionRows(unit).Length);
    }

    private SharedGrainStorage.Row UnitRow(IBudgetUnitGrain grain) =>
        fixture.Store.Rows[$"{GrainStorage.BudgetUnitState}/{grain.GetGrainId()}"];

    private ImmutableArray<SharedGrainStorage.Row> VersionRows(string unit) =>
        [.. fixture.Store.Rows
            .Where(r => r.Key.StartsWith(GrainStorage.BudgetVersionState + "/", StringComparison.Ordinal) && r.Key.Contains($"/{Budgets.Year}/{unit}/", StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => r.Value)];
}
