using System.Globalization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>What a document check reads: the document as submitted and the tables computed from it.</summary>
public sealed record ValidationContext(BudgetDocument Document, DisclosureSet Tables, ClassificationCatalog Catalog)
{
    private IReadOnlyList<(string Path, decimal Value)>? _moneyFields;
    private IReadOnlyList<YearOnYearComparison>? _comparisons;
    private IReadOnlyDictionary<string, ProjectLineSums>? _projectLines;
    private IReadOnlyList<(string Path, string Name, IReadOnlyList<PerformanceIndicator> Indicators)>? _performanceTables;

    /// <summary>Every money value of the document with its JSON path, read once for all the checks that need them.</summary>
    internal IReadOnlyList<(string Path, decimal Value)> MoneyFields =>
        _moneyFields ??= [.. DocumentChecks.MoneyFields(System.Text.Json.JsonSerializer.SerializeToElement(Document, BudgetJson.Options), "$")];

    /// <summary>The year-on-year comparisons of the explanations, computed once for the checks that read them.</summary>
    internal IReadOnlyList<YearOnYearComparison> Comparisons => _comparisons ??= YearOnYear.Comparisons(Document);

    /// <summary>Σ of each project's lines by project code (all, and those paid from 财政拨款), one pass for the checks that compare them.</summary>
    internal IReadOnlyDictionary<string, ProjectLineSums> ProjectLines => _projectLines ??= DocumentChecks.SumLinesByProject(Document);

    /// <summary>The 单位整体 and every 项目 绩效目标表 with their JSON paths, listed once for the checks that walk them.</summary>
    internal IReadOnlyList<(string Path, string Name, IReadOnlyList<PerformanceIndicator> Indicators)> PerformanceTables =>
        _performanceTables ??= [.. DocumentChecks.PerformanceTables(Document)];

    /// <summary>A document amount as printed (万元, 2 decimals).</summary>
    internal decimal Published(decimal amount) => PublishedAmount.Of(amount, Document.CurrencyUnit);
}

/// <summary>Σ of one project's lines in the document's unit: <see cref="Total"/> of every line, <see cref="Fiscal"/> of those paid from 财政拨款 (当年 and 结转).</summary>
internal readonly record struct ProjectLineSums(decimal Total, decimal Fiscal);

/// <summary>One violation a document check found: the detail appended to the rule's message and the places involved.</summary>
public sealed record CheckViolation(string Detail, IReadOnlyList<string> Locations);

/// <summary>
/// The named checks that <c>audit-rules.json</c> refers to with <c>"check"</c>: rules about the document's own
/// statements (project amounts, performance targets, prior-year comparisons, other facts) rather than table cells.
/// </summary>
public static partial class DocumentChecks
{
    private static readonly Dictionary<string, Func<ValidationContext, IEnumerable<CheckViolation>>> Checks = new(StringComparer.Ordinal)
    {
        ["incomeMatchesExpenditureBySource"] = IncomeMatchesExpenditureBySource,
        ["projectAmountMatchesLines"] = ProjectAmountMatchesLines,
        ["projectLinesReferenceDeclaredProjects"] = ProjectLinesReferenceDeclaredProjects,
        ["carryOverLinesUseCarryOverProjects"] = CarryOverLinesUseCarryOverProjects,
        ["generalBudgetProjectsHavePerformanceTargets"] = GeneralBudgetProjectsHavePerformanceTargets,
        ["performanceWeightsComplete"] = PerformanceWeightsComplete,
        ["performanceFundsMatchProject"] = PerformanceFundsMatchProject,
        ["performanceAmountIndicatorsMatchBudget"] = PerformanceAmountIndicatorsMatchBudget,
        ["performanceRecipientsMatchSubsidy"] = PerformanceRecipientsMatchSubsidy,
        ["unitPerformanceControlFiguresMatchTables"] = UnitPerformanceControlFiguresMatchTables,
        ["unitPerformanceFundsMatchIncome"] = UnitPerformanceFundsMatchIncome,
        ["significantChangesHaveReasons"] = SignificantChangesHaveReasons,
        ["priorYearGeneralBudgetAddsUp"] = PriorYearGeneralBudgetAddsUp,
        ["officeOperatingMatchesPublicExpenses"] = OfficeOperatingMatchesPublicExpenses,
        ["procurementReservationsWithinTotal"] = ProcurementReservationsWithinTotal,
        ["staffingAddsUp"] = StaffingAddsUp,
        ["currencyUnitKnown"] = CurrencyUnitKnown,
        ["functionCodesKnown"] = FunctionCodesKnown,
        ["economicCodesKnown"] = EconomicCodesKnown,
        ["amountsNotNegative"] = AmountsNotNegative,
        ["amountPrecision"] = AmountPrecision,
        ["noDuplicateLines"] = NoDuplicateLines,
        ["noDuplicateProjects"] = NoDuplicateProjects,
        ["reasonsMatchDirection"] = ReasonsMatchDirection,
        ["priorYearTotalsAgree"] = PriorYearTotalsAgree,
        ["performanceTablesComplete"] = PerformanceTablesComplete,
        ["performanceIndicatorsStated"] = PerformanceIndicatorsStated,
        ["performanceFiscalFundsMatchLines"] = PerformanceFiscalFundsMatchLines,
        ["unitPerformanceHeadcountsMatchStaffing"] = UnitPerformanceHeadcountsMatchStaffing,
        ["vehicleHoldingsAddUp"] = VehicleHoldingsAddUp,
        ["vehiclePurchasesMatchThreePublic"] = VehiclePurchasesMatchThreePublic,
        ["threePublicDoesNotGrow"] = ThreePublicDoesNotGrow,
    };

    /// <summary>Checks that read parameters of their rule (e.g. <see cref="AuditRule.SmeReservation"/>).</summary>
    private static readonly Dictionary<string, Func<ValidationContext, AuditRule, IEnumerable<CheckViolation>>> ParameterizedChecks = new(StringComparer.Ordinal)
    {
        ["procurementSmeSharesMet"] = ProcurementSmeSharesMet,
    };

    public static bool Exists(string name) => Checks.ContainsKey(name) || ParameterizedChecks.ContainsKey(name);

    public static IEnumerable<string> Names => Checks.Keys.Concat(ParameterizedChecks.Keys);

    public static IEnumerable<Finding> Evaluate(AuditRule rule, ValidationContext context)
    {
        var violations = ParameterizedChecks.TryGetValue(rule.Check!, out var parameterized) ? parameterized(context, rule) : Checks[rule.Check!](context);
        return violations.Select(v => new Finding(rule.Id, rule.Severity, $"{rule.Message}（{v.Detail}）", v.Locations));
    }

    private static string F(decimal value) => TableRules.Format(value);

    private static decimal Factor(ValidationContext c) => CurrencyUnit.ToTenThousandYuanFactor(c.Document.CurrencyUnit);

    /// <summary>收入 of each source = Σ 支出 of that source (收支平衡 by source).</summary>
    private static IEnumerable<CheckViolation> IncomeMatchesExpenditureBySource(ValidationContext c)
    {
        var document = c.Document;
        foreach (var source in FundSources.All)
        {
            var incomeIndexes = Enumerable.Range(0, document.Income.Count).Where(i => document.Income[i].Source == source).ToList();
            var income = incomeIndexes.Sum(i => document.Income[i].Amount);
            var spent = document.Lines.Where(l => l.FundSource == source).Sum(l => l.Amount);
            if (income != spent)
            {
                var name = JsonEnum(source);
                yield return new CheckViolation(
                    $"{source.Label()}: 收入 {F(income)} ≠ 支出 {F(spent)}",
                    [.. incomeIndexes.Select(i => $"$.income[{i}].amount").DefaultIfEmpty("$.income"), $"$.lines[?(@.fundSource=='{name}')].amount"]);
            }
        }
    }

    /// <summary>预算安排规模 = Σ of the project's lines.</summary>
    private static IEnumerable<CheckViolation> ProjectAmountMatchesLines(ValidationContext c)
    {
        var document = c.Document;
        for (var i = 0; i < document.Projects.Count; i++)
        {
            var project = document.Projects[i];
            var lines = c.ProjectLines.GetValueOrDefault(project.Code).Total;
            if (lines != project.Amount)
            {
                yield return new CheckViolation(
                    $"{project.Code} {project.Name}: 预算安排规模 {F(project.Amount)} ≠ 支出明细合计 {F(lines)}",
                    [$"$.projects[{i}].amount", $"$.lines[?(@.projectCode=='{project.Code}')].amount"]);
            }
        }
    }

    /// <summary>Project spending names a declared project; basic spending of the year names none.</summary>
    private static IEnumerable<CheckViolation> ProjectLinesReferenceDeclaredProjects(ValidationContext c)
    {
        var codes = c.Document.Projects.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.Document.Lines.Count; i++)
        {
            var line = c.Document.Lines[i];
            if (line.Category == ExpenditureCategory.Project && string.IsNullOrEmpty(line.ProjectCode))
            {
                yield return new CheckViolation("项目支出未指定项目 (projectCode)", [$"$.lines[{i}].projectCode"]);
            }
            else if (line.ProjectCode is { Length: > 0 } code && !codes.Contains(code))
            {
                yield return new CheckViolation($"项目 {code} 未在 projects 中申报", [$"$.lines[{i}].projectCode"]);
            }
        }
    }

    /// <summary>上年结转 money is spent through carry-over projects, and only carry-over money is.</summary>
    private static IEnumerable<CheckViolation> CarryOverLinesUseCarryOverProjects(ValidationContext c)
    {
        var kinds = c.Document.Projects.GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        for (var i = 0; i < c.Document.Lines.Count; i++)
        {
            var line = c.Document.Lines[i];
            if (line.ProjectCode is not { Length: > 0 } code || !kinds.TryGetValue(code, out var kind))
            {
                continue;
            }

            var carry = line.FundSource.IsCarryOver();
            if (carry != (kind == ProjectKind.CarryOver))
            {
                yield return new CheckViolation(
                    carry ? $"结转资金应列入上年结转项目，{code} 不是结转项目" : $"结转项目 {code} 只能使用上年结转结余资金",
                    [$"$.lines[{i}].fundSource", $"$.lines[{i}].projectCode"]);
            }
        }
    }

    /// <summary>Every project of Table 7 has a 绩效目标表.</summary>
    private static IEnumerable<CheckViolation> GeneralBudgetProjectsHavePerformanceTargets(ValidationContext c)
    {
        var inTable7 = c.Document.Lines
            .Where(l => l.Category == ExpenditureCategory.Project && l.FundSource is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer)
            .Select(l => l.ProjectCode)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.Document.Projects.Count; i++)
        {
            var project = c.Document.Projects[i];
            if (inTable7.Contains(project.Code) && project.Performance is null)
            {
                yield return new CheckViolation($"{project.Code} {project.Name} 没有绩效目标表", [$"$.projects[{i}].performance", $"表7[{project.Name}]"]);
            }
        }
    }

    /// <summary>
    /// 指标分值权重 sum to 100, or to 90 where the 10 points of 预算执行率 are scored outside the table (as in every table of the
    /// seed).
    /// </summary>
    private static IEnumerable<CheckViolation> PerformanceWeightsComplete(ValidationContext c)
    {
        foreach (var (path, name, indicators) in c.PerformanceTables)
        {
            if (indicators.All(x => x.Weight is null))
            {
                continue;
            }

            var sum = indicators.Sum(x => x.Weight ?? 0m);
            if (sum is not 100m and not 90m)
            {
                yield return new CheckViolation($"{name}: 权重合计 {F(sum)}，应为 100（或 90，另 10 分为预算执行率）", [$"{path}.indicators"]);
            }
        }
    }

    /// <summary>年度预算总额 = 项目预算, and 财政拨款 + 其他资金 = 总额.</summary>
    private static IEnumerable<CheckViolation> PerformanceFundsMatchProject(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Projects.Count; i++)
        {
            var project = c.Document.Projects[i];
            if (project.Performance is not { } performance)
            {
                continue;
            }

            if (performance.AnnualBudgetAmount != project.Amount)
            {
                yield return new CheckViolation(
                    $"{project.Name}: 绩效目标表年度预算总额 {F(performance.AnnualBudgetAmount)} ≠ 项目预算 {F(project.Amount)}",
                    [$"$.projects[{i}].performance.annualBudgetAmount", $"$.projects[{i}].amount"]);
            }

            if (performance.FiscalAmount + performance.OtherAmount != performance.AnnualBudgetAmount)
            {
                yield return new CheckViolation(
                    $"{project.Name}: 财政拨款 {F(performance.FiscalAmount)} + 其他资金 {F(performance.OtherAmount)} ≠ 年度预算总额 {F(performance.AnnualBudgetAmount)}",
                    [$"$.projects[{i}].performance.fiscalAmount", $"$.projects[{i}].performance.otherAmount"]);
            }
        }
    }

    /// <summary>A 成本指标 that states the project's money in 万元 equals the project's budget.</summary>
    private static IEnumerable<CheckViolation> PerformanceAmountIndicatorsMatchBudget(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Projects.Count; i++)
        {
            var project = c.Document.Projects[i];
            var indicators = project.Performance?.Indicators ?? [];
            for (var j = 0; j < indicators.Count; j++)
            {
                if (indicators[j] is { Measures: IndicatorMeasure.BudgetAmount, Target: { } target } && !Satisfies(project.Amount * Factor(c), target.Operator, target.Value * UnitFactor(target.Unit)))
                {
                    yield return new CheckViolation(
                        $"{project.Name}: 绩效指标“{indicators[j].Level3}”{indicators[j].Value} ≠ 项目预算 {F(project.Amount)}",
                        [$"$.projects[{i}].performance.indicators[{j}].target.value", $"$.projects[{i}].amount"]);
                }
            }
        }
    }

    /// <summary>The headcount a performance table targets equals the 补贴人数 the project description states.</summary>
    private static IEnumerable<CheckViolation> PerformanceRecipientsMatchSubsidy(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Projects.Count; i++)
        {
            var project = c.Document.Projects[i];
            if (project.Subsidy?.Recipients is not { } recipients)
            {
                continue;
            }

            var indicators = project.Performance?.Indicators ?? [];
            for (var j = 0; j < indicators.Count; j++)
            {
                if (indicators[j] is { Measures: IndicatorMeasure.Recipients, Target: { } target } && target.Value != recipients)
                {
                    yield return new CheckViolation(
                        $"{project.Name}: 项目说明补贴人数 {recipients} 人，绩效目标表“{indicators[j].Level3}”{indicators[j].Value}",
                        [$"$.projects[{i}].subsidy.recipients", $"$.projects[{i}].performance.indicators[{j}].target.value"]);
                }
            }
        }
    }

    /// <summary>单位整体绩效目标表 control figures equal 表6 人员经费 / 公用经费 and 表5 项目支出.</summary>
    private static IEnumerable<CheckViolation> UnitPerformanceControlFiguresMatchTables(ValidationContext c)
    {
        if (c.Document.UnitPerformance is not { } unit)
        {
            yield break;
        }

        var table5 = c.Tables.Table(5);
        var table6 = c.Tables.Table(6);
        for (var j = 0; j < unit.Indicators.Count; j++)
        {
            var indicator = unit.Indicators[j];
            if (indicator.Target is not { } target)
            {
                continue;
            }

            (decimal Expected, string Cell)? control = indicator.Measures switch
            {
                IndicatorMeasure.PersonnelControlAmount => (table6.Value("合计", Table6.Columns[1]), $"表6[合计].{Table6.Columns[1]}"),
                IndicatorMeasure.PublicControlAmount => (table6.Value("合计", Table6.Columns[2]), $"表6[合计].{Table6.Columns[2]}"),
                IndicatorMeasure.ProjectControlAmount => (table5.Value("合计", Table5.Columns[2]), $"表5[合计].{Table5.Columns[2]}"),
                _ => null,
            };
            var stated = target.Value * UnitFactor(target.Unit);
            if (control is { } expected && stated != expected.Expected)
            {
                yield return new CheckViolation(
                    $"“{indicator.Level3}”{indicator.Value} ≠ {expected.Cell} {F(expected.Expected)}，相差 {F(stated - expected.Expected)}",
                    [$"$.unitPerformance.indicators[{j}].target.value", expected.Cell]);
            }
        }
    }

    /// <summary>单位整体绩效 资金来源: 上级安排 = 转移支付 + 财政拨款结转, 本级安排 = 一般财力 etc., 其他 = 单位资金 + 财政专户 + 非财政结余.</summary>
    private static IEnumerable<CheckViolation> UnitPerformanceFundsMatchIncome(ValidationContext c)
    {
        if (c.Document.UnitPerformance is not { } unit)
        {
            yield break;
        }

        var income = c.Document.Income;
        var factor = Factor(c);
        var superior = income.Where(l => l.Source.IsTransfer() || l.Source.IsFiscalCarryOver()).Sum(l => l.Amount) * factor;
        var local = income.Where(l => l.Source is FundSource.GeneralBudget or FundSource.GovernmentFund or FundSource.StateCapital).Sum(l => l.Amount) * factor;
        var other = income.Where(l => !l.Source.IsCurrentFiscal() && !l.Source.IsFiscalCarryOver()).Sum(l => l.Amount) * factor;
        foreach (var (stated, expected, path, label) in new[]
        {
            (unit.SuperiorFundsAmount, superior, "superiorFundsAmount", "上级安排(转移支付+财政拨款结转)"),
            (unit.LocalFundsAmount, local, "localFundsAmount", "本级安排"),
            (unit.OtherFundsAmount, other, "otherFundsAmount", "其他资金"),
        })
        {
            if (stated * factor != expected)
            {
                yield return new CheckViolation($"{label}: 绩效目标表 {F(stated)} ≠ 收入预算 {F(expected)}", [$"$.unitPerformance.{path}", "$.income"]);
            }
        }
    }

    /// <summary>A change of 10 % or more against the prior year's budget, or from 0, needs a stated reason (主要原因).</summary>
    private static IEnumerable<CheckViolation> SignificantChangesHaveReasons(ValidationContext c)
    {
        if (c.Document.PriorYear is not { } prior)
        {
            yield break;
        }

        var reasons = c.Document.Explanations.Where(e => e.Kind == ExplanationKind.Reason && e.Text.Length > 0).Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var comparison in c.Comparisons)
        {
            if (comparison.NeedsReason && !reasons.Contains(comparison.Subject))
            {
                yield return new CheckViolation(
                    $"{comparison.Label} 由 {F(comparison.Prior)} 变为 {F(comparison.Current)}，变动 {comparison.ChangePercentText}，需说明主要原因",
                    [$"$.explanations[?(@.subject=='{comparison.Subject}')]", comparison.Location]);
            }
        }
    }

    /// <summary>Prior-year 一般公共预算 by function adds up to prior 基本 + 项目.</summary>
    private static IEnumerable<CheckViolation> PriorYearGeneralBudgetAddsUp(ValidationContext c)
    {
        if (c.Document.PriorYear is not { GeneralBudgetByFunction.Count: > 0 } prior)
        {
            yield break;
        }

        var byFunction = prior.GeneralBudgetByFunction.Sum(f => f.Amount);
        var total = prior.GeneralBudgetBasicAmount + prior.GeneralBudgetProjectAmount;
        if (byFunction != total)
        {
            yield return new CheckViolation(
                $"上年一般公共预算按功能科目合计 {F(byFunction)} ≠ 基本支出 + 项目支出 {F(total)}",
                ["$.priorYear.generalBudgetByFunction", "$.priorYear.generalBudgetBasicAmount", "$.priorYear.generalBudgetProjectAmount"]);
        }
    }

    /// <summary>机关运行经费 = 一般公共预算基本支出的公用经费 (表6).</summary>
    private static IEnumerable<CheckViolation> OfficeOperatingMatchesPublicExpenses(ValidationContext c)
    {
        if (c.Document.OfficeOperatingAmount is not { } stated)
        {
            yield break;
        }

        // Both as printed (万元, 2 decimals): the document may state the amount in 元, table 6 is in 万元.
        var printed = PublishedAmount.Of(stated, c.Document.CurrencyUnit);
        var expected = PublishedAmount.Of(c.Tables.Table(6).Value("合计", Table6.Columns[2]), CurrencyUnit.TenThousandYuan);
        if (printed != expected)
        {
            yield return new CheckViolation(
                $"机关运行经费 {PublishedAmount.Text(printed)} ≠ 表6 公用经费 {PublishedAmount.Text(expected)}",
                ["$.officeOperatingAmount", $"表6[合计].{Table6.Columns[2]}"]);
        }
    }

    /// <summary>面向中小企业预留 ≤ 采购预算; 小微企业预留 ≤ 中小企业预留.</summary>
    private static IEnumerable<CheckViolation> ProcurementReservationsWithinTotal(ValidationContext c)
    {
        if (c.Document.Procurement is not { } p)
        {
            yield break;
        }

        var total = p.GoodsAmount + p.WorksAmount + p.ServicesAmount;
        if (p.SmeReservedAmount > total)
        {
            yield return new CheckViolation($"中小企业预留 {F(p.SmeReservedAmount)} > 采购预算 {F(total)}", ["$.procurement.smeReservedAmount"]);
        }

        if (p.SmallMicroReservedAmount > p.SmeReservedAmount)
        {
            yield return new CheckViolation($"小微企业预留 {F(p.SmallMicroReservedAmount)} > 中小企业预留 {F(p.SmeReservedAmount)}", ["$.procurement.smallMicroReservedAmount"]);
        }
    }

    /// <summary>实有人数 = 在职 + 退休 + 离休.</summary>
    private static IEnumerable<CheckViolation> StaffingAddsUp(ValidationContext c)
    {
        if (c.Document.Staffing is { } s && s.InService + s.Retired + s.RetiredCadres != s.ActualHeadcount)
        {
            yield return new CheckViolation(
                $"实有人数 {s.ActualHeadcount} ≠ 在职 {s.InService} + 退休 {s.Retired} + 离休 {s.RetiredCadres}",
                ["$.staffing.actualHeadcount"]);
        }
    }

    /// <summary>Σ of the lines of every project code, in line order (see <see cref="ValidationContext.ProjectLines"/>).</summary>
    internal static Dictionary<string, ProjectLineSums> SumLinesByProject(BudgetDocument document)
    {
        var sums = new Dictionary<string, ProjectLineSums>(StringComparer.Ordinal);
        foreach (var line in document.Lines)
        {
            if (line.ProjectCode is not { } code)
            {
                continue;
            }

            var sum = sums.GetValueOrDefault(code);
            var fiscal = line.FundSource.IsCurrentFiscal() || line.FundSource.IsFiscalCarryOver();
            sums[code] = new(sum.Total + line.Amount, fiscal ? sum.Fiscal + line.Amount : sum.Fiscal);
        }

        return sums;
    }

    internal static IEnumerable<(string Path, string Name, IReadOnlyList<PerformanceIndicator> Indicators)> PerformanceTables(BudgetDocument document)
    {
        if (document.UnitPerformance is { } unit)
        {
            yield return ("$.unitPerformance", "单位整体绩效目标表", unit.Indicators);
        }

        for (var i = 0; i < document.Projects.Count; i++)
        {
            if (document.Projects[i].Performance is { } performance)
            {
                yield return ($"$.projects[{i}].performance", document.Projects[i].Name, performance.Indicators);
            }
        }
    }

    /// <summary>Does <paramref name="actual"/> meet a target such as "&lt;= 648.19"?</summary>
    private static bool Satisfies(decimal actual, string @operator, decimal target) => @operator switch
    {
        ">=" => actual >= target,
        "<=" => actual <= target,
        ">" => actual > target,
        "<" => actual < target,
        _ => actual == target,
    };

    /// <summary>Factor from an indicator's unit to 万元 (元 → 0.0001); other units compare as stated.</summary>
    private static decimal UnitFactor(string? unit) => unit == CurrencyUnit.Yuan ? 0.0001m : 1m;

    private static string JsonEnum(FundSource source)
    {
        var name = source.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
