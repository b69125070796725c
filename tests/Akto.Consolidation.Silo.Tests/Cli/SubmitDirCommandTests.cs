using System.Text.Json;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Cli;

/// <summary>
/// Issue 12's acceptance: <c>akto generate-county</c> writes 300 units, <c>akto submit-dir</c> submits them to a real silo,
/// <c>akto consolidation</c> then shows the county total computed from the files, and a re-run creates no new version.
/// </summary>
public sealed class SubmitDirCommandTests
{
    [Fact]
    public async Task A_generated_county_submitted_with_submit_dir_consolidates_to_the_files_sum_and_a_rerun_submits_nothing_new()
    {
        var root = Path.Combine(Path.GetTempPath(), "akto-submit-dir-" + Guid.NewGuid().ToString("N"));
        var county = Path.Combine(root, "county");
        var generated = AktoCli.Run("generate-county", "--units", "300", "--departments", "60", "--seed", "7", "--out", county);
        Assert.True(generated.Exit == 0, generated.Error);

        var documents = Directory.EnumerateFiles(county, "*.budget.json", SearchOption.AllDirectories)
            .Select(f => JsonSerializer.Deserialize<BudgetDocument>(File.ReadAllBytes(f), BudgetJson.Options)!)
            .ToList();
        Assert.Equal(300, documents.Count);

        // The county's expenditure: every line of every unit, less the money one unit of the county pays another.
        var expected = documents.Sum(d => d.Lines.Where(l => l.PayeeUnitCode is null).Sum(l => l.Amount) * CurrencyUnit.ToTenThousandYuanFactor(d.CurrencyUnit));

        var options = SiloOptions.Embedded(Path.Combine(root, "silo")) with { Extra = new() { ["Akto:LoadSeed"] = "false" } };
        await using (var silo = await RunningSilo.StartAsync(options))
        {
            var first = await Task.Run(() => AktoCli.Against(silo, "submit-dir", county, "--parallel", "6"), Ct);
            Assert.True(first.Exit == 0, first.Output + first.Error);
            Assert.Contains("接受 300, 审核不通过 0, 未接受 0, 失败 0", first.Output);

            var total = await WaitForCountyTotalAsync(silo, expected);
            Assert.Equal(expected, total);
            var table = await Task.Run(() => AktoCli.Against(silo, "consolidation", "--year", "2024", "--tree", "function", "--scope", "county", "--depth", "1"), Ct);
            Assert.True(table.Exit == 0, table.Error);
            var totalLine = table.Output.Split('\n').Single(l => l.TrimStart().StartsWith("合计", StringComparison.Ordinal) && !l.Contains("total", StringComparison.Ordinal));
            Assert.Contains(PublishedAmount.Format(expected, grouped: true), totalLine);

            var again = await Task.Run(() => AktoCli.Against(silo, "submit-dir", county, "--parallel", "6"), Ct);
            Assert.True(again.Exit == 0, again.Output + again.Error);
            var overview = await Admin(silo);
            var units = overview.GetProperty("departments").EnumerateArray().SelectMany(d => d.GetProperty("units").EnumerateArray()).ToList();
            Assert.Equal(300, units.Count);
            Assert.All(units, u => Assert.Equal(1, u.GetProperty("currentVersion").GetInt32()));
            Assert.Equal(expected, await WaitForCountyTotalAsync(silo, expected));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<JsonElement> Admin(RunningSilo silo) =>
        JsonDocument.Parse(await silo.Admin.GetStringAsync("/api/v1/years/2024/units", Ct)).RootElement.Clone();

    /// <summary>The county root through <c>akto consolidation --format json</c>, polled until it converges (the trees forward sums on a cadence).</summary>
    private static async Task<decimal> WaitForCountyTotalAsync(RunningSilo silo, decimal expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await Task.Run(() => AktoCli.Against(silo, "consolidation", "--year", "2024", "--scope", "county", "--format", "json"), Ct);
            Assert.True(run.Exit == 0, run.Error);
            var total = JsonDocument.Parse(run.Output).RootElement.GetProperty("total").GetDecimal();
            if (total == expected || DateTime.UtcNow > deadline)
            {
                return total;
            }

            await Task.Delay(250, Ct);
        }
    }
}
