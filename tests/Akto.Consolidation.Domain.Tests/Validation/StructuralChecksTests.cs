using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>Codes, signs, precision and uniqueness: each rule passes on the seed and names the offending path.</summary>
public sealed class StructuralChecksTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    private static List<Finding> Run(BudgetDocument document, string ruleId) =>
        [.. BudgetValidator.Validate(document, [AuditRules.Get(ruleId)]).Findings];

    private static BudgetDocument WithFirstLine(Func<ExpenditureLine, ExpenditureLine> change) =>
        Seed with { Lines = [change(Seed.Lines[0]), .. Seed.Lines.Skip(1)] };

    [Theory]
    [InlineData("S-11")]
    [InlineData("S-12")]
    [InlineData("S-13")]
    [InlineData("S-14")]
    [InlineData("S-15")]
    [InlineData("S-16")]
    [InlineData("S-17")]
    public void Seed_passes(string ruleId) => Assert.Empty(Run(Seed, ruleId));

    [Fact]
    public void Unknown_function_code_is_an_error_that_names_it()
    {
        var finding = Assert.Single(Run(WithFirstLine(l => l with { FunctionCode = "2089998" }), "S-12"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("2089998", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["$.lines[0].functionCode"], finding.Locations);
    }

    [Fact]
    public void Amounts_are_booked_on_function_items_only()
    {
        var finding = Assert.Single(Run(WithFirstLine(l => l with { FunctionCode = "20801" }), "S-12"));

        Assert.Contains("不是项级科目", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_economic_code_is_an_error_that_names_it()
    {
        var finding = Assert.Single(Run(WithFirstLine(l => l with { EconomicCode = "30198" }), "S-13"));

        Assert.Contains("30198", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["$.lines[0].economicCode"], finding.Locations);
    }

    [Fact]
    public void Negative_amounts_are_errors_at_their_path()
    {
        var finding = Assert.Single(Run(WithFirstLine(l => l with { Amount = -1m }), "S-14"));

        Assert.Equal(["$.lines[0].amount"], finding.Locations);
    }

    [Fact]
    public void Amounts_finer_than_a_fen_are_errors()
    {
        Assert.Equal(["$.lines[0].amount"], Assert.Single(Run(WithFirstLine(l => l with { Amount = 100.0000001m }), "S-15")).Locations);
        var yuan = Seed with { CurrencyUnit = CurrencyUnit.Yuan, Lines = [Seed.Lines[0] with { Amount = 1000000.001m }, .. Seed.Lines.Skip(1)] };
        Assert.Contains(Run(yuan, "S-15"), f => f.Locations.SequenceEqual(["$.lines[0].amount"]));
    }

    [Fact]
    public void Duplicate_lines_are_errors_naming_both()
    {
        var duplicated = Seed with { Lines = [.. Seed.Lines, Seed.Lines[0]] };

        Assert.Equal(["$.lines[0]", $"$.lines[{Seed.Lines.Count}]"], Assert.Single(Run(duplicated, "S-16")).Locations);
    }

    [Fact]
    public void Duplicate_project_codes_are_errors()
    {
        var duplicated = Seed with { Projects = [.. Seed.Projects, Seed.Projects[0]] };

        Assert.Single(Run(duplicated, "S-17"));
    }

    [Fact]
    public void Unknown_currency_unit_is_an_error()
    {
        Assert.Equal(["$.currencyUnit"], Assert.Single(Run(Seed with { CurrencyUnit = "千元" }, "S-11")).Locations);
    }

    [Fact]
    public void A_year_without_catalog_is_refused_before_any_rule()
    {
        var report = BudgetValidator.Validate(Seed with { Year = 1999 });

        Assert.Equal("S-03", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void Amounts_in_yuan_give_the_same_tables_as_in_ten_thousand_yuan()
    {
        var yuan = SeedBudget.InYuan(Seed);

        var expected = Domain.Disclosure.DisclosureTables.For(Seed);
        var actual = Domain.Disclosure.DisclosureTables.For(yuan);

        foreach (var table in expected.Tables)
        {
            Assert.Equal(
                table.Rows.SelectMany(r => r.Cells.Select(c => (r.Code ?? r.Name, c.Key, c.Value))),
                actual.Table(table.Id).Rows.SelectMany(r => r.Cells.Select(c => (r.Code ?? r.Name, c.Key, c.Value))));
        }
    }
}
