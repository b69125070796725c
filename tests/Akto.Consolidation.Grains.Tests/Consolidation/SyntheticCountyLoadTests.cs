using System.Text.Json;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Tests.Fixtures;
using Akto.Consolidation.Testing;

namespace Akto.Consolidation.Grains.Tests.Consolidation;

/// <summary>
/// A synthetic county (departments of many kinds, subordinate units, internal transfers both ways) submitted at once:
/// every node of the county's and each department's trees equals the eliminated sum of the documents, and the county's
/// tables equal the domain's consolidation of them.
/// </summary>
public sealed class SyntheticCountyLoadTests(CountyClusterFixture fixture) : IClassFixture<CountyClusterFixture>
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task A_generated_county_consolidates_to_the_eliminated_sums_of_its_documents()
    {
        var documents = RandomBudgets.County(units: 160, departments: 30, seed: 77);
        Assert.Contains(documents, d => d.Income.Any(i => i.PayerUnitCode is not null));

        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (document, _) =>
        {
            var result = await _client.GetBudgetUnit(Budgets.Year, document.UnitCode)
                .SubmitAsync(new BudgetSubmission(document, "编制人", "合成县", $"{document.UnitCode}-1"));
            Assert.True(result.Accepted, string.Join("\n", result.Findings.Select(f => f.ToString())));
        });

        var county = documents.Select(d => d.UnitCode).ToHashSet(StringComparer.Ordinal);
        await ExpectedTrees.AssertEventuallyAsync(
            _client, ConsolidationScope.County, ExpectedTrees.Of(documents.Select(d => Elimination.WithinScope(d, county)), ConsolidationScope.County), TimeSpan.FromSeconds(60));
        foreach (var department in documents.GroupBy(d => d.DepartmentCode))
        {
            var scope = ConsolidationScope.Department(department.Key);
            var units = department.Select(d => d.UnitCode).ToHashSet(StringComparer.Ordinal);
            await ExpectedTrees.AssertEventuallyAsync(_client, scope, ExpectedTrees.Of(department.Select(d => Elimination.WithinScope(d, units)), scope));
        }

        var expected = DisclosureTables.Consolidate(documents, DisclosureScope.County());
        var actual = await _client.GetConsolidation().GetDisclosureAsync(Budgets.Year, ConsolidationScope.County);
        Assert.Equal(Json(expected), Json(actual));
        var consolidated = await _client.GetConsolidation().GetConsolidatedAsync(Budgets.Year, ConsolidationScope.County);
        Assert.Empty(consolidated.Findings);
        Assert.Equal(documents.Sum(d => d.Income.Count(i => i.PayerUnitCode is not null)), Enumerable.Count(consolidated.Transfers));
    }

    private static string Json(DisclosureSet set) =>
        JsonSerializer.Serialize(set.Tables.Select(t => new { t.Id, t.Title, t.Columns, Rows = t.Rows.Select(r => new { r.Code, r.Name, r.Level, r.Project, r.UnitCode, Cells = r.Cells.OrderBy(c => c.Key, StringComparer.Ordinal) }), t.Note }), BudgetJson.Options);
}
