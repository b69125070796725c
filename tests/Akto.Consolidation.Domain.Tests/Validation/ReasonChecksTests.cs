using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>E-03 (direction of 主要原因) and E-04 (prior-year totals): a passing and a failing case each.</summary>
public sealed class ReasonChecksTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    private static List<Finding> Run(BudgetDocument document, string ruleId) =>
        [.. BudgetValidator.Validate(document, [AuditRules.Get(ruleId)]).Findings];

    private static BudgetDocument WithReason(string subject, string text) =>
        Seed with { Explanations = [.. Seed.Explanations.Select(e => e.Subject == subject ? e with { Text = text } : e)] };

    private static int ExplanationIndex(string subject) => Seed.Explanations.ToList().FindIndex(e => e.Subject == subject);

    [Fact]
    public void Seed_reason_of_2101102_says_decrease_for_an_increase_and_is_the_only_warning()
    {
        var finding = Assert.Single(Run(Seed, "E-03"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([$"$.explanations[{ExplanationIndex("generalBudget/function/2101102")}].text", "$.priorYear.generalBudgetByFunction"], finding.Locations);
        Assert.Contains("2101102", finding.Message, StringComparison.Ordinal);
        Assert.Contains("增加 1.24 万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6.27%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("“减少”", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_that_matches_the_direction_or_names_both_directions_passes()
    {
        Assert.Empty(Run(WithReason("generalBudget/function/2101102", "事业单位人员医疗保险缴费基数调增，相应支出增加"), "E-03"));
        Assert.Empty(Run(WithReason("generalBudget/function/2101102", "退休人员医疗保险减少，在职人员医疗保险增加"), "E-03"));
    }

    [Fact]
    public void A_reason_that_says_increase_for_a_decrease_is_warned()
    {
        var corrected = WithReason("generalBudget/function/2101102", "事业单位人员医疗保险缴费基数调增，相应支出增加");
        var wrong = corrected with { Explanations = [.. corrected.Explanations.Select(e => e.Subject == "threePublic/vehicleOperation" ? e with { Text = "公务用车运行维护费预算增长" } : e)] };

        var finding = Assert.Single(Run(wrong, "E-03"));

        Assert.Contains("减少 10.72 万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("“增长”", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"$.explanations[{ExplanationIndex("threePublic/vehicleOperation")}].text", finding.Locations);
    }

    [Fact]
    public void Seed_prior_year_totals_agree()
    {
        Assert.Empty(Run(Seed, "E-04"));
    }

    [Fact]
    public void Prior_income_that_differs_from_prior_basic_plus_project_is_warned_in_ten_thousand_yuan()
    {
        var broken = Seed with { PriorYear = Seed.PriorYear! with { ProjectAmount = 6926.00m } };

        var finding = Assert.Single(Run(broken, "E-04"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["$.priorYear.income", "$.priorYear.basicAmount", "$.priorYear.projectAmount"], finding.Locations);
        Assert.Contains("7,956.66 万元", finding.Message, StringComparison.Ordinal);
        Assert.Contains("6,926.00 万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prior_general_budget_income_must_equal_its_basic_plus_project_and_parts_stay_within_totals()
    {
        var broken = Seed with { PriorYear = Seed.PriorYear! with { GeneralBudgetBasicAmount = 1040.20m } };

        var findings = Run(broken, "E-04");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Locations.Contains("$.priorYear.generalBudgetProjectAmount") && f.Message.Contains("6,037.71 万元", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Locations.SequenceEqual(["$.priorYear.generalBudgetBasicAmount", "$.priorYear.basicAmount"]));
    }

    [Fact]
    public void Prior_figures_in_yuan_compare_at_the_published_precision()
    {
        var prior = Seed.PriorYear!;
        var inYuan = Seed with
        {
            CurrencyUnit = CurrencyUnit.Yuan,
            PriorYear = prior with
            {
                Income = [.. prior.Income.Select(l => l with { Amount = l.Amount * 10_000m })],
                BasicAmount = prior.BasicAmount * 10_000m + 40m,
                ProjectAmount = prior.ProjectAmount * 10_000m,
                GeneralBudgetBasicAmount = prior.GeneralBudgetBasicAmount * 10_000m,
                GeneralBudgetProjectAmount = prior.GeneralBudgetProjectAmount * 10_000m,
            },
        };
        var off = inYuan with { PriorYear = inYuan.PriorYear! with { BasicAmount = inYuan.PriorYear.BasicAmount + 100m } };

        Assert.DoesNotContain(Run(inYuan, "E-04"), f => f.Locations.Contains("$.priorYear.basicAmount") && f.Locations.Contains("$.priorYear.income"));
        Assert.Contains("7,956.67 万元", Assert.Single(Run(off, "E-04"), f => f.Locations.Contains("$.priorYear.income") && f.Locations.Contains("$.priorYear.basicAmount")).Message, StringComparison.Ordinal);
    }
}
