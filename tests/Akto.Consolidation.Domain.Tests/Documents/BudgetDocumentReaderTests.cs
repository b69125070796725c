using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Documents;

public sealed class BudgetDocumentReaderTests
{
    [Fact]
    public void Reads_the_seed_without_findings_and_keeps_amounts_exact()
    {
        var result = BudgetDocumentReader.Read(SeedBudget.Bytes());

        Assert.Empty(result.Findings);
        Assert.Equal(3852.63m, result.Document!.Income.Single(i => i.Source == FundSource.GeneralBudget).Amount);
        Assert.Equal(7499.14m, result.Document.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Malformed_json_is_unreadable_with_line_and_column()
    {
        var result = BudgetDocumentReader.Read("{\n  \"year\": 2024,\n  \"unitCode\": \n}");

        Assert.True(result.Unreadable);
        Assert.Null(result.Document);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("S-00", finding.RuleId);
        Assert.Equal("line 4, column 1", finding.Locations[0]);
    }

    [Fact]
    public void Every_schema_violation_is_listed_with_its_path()
    {
        var json = """{"formatVersion":1,"year":"2024","unitCode":"U1","unitName":"x","departmentCode":"D","income":[],"lines":[{"functionCode":"2080101","category":"basic","economicCode":"30101","fundSource":"nowhere","amount":"1.00"}],"surplus":1}""";

        var result = BudgetDocumentReader.Read(json);

        Assert.False(result.Unreadable);
        var locations = result.Findings.Select(f => f.Locations[0]).ToHashSet();
        Assert.Contains("$.year", locations);
        Assert.Contains("$.lines[0].fundSource", locations);
        Assert.Contains("$.lines[0].amount", locations);
        Assert.Contains("$.surplus", locations);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void Missing_required_fields_are_named()
    {
        var result = BudgetDocumentReader.Read("""{"formatVersion":1,"year":2024,"income":[],"lines":[]}""");

        var finding = Assert.Single(result.Findings);
        Assert.Contains("unitCode", finding.Message, StringComparison.Ordinal);
        Assert.Contains("departmentCode", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_documents_are_refused_before_parsing()
    {
        var result = BudgetDocumentReader.Read(new byte[BudgetDocumentReader.MaxBytes + 1]);

        Assert.True(result.Unreadable);
        Assert.Equal("S-00", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void One_changed_amount_gives_errors_that_name_the_broken_rules()
    {
        var node = JsonNode.Parse(SeedBudget.Bytes())!;
        node["lines"]![0]!["amount"] = 101.00m;

        var (document, report, unreadable) = BudgetValidator.ReadAndValidate(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.False(unreadable);
        Assert.NotNull(document);
        Assert.True(report.HasErrors);
        var broken = report.Errors.Select(f => f.RuleId).ToHashSet();
        Assert.Contains("T1-01", broken);
        Assert.Contains("X-100", broken);
        Assert.Contains(report.Errors, f => f.Locations.Contains("$.income[0].amount"));
    }

    [Fact]
    public void Documents_round_trip_through_the_json_conventions()
    {
        var seed = SeedBudget.Load();

        var json = JsonSerializer.Serialize(seed, BudgetJson.Options);
        var again = BudgetDocumentReader.Read(json);

        Assert.Empty(again.Findings);
        Assert.Equal(seed.Lines, again.Document!.Lines);
        Assert.Equal(seed.Income, again.Document.Income);
    }

    [Fact]
    public void Json_pointer_becomes_a_json_path()
    {
        Assert.Equal("$.lines[3].amount", BudgetDocumentReader.ToJsonPath("/lines/3/amount"));
        Assert.Equal("$", BudgetDocumentReader.ToJsonPath(""));
    }
}
