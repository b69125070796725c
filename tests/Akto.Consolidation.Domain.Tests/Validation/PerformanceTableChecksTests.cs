using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>P-07, P-08, P-09 and U-03 on the 绩效目标表: a passing and a failing case each.</summary>
public sealed class PerformanceTableChecksTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    private static List<Finding> Run(BudgetDocument document, string ruleId) =>
        [.. BudgetValidator.Validate(document, [AuditRules.Get(ruleId)]).Findings];

    private static BudgetDocument WithIndicators(string code, Func<IReadOnlyList<PerformanceIndicator>, IEnumerable<PerformanceIndicator>> change) =>
        Seed with { Projects = [.. Seed.Projects.Select(p => p.Code == code ? p with { Performance = p.Performance! with { Indicators = [.. change(p.Performance.Indicators)] } } : p)] };

    private static BudgetDocument WithUnitIndicators(Func<PerformanceIndicator, PerformanceIndicator> change) =>
        Seed with { UnitPerformance = Seed.UnitPerformance! with { Indicators = [.. Seed.UnitPerformance.Indicators.Select(change)] } };

    private static int ProjectIndex(string code) => Seed.Projects.ToList().FindIndex(p => p.Code == code);

    [Fact]
    public void Seed_project_tables_and_its_unit_table_with_running_cost_and_duty_indicators_are_complete()
    {
        Assert.Empty(Run(Seed, "P-07"));
    }

    [Fact]
    public void A_project_table_without_satisfaction_indicators_is_warned()
    {
        var broken = WithIndicators("P03", indicators => indicators.Where(i => i.Level1 != "满意度指标"));

        var finding = Assert.Single(Run(broken, "P-07"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([$"$.projects[{ProjectIndex("P03")}].performance.indicators"], finding.Locations);
        Assert.Contains("满意度", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("产出（", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_table_with_only_running_cost_and_management_indicators_lacks_all_three_dimensions()
    {
        var broken = Seed with { UnitPerformance = Seed.UnitPerformance! with { Indicators = [.. Seed.UnitPerformance.Indicators.Where(i => i.Level1 is "运行成本" or "管理效率")] } };

        var finding = Assert.Single(Run(broken, "P-07"));

        Assert.Equal(["$.unitPerformance.indicators"], finding.Locations);
        Assert.Contains("产出", finding.Message, StringComparison.Ordinal);
        Assert.Contains("效益", finding.Message, StringComparison.Ordinal);
        Assert.Contains("满意度", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_indicators_all_state_a_value_and_a_basis()
    {
        Assert.Empty(Run(Seed, "P-08"));
    }

    [Fact]
    public void An_indicator_without_value_or_basis_is_warned_at_its_cell()
    {
        var broken = WithIndicators("P01", indicators => indicators.Select((i, n) => n == 2 ? i with { Value = " ", Basis = null } : i));

        var findings = Run(broken, "P-08");

        var path = $"$.projects[{ProjectIndex("P01")}].performance.indicators[2]";
        Assert.Equal([$"{path}.value", $"{path}.basis"], findings.SelectMany(f => f.Locations));
        Assert.All(findings, f => Assert.Contains("资金使用合规率", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_performance_fiscal_funds_equal_the_projects_fiscal_lines_including_the_unit_funds_project()
    {
        Assert.Empty(Run(Seed, "P-09"));
    }

    [Fact]
    public void Fiscal_funds_that_differ_from_the_projects_fiscal_lines_are_warned_even_when_the_total_matches()
    {
        var broken = Seed with
        {
            Projects = [.. Seed.Projects.Select(p => p.Code == "P20" ? p with { Performance = p.Performance! with { FiscalAmount = 100.00m, OtherAmount = 548.20m } } : p)],
        };

        Assert.Empty(Run(broken, "P-04"));
        var finding = Assert.Single(Run(broken, "P-09"));

        Assert.Equal($"$.projects[{ProjectIndex("P20")}].performance.fiscalAmount", finding.Locations[0]);
        Assert.Contains("100.00 万元 ≠ 项目财政拨款支出 0.00 万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_headcount_targets_are_met_by_staffing_plus_its_stated_change()
    {
        Assert.Empty(Run(Seed, "U-03"));
        var exact = WithUnitIndicators(i => i.Measures == IndicatorMeasure.InServiceHeadcount ? i with { Target = i.Target! with { Operator = "=", Value = 47m } } : i);
        Assert.Empty(Run(exact, "U-03"));
    }

    [Fact]
    public void A_headcount_target_that_staffing_cannot_meet_is_warned_naming_both()
    {
        var broken = WithUnitIndicators(i => i.Measures == IndicatorMeasure.RetiredHeadcount ? i with { Value = ">=40人", Target = i.Target! with { Value = 40m } } : i);
        var index = Seed.UnitPerformance!.Indicators.ToList().FindIndex(i => i.Measures == IndicatorMeasure.RetiredHeadcount);

        var finding = Assert.Single(Run(broken, "U-03"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([$"$.unitPerformance.indicators[{index}].target.value", "$.staffing.retired"], finding.Locations);
        Assert.Contains("退休 29 人", finding.Message, StringComparison.Ordinal);
        var fewerStaff = Seed with { Staffing = Seed.Staffing! with { InService = 40, InServiceChange = 0 } };
        Assert.Contains("$.staffing.inService", Assert.Single(Run(fewerStaff, "U-03")).Locations);
    }
}
