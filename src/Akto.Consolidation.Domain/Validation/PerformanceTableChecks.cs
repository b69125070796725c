using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Hand checks on the 绩效目标表: structure, stated values, funds and headcounts.</summary>
public static partial class DocumentChecks
{
    /// <summary>
    /// 绩效目标表结构完整: every table has at least one indicator of each dimension 产出, 效益 and 满意度, read from the
    /// 一级指标. Two ways of writing them are accepted, because bureaus use both: project tables use 产出指标 / 成本指标 /
    /// 效益指标 / 满意度指标; 单位整体 tables use 运行成本 / 管理效率 / 履职效能 / 社会效益 (or 社会效应, 可持续影响) /
    /// 服务对象满意度. A 一级指标 counts as 产出 when it contains 产出 or 履职 (履职效能 is the unit's output), as 效益 when it
    /// contains 效益, 效应 or 可持续, and as 满意度 when it contains 满意; 成本指标, 运行成本, 管理效率 and others are allowed
    /// but do not stand in for the three.
    /// </summary>
    private static IEnumerable<CheckViolation> PerformanceTablesComplete(ValidationContext c)
    {
        foreach (var (path, name, indicators) in c.PerformanceTables)
        {
            bool output = false, outcome = false, satisfaction = false;
            foreach (var indicator in indicators)
            {
                var level1 = indicator.Level1;
                output |= level1.Contains("产出", StringComparison.Ordinal) || level1.Contains("履职", StringComparison.Ordinal);
                outcome |= level1.Contains("效益", StringComparison.Ordinal) || level1.Contains("效应", StringComparison.Ordinal) || level1.Contains("可持续", StringComparison.Ordinal);
                satisfaction |= level1.Contains("满意", StringComparison.Ordinal);
            }

            if (output && outcome && satisfaction)
            {
                continue;
            }

            var missing = new List<string>(3);
            if (!output)
            {
                missing.Add("产出（产出指标 / 履职效能）");
            }

            if (!outcome)
            {
                missing.Add("效益（效益指标 / 社会效益）");
            }

            if (!satisfaction)
            {
                missing.Add("满意度（满意度指标 / 服务对象满意度）");
            }

            yield return new CheckViolation($"{name}: 缺少{string.Join("、", missing)}类一级指标", [$"{path}.indicators"]);
        }
    }

    /// <summary>绩效指标填报完整: every indicator names its 三级指标 and states a 指标值 and its 指标值设置依据.</summary>
    private static IEnumerable<CheckViolation> PerformanceIndicatorsStated(ValidationContext c)
    {
        foreach (var (path, name, indicators) in c.PerformanceTables)
        {
            for (var j = 0; j < indicators.Count; j++)
            {
                var indicator = indicators[j];
                if (string.IsNullOrWhiteSpace(indicator.Level3))
                {
                    yield return new CheckViolation($"{name}: 第 {j + 1} 个指标没有三级指标名称", [$"{path}.indicators[{j}].level3"]);
                }

                if (string.IsNullOrWhiteSpace(indicator.Value))
                {
                    yield return new CheckViolation($"{name}: 指标“{indicator.Level3}”没有指标值", [$"{path}.indicators[{j}].value"]);
                }

                if (string.IsNullOrWhiteSpace(indicator.Basis))
                {
                    yield return new CheckViolation($"{name}: 指标“{indicator.Level3}”没有指标值设置依据", [$"{path}.indicators[{j}].basis"]);
                }
            }
        }
    }

    /// <summary>
    /// 绩效目标表财政拨款 = 项目的财政拨款支出: the table's 其中：财政拨款 equals the project's lines paid from 财政拨款 (当年
    /// 一般公共预算、政府性基金、国有资本经营预算 and their transfers, and 财政拨款结转); the rest is 其他资金 (P-04 checks the
    /// total). Compared at the published precision.
    /// </summary>
    private static IEnumerable<CheckViolation> PerformanceFiscalFundsMatchLines(ValidationContext c)
    {
        for (var i = 0; i < c.Document.Projects.Count; i++)
        {
            var project = c.Document.Projects[i];
            if (project.Performance is not { } performance)
            {
                continue;
            }

            var stated = c.Published(performance.FiscalAmount);
            var lines = c.Published(c.ProjectLines.GetValueOrDefault(project.Code).Fiscal);
            if (stated != lines)
            {
                yield return new CheckViolation(
                    $"{project.Name}: 绩效目标表财政拨款 {PublishedAmount.Text(stated)} ≠ 项目财政拨款支出 {PublishedAmount.Text(lines)}",
                    [$"$.projects[{i}].performance.fiscalAmount", $"$.lines[?(@.projectCode=='{project.Code}')].amount"]);
            }
        }
    }

    /// <summary>
    /// 单位整体绩效目标表的保障人数与人员情况一致: an indicator that measures 保障在职人员人数 / 保障退休人员人数 must be met by
    /// the 在职 / 退休 headcount of <see cref="BudgetDocument.Staffing"/>, or by that headcount plus its stated change
    /// (增加 n 人): the tables' basis is "上年度末工资册 + 人员编制增减变动的批复文件", so bureaus accept both (the seed's
    /// "≥50 人" is 在职 47 + 增加 3).
    /// </summary>
    private static IEnumerable<CheckViolation> UnitPerformanceHeadcountsMatchStaffing(ValidationContext c)
    {
        if (c.Document.UnitPerformance is not { } unit || c.Document.Staffing is not { } staffing)
        {
            yield break;
        }

        for (var j = 0; j < unit.Indicators.Count; j++)
        {
            var indicator = unit.Indicators[j];
            (int Count, int Change, string Label, string Path)? staff = indicator.Measures switch
            {
                IndicatorMeasure.InServiceHeadcount => (staffing.InService, staffing.InServiceChange, "在职", "$.staffing.inService"),
                IndicatorMeasure.RetiredHeadcount => (staffing.Retired, staffing.RetiredChange, "退休", "$.staffing.retired"),
                _ => null,
            };
            if (staff is not { } s || indicator.Target is not { } target)
            {
                continue;
            }

            if (!Satisfies(s.Count, target.Operator, target.Value) && !Satisfies(s.Count + s.Change, target.Operator, target.Value))
            {
                yield return new CheckViolation(
                    $"“{indicator.Level3}”{indicator.Value}，人员情况{s.Label} {s.Count} 人（变动 {s.Change:+0;-0;0} 人）",
                    [$"$.unitPerformance.indicators[{j}].target.value", s.Path]);
            }
        }
    }
}
