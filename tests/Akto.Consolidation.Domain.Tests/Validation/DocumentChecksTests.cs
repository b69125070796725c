using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>Each named document check: a passing case and a failing case that names the places involved.</summary>
public sealed class DocumentChecksTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    private static List<Finding> Run(BudgetDocument document, string ruleId) =>
        [.. BudgetValidator.Validate(document, [AuditRules.Get(ruleId)]).Findings];

    private static BudgetDocument WithLine(BudgetDocument document, int index, Func<ExpenditureLine, ExpenditureLine> change) =>
        document with { Lines = [.. document.Lines.Select((l, i) => i == index ? change(l) : l)] };

    private static BudgetDocument WithProject(BudgetDocument document, string code, Func<BudgetProject, BudgetProject> change) =>
        document with { Projects = [.. document.Projects.Select(p => p.Code == code ? change(p) : p)] };

    private static int ProjectIndex(string code) => Seed.Projects.ToList().FindIndex(p => p.Code == code);

    [Fact]
    public void Seed_has_no_errors_and_exactly_the_known_warnings()
    {
        var report = BudgetValidator.Validate(Seed);

        Assert.False(report.HasErrors, string.Join('\n', report.Errors));
        Assert.Equal(["E-03", "P-02", "P-05", "P-06", "U-01"], report.Warnings.Select(w => w.RuleId).Distinct().Order());
    }

    [Fact]
    public void Income_that_differs_from_spending_of_its_source_is_an_error_naming_both()
    {
        Assert.Empty(Run(Seed, "X-100"));
        var broken = Seed with { Income = [.. Seed.Income.Select(l => l.Source == FundSource.GeneralBudget ? l with { Amount = l.Amount + 0.01m } : l)] };

        var finding = Assert.Single(Run(broken, "X-100"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("$.income[0].amount", finding.Locations);
        Assert.Contains(finding.Locations, l => l.Contains("generalBudget", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_amount_must_equal_its_lines()
    {
        Assert.Empty(Run(Seed, "P-01"));
        var broken = WithProject(Seed, "P01", p => p with { Amount = 3.00m });

        var finding = Assert.Single(Run(broken, "P-01"));

        Assert.Contains($"$.projects[{ProjectIndex("P01")}].amount", finding.Locations);
    }

    [Fact]
    public void Project_lines_must_name_a_declared_project()
    {
        Assert.Empty(Run(Seed, "S-18"));
        var index = Seed.Lines.ToList().FindIndex(l => l.Category == ExpenditureCategory.Project);
        var undeclared = WithLine(Seed, index, l => l with { ProjectCode = "P99" });
        var missing = WithLine(Seed, index, l => l with { ProjectCode = null });

        Assert.Equal([$"$.lines[{index}].projectCode"], Assert.Single(Run(undeclared, "S-18")).Locations);
        Assert.Equal([$"$.lines[{index}].projectCode"], Assert.Single(Run(missing, "S-18")).Locations);
    }

    [Fact]
    public void Carry_over_money_goes_through_carry_over_projects_only()
    {
        Assert.Empty(Run(Seed, "S-19"));
        var index = Seed.Lines.ToList().FindIndex(l => l.FundSource == FundSource.CarryOverGeneralBudget);
        var broken = WithLine(Seed, index, l => l with { ProjectCode = "P01" });

        Assert.Contains($"$.lines[{index}].fundSource", Assert.Single(Run(broken, "S-19")).Locations);
    }

    [Fact]
    public void General_budget_projects_without_performance_targets_are_warned()
    {
        var findings = Run(Seed, "P-02");

        Assert.Equal(12, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        var complete = Seed with { Projects = [.. Seed.Projects.Select(p => p.Performance is null && p.Kind == ProjectKind.Current ? p with { Performance = new ProjectPerformance { AnnualBudgetAmount = p.Amount, FiscalAmount = p.Amount } } : p)] };
        Assert.Empty(Run(complete, "P-02"));
    }

    [Fact]
    public void Weights_must_sum_to_100_or_90_plus_execution_rate()
    {
        Assert.Empty(Run(Seed, "P-03"));
        var broken = WithProject(Seed, "P01", p => p with { Performance = p.Performance! with { Indicators = [.. p.Performance.Indicators.Skip(1)] } });

        var finding = Assert.Single(Run(broken, "P-03"));

        Assert.Equal([$"$.projects[{ProjectIndex("P01")}].performance.indicators"], finding.Locations);
    }

    [Fact]
    public void Performance_funds_must_match_the_project()
    {
        Assert.Empty(Run(Seed, "P-04"));
        var broken = WithProject(Seed, "P02", p => p with { Performance = p.Performance! with { AnnualBudgetAmount = 6.00m } });

        var findings = Run(broken, "P-04");

        Assert.Contains(findings, f => f.Locations.Contains($"$.projects[{ProjectIndex("P02")}].performance.annualBudgetAmount"));
    }

    [Fact]
    public void Seed_unit_funds_cost_indicator_648_19_is_warned_against_the_648_20_budget()
    {
        var finding = Assert.Single(Run(Seed, "P-05"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains($"$.projects[{ProjectIndex("P20")}].amount", finding.Locations);
        Assert.Contains("648.19", finding.Message, StringComparison.Ordinal);
        var corrected = WithProject(Seed, "P20", p => p with { Performance = p.Performance! with { Indicators = [.. p.Performance.Indicators.Select(i => i.Target is { } t && i.Measures == IndicatorMeasure.BudgetAmount ? i with { Target = t with { Value = 648.20m } } : i)] } });
        Assert.Empty(Run(corrected, "P-05"));
    }

    [Fact]
    public void Seed_headcount_67_in_the_description_and_71_in_the_performance_table_is_warned_naming_both()
    {
        var finding = Assert.Single(Run(Seed, "P-06"));

        var index = ProjectIndex("P17");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal([$"$.projects[{index}].subsidy.recipients", $"$.projects[{index}].performance.indicators[0].target.value"], finding.Locations);
        var corrected = WithProject(Seed, "P17", p => p with { Subsidy = p.Subsidy! with { Recipients = 71 } });
        Assert.Empty(Run(corrected, "P-06"));
    }

    [Fact]
    public void Seed_unit_performance_control_figures_are_warned_against_table_6()
    {
        var findings = Run(Seed, "U-01");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Locations.Contains("表6[合计].一般公共预算基本支出/人员经费") && f.Message.Contains("-0.02", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Locations.Contains("表6[合计].一般公共预算基本支出/公用经费") && f.Message.Contains("0.01", StringComparison.Ordinal));
        var corrected = Seed with
        {
            UnitPerformance = Seed.UnitPerformance! with
            {
                Indicators = [.. Seed.UnitPerformance.Indicators.Select(i => i.Measures switch
                {
                    IndicatorMeasure.PersonnelControlAmount => i with { Target = i.Target! with { Value = 1130.56m } },
                    IndicatorMeasure.PublicControlAmount => i with { Target = i.Target! with { Value = 68.19m } },
                    _ => i,
                })],
            },
        };
        Assert.Empty(Run(corrected, "U-01"));
    }

    [Fact]
    public void Unit_performance_funds_must_match_income()
    {
        Assert.Empty(Run(Seed, "U-02"));
        var broken = Seed with { UnitPerformance = Seed.UnitPerformance! with { LocalFundsAmount = 3852.00m } };

        Assert.Equal(["$.unitPerformance.localFundsAmount", "$.income"], Assert.Single(Run(broken, "U-02")).Locations);
    }

    [Fact]
    public void A_change_of_ten_percent_or_from_zero_needs_a_reason()
    {
        Assert.Empty(Run(Seed, "E-01"));
        var withoutReason = Seed with { Explanations = [.. Seed.Explanations.Where(e => e.Subject != "generalBudget/function/2080101")] };

        var finding = Assert.Single(Run(withoutReason, "E-01"));

        Assert.Contains("18.27%", finding.Message, StringComparison.Ordinal);
        var small = Seed with { Explanations = [.. Seed.Explanations.Where(e => e.Subject != "generalBudget/function/2101102")] };
        Assert.Empty(Run(small, "E-01"));
    }

    [Fact]
    public void Prior_year_figures_must_agree_with_each_other()
    {
        Assert.Empty(Run(Seed, "E-02"));
        var broken = Seed with { PriorYear = Seed.PriorYear! with { GeneralBudgetBasicAmount = 1030.21m } };

        Assert.Single(Run(broken, "E-02"));
    }

    [Fact]
    public void Office_operating_expenses_must_equal_public_expenses()
    {
        Assert.Empty(Run(Seed, "F-01"));

        Assert.Contains("$.officeOperatingAmount", Assert.Single(Run(Seed with { OfficeOperatingAmount = 68.00m }, "F-01")).Locations);
    }

    [Fact]
    public void Office_operating_expenses_stated_in_yuan_are_compared_and_quoted_as_printed_in_ten_thousand_yuan()
    {
        var yuan = SeedBudget.InYuan(Seed);
        Assert.Empty(Run(yuan, "F-01"));

        // 300 元 more: 0.03 万元 more as printed, and both figures quoted in 万元.
        var finding = Assert.Single(Run(yuan with { OfficeOperatingAmount = yuan.OfficeOperatingAmount + 300m }, "F-01"));
        var printed = decimal.Round(Seed.OfficeOperatingAmount!.Value, 2, MidpointRounding.AwayFromZero);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Contains($"机关运行经费 {(printed + 0.03m).ToString("#,0.00", culture)} 万元 ≠ 表6 公用经费 {printed.ToString("#,0.00", culture)} 万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Procurement_reservations_stay_within_the_total()
    {
        Assert.Empty(Run(Seed, "F-02"));
        var broken = Seed with { Procurement = Seed.Procurement! with { SmallMicroReservedAmount = 132.00m, SmeReservedAmount = 131.00m } };

        Assert.Equal(2, Run(broken, "F-02").Count);
    }

    [Fact]
    public void Staffing_must_add_up()
    {
        Assert.Empty(Run(Seed, "F-03"));

        Assert.Single(Run(Seed with { Staffing = Seed.Staffing! with { Retired = 30 } }, "F-03"));
    }
}
