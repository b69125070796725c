using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using Akto.Consolidation.Synthetic;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>
/// Issue 8's acceptance: a generated county (≥ 20 function 类) submitted unit by unit through the HTTP API consolidates
/// to the tables the domain computes from the same documents, and those tables pass every 审核公式.
/// </summary>
public sealed class SyntheticCountyApiTests
{
    [Fact]
    public async Task A_generated_county_submitted_through_the_api_consolidates_to_the_independent_sum_and_passes_every_table_rule()
    {
        var county = SyntheticCounty.Generate(new CountyOptions(Units: 120, Departments: 25, Seed: 2024), ClassificationCatalog.ForYear(2024));
        Assert.True(county.FunctionClasses.Count >= 20, string.Join(" ", county.FunctionClasses));

        var root = Path.Combine(Path.GetTempPath(), "akto-county-" + Guid.NewGuid().ToString("N"));
        var options = SiloOptions.Embedded(root) with { Extra = new() { ["Akto:LoadSeed"] = "false" } };
        await using (var silo = await RunningSilo.StartAsync(options))
        {
            await Parallel.ForEachAsync(county.Documents, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (document, _) =>
            {
                using var response = await PutRawAsync(silo.Admin, document.UnitCode, System.Text.Encoding.UTF8.GetString(SyntheticCounty.Serialize(document)));
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{document.UnitCode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            });

            // The independent sum: every line of every unit, less the money paid to another unit of the county.
            var expectedTotal = county.Documents.SelectMany(d => d.Lines).Where(l => l.PayeeUnitCode is null).Sum(l => l.Amount);
            var expected = DisclosureTables.Consolidate(county.Documents, DisclosureScope.County());
            Assert.Equal(expectedTotal, expected.Table(1).Value("总计", "支出/预算数"));

            var actual = await WaitForDisclosureAsync(silo.Admin, "county", expected);
            AssertSameTables(expected, actual);
            var classes = actual["tables"]![0]!["rows"]!.AsArray()
                .Where(r => (string?)r!["level"] == "类" && r["cells"]!["支出/预算数"] is not null)
                .Count();
            Assert.True(classes >= 20, $"{classes} 类 in the county's Table 1");

            var failures = AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, expected)).ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));

            // A department with internal transfers both ways consolidates the same way.
            var health = county.Departments.Single(d => d.Kind == DepartmentKind.Health);
            Assert.Contains(health.Units, u => u.Income.Any(i => i.Source == FundSource.UnitSubordinateRemittance || i.Source == FundSource.UnitSuperiorSubsidy));
            var expectedHealth = DisclosureTables.Consolidate(health.Units, DisclosureScope.Department(health.Code, health.Name));
            AssertSameTables(expectedHealth, await WaitForDisclosureAsync(silo.Admin, $"department:{health.Code}", expectedHealth));
            Assert.Empty(AuditRules.All.Where(r => r.Check is null).SelectMany(r => TableRules.Evaluate(r, expectedHealth)));
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

    private static JsonNode Tables(string disclosureJson) => JsonNode.Parse(disclosureJson)!["tables"]!;

    private static void AssertSameTables(DisclosureSet expected, JsonNode actual)
    {
        var want = Tables(DisclosureJsonWriter.ToJson(expected));
        var got = actual["tables"]!;
        Assert.True(JsonNode.DeepEquals(want, got), $"expected {want.ToJsonString()[..Math.Min(2000, want.ToJsonString().Length)]}\nactual {got.ToJsonString()[..Math.Min(2000, got.ToJsonString().Length)]}");
    }

    /// <summary>The consolidated views converge on a short cadence: poll until the tables match or 90 s have passed.</summary>
    private static async Task<JsonNode> WaitForDisclosureAsync(HttpClient client, string scope, DisclosureSet expected)
    {
        var want = Tables(DisclosureJsonWriter.ToJson(expected));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/years/2024/disclosure?scope={scope}&format=json", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, body);
            var actual = JsonNode.Parse(body)!;
            if (JsonNode.DeepEquals(want, actual["tables"]) || DateTime.UtcNow > deadline)
            {
                return actual;
            }

            await Task.Delay(500, Ct);
        }
    }
}
