using Akto.Consolidation.Silo.Tests.Api;
using Akto.Consolidation.Silo.Tests.Cli;
using static Akto.Consolidation.Silo.Tests.Snapshots.SnapshotApi;

namespace Akto.Consolidation.Silo.Tests.Snapshots;

/// <summary><c>akto reports run|list|show|download|diff</c> against a running embedded silo (the seed unit loaded).</summary>
[Collection(SnapshotCollection.Name)]
public sealed class ReportsCommandTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private (int Exit, string Output, string Error) Akto(params string[] args) => AktoCli.Against(fixture.Silo, args);

    [Fact]
    public async Task Runs_lists_shows_downloads_and_diffs_a_snapshot()
    {
        Assert.Equal(200, (await BudgetApi.GetCurrentAsync(fixture.Silo.Admin, "139001")).Status);

        var run = await Task.Run(() => Akto("reports", "run", "--year", "2024", "--scope", "department:139001", "--versions", "latest", "--wait", "--timeout", "120"), BudgetApi.Ct);
        Assert.True(run.Exit == 0, run.Error);
        var id = run.Output.Trim();
        Assert.Matches("^[0-9a-f]{32}$", id);

        var list = await Task.Run(() => Akto("reports", "list", "--year", "2024"), BudgetApi.Ct);
        Assert.Equal(0, list.Exit);
        Assert.Contains(list.Output.Split('\n'), line => line.StartsWith(id + "\tcompleted\t2024\tdepartment:139001\tlatest", StringComparison.Ordinal));

        var show = await Task.Run(() => Akto("reports", "show", id), BudgetApi.Ct);
        Assert.Equal(0, show.Exit);
        Assert.Contains("\"status\": \"completed\"", show.Output, StringComparison.Ordinal);

        var folder = Path.Combine(Path.GetTempPath(), "akto-reports-" + Guid.NewGuid().ToString("N"));
        try
        {
            var download = await Task.Run(() => Akto("reports", "download", id, "--out", folder), BudgetApi.Ct);
            Assert.True(download.Exit == 0, download.Error);
            Assert.Equal(10, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count()); // a unit and its department, five files each
            var (_, served, _, _) = await FileAsync(fixture.Silo.Admin, id, "units/139001/tables.csv");
            Assert.Equal(served, await File.ReadAllBytesAsync(Path.Combine(folder, "units", "139001", "tables.csv"), BudgetApi.Ct));
        }
        finally
        {
            DeleteDirectory(folder);
        }

        var same = await Task.Run(() => Akto("reports", "diff", id, id), BudgetApi.Ct);
        Assert.Equal(0, same.Exit);
        Assert.Equal("", same.Output.Trim());

        var unknown = await Task.Run(() => Akto("reports", "show", new string('0', 32)), BudgetApi.Ct);
        Assert.Equal(1, unknown.Exit);
        Assert.StartsWith("404", unknown.Error, StringComparison.Ordinal);
    }
}
