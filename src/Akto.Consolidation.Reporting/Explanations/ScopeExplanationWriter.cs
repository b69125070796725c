using Akto.Consolidation.Domain.Disclosure;
using static Akto.Consolidation.Reporting.Explanations.ExplanationText;

namespace Akto.Consolidation.Reporting.Explanations;

/// <summary>
/// 第三部分 预算情况说明 of a department (部门) or the county (全县), as a finance bureau writes it over consolidated tables:
/// sections 一 to 十二 in the unit's order, every amount read from the printed tables (so the text and the tables agree to
/// the 分, in the published unit), shares of the totals, the number of units and of 绩效目标. Reasons and year-on-year
/// changes belong to each unit's own explanations and are not repeated here. Plain paragraphs, headings included.
/// </summary>
public static class ScopeExplanationWriter
{
    /// <summary>
    /// The paragraphs; <paramref name="tables"/> are the printed tables 1–11 of the scope, <paramref name="unitTargets"/> and
    /// <paramref name="projectTargets"/> count the 单位整体 and 项目 绩效目标表 the document carries.
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(DisclosureScope scope, int year, IReadOnlyList<DisclosureTable> tables, string currencyUnit, int units, int unitTargets, int projectTargets)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(tables);
        var word = scope.Kind == DisclosureScopeKind.Department ? "部门" : "全县";
        var who = $"{scope.Name}{year}年{word}";
        var u = currencyUnit;
        DisclosureTable T(int id) => tables.Single(t => t.Id == id);
        var lines = new List<string>();

        var t1 = T(1);
        var total = t1.Value("总计", t1.Columns[0]);
        lines.Add($"一、关于{who}收支预算情况的总体说明");
        lines.Add($"{scope.Name}{word}预算由{units}个预算单位的单位预算汇总而成。按照全口径预算的原则，所有收入和支出均纳入{word}预算管理。收支总预算{Money(total)}{u}。");

        lines.Add($"二、关于{who}收入预算情况说明");
        var incomeRows = new[] { "1.一般公共预算拨款", "2.政府性基金预算拨款", "3.国有资本经营预算拨款", "4.财政专户核拨", "5.单位资金", "二、上年结转结余" };
        var income = incomeRows
            .Select(r => (Label: r.TrimStart('1', '2', '3', '4', '5', '.').Replace("二、", "", StringComparison.Ordinal), Amount: t1.ValueOrZero(r, t1.Columns[0])))
            .Where(r => r.Amount != 0m)
            .Select(r => $"{r.Label}{Money(r.Amount)}{u}，占{Share(r.Amount, total)}")
            .ToList();
        lines.Add($"{word}收入预算{Money(total)}{u}，其中：{Joined(income)}。");

        lines.Add($"三、关于{who}支出预算情况说明");
        var t3 = T(3);
        var spending = t3.Value("合计", t3.Columns[0]);
        var basic = t3.Value("合计", t3.Columns[1]);
        var project = t3.Value("合计", t3.Columns[2]);
        lines.Add($"{word}支出预算{Money(spending)}{u}，其中：基本支出{Money(basic)}{u}，占{Share(basic, spending)}；项目支出{Money(project)}{u}，占{Share(project, spending)}。");
        var classes = t3.Rows.Where(r => r.Level == "类" && r[t3.Columns[0]] != 0m).Select(r => $"{r.Name}{Money(r[t3.Columns[0]])}{u}").ToList();
        lines.Add($"按支出功能分类，支出预算包括：{Joined(classes)}。");

        lines.Add($"四、关于{who}财政拨款收支预算情况的总体说明");
        var t4 = T(4);
        var fiscal = t4.Value("总计", t4.Columns[1]);
        var fiscalTypes = new[] { ("一般公共预算", 2), ("政府性基金预算", 3), ("国有资本经营预算", 4) }
            .Select(t => (Name: t.Item1, Amount: t4.Value("总计", t4.Columns[t.Item2])))
            .Where(t => t.Amount != 0m)
            .Select(t => $"{t.Name}{Money(t.Amount)}{u}")
            .ToList();
        lines.Add($"{year}年{word}财政拨款收支总预算{Money(fiscal)}{u}，其中：{Joined(fiscalTypes)}。");

        lines.Add($"五、关于{who}一般公共预算当年拨款情况说明");
        var t5 = T(5);
        var general = t5.Value("合计", t5.Columns[0]);
        var generalClasses = t5.Rows.Where(r => r.Level == "类" && r[t5.Columns[0]] != 0m).Select(r => $"{r.Name}{Money(r[t5.Columns[0]])}{u}，占{Share(r[t5.Columns[0]], general)}").ToList();
        lines.Add($"{word}一般公共预算当年拨款{Money(general)}{u}，其中：基本支出{Money(t5.Value("合计", t5.Columns[1]))}{u}，项目支出{Money(t5.Value("合计", t5.Columns[2]))}{u}。按类分：{Joined(generalClasses)}。");

        lines.Add($"六、关于{who}一般公共预算基本支出情况说明");
        var t6 = T(6);
        lines.Add($"{word}一般公共预算基本支出{Money(t6.Value("合计", t6.Columns[0]))}{u}，其中：人员经费{Money(t6.Value("合计", t6.Columns[1]))}{u}，公用经费{Money(t6.Value("合计", t6.Columns[2]))}{u}。");

        lines.Add($"七、关于{who}一般公共预算项目支出情况说明");
        var t7 = T(7);
        var projects = t7.Rows.Count(r => r.Project is not null);
        lines.Add($"{word}一般公共预算项目支出{Money(t7.Value("合计", t7.Columns[0]))}{u}，共{projects}个项目。");

        lines.Add($"八、关于{who}政府性基金预算拨款情况说明");
        lines.Add(BudgetType(T(8), word, "政府性基金预算拨款", u));
        lines.Add($"九、关于{who}国有资本经营预算拨款情况说明");
        lines.Add(BudgetType(T(9), word, "国有资本经营预算拨款", u));

        lines.Add($"十、关于{who}财政拨款“三公”经费预算情况说明");
        var t10 = T(10);
        var threePublic = t10.Value("合计", t10.Columns[0]);
        lines.Add(threePublic == 0m
            ? $"{word}未安排财政拨款“三公”经费预算。"
            : $"{word}财政拨款“三公”经费预算{Money(threePublic)}{u}，其中：因公出国（境）费{Money(t10.Value("因公出国（境）费", t10.Columns[0]))}{u}，公务接待费{Money(t10.Value("公务接待费", t10.Columns[0]))}{u}，公务用车购置及运行费{Money(t10.Value("公务用车购置及运行费（小计）", t10.Columns[0]))}{u}（其中：公务用车购置费{Money(t10.Value("其中：公务用车购置费", t10.Columns[0]))}{u}，公务用车运行费{Money(t10.Value("公务用车运行费", t10.Columns[0]))}{u}）。");

        lines.Add($"十一、关于{who}上年结转结余情况说明");
        var t11 = T(11);
        var carried = t11.ValueOrZero("合计", t11.Columns[0]);
        lines.Add(carried == 0m
            ? $"{word}无上年结转结余。"
            : $"{word}上年结转结余{Money(carried)}{u}，其中：财政拨款{Money(t11.ValueOrZero("合计", t11.Columns[1]))}{u}，非财政拨款{Money(t11.ValueOrZero("合计", t11.Columns[5]))}{u}。");

        lines.Add("十二、其他重要事项的说明");
        lines.Add("（一）预算绩效情况");
        lines.Add($"{year}年，{word}各预算单位编报单位整体绩效目标{unitTargets}个、项目支出绩效目标{projectTargets}个，各表附后。");
        return lines;
    }

    private static string BudgetType(DisclosureTable table, string word, string name, string unit)
    {
        var amount = table.ValueOrZero("合计", table.Columns[0]);
        return amount == 0m ? $"{word}无{name}安排的支出。" : $"{word}{name}安排的支出{Money(amount)}{unit}。";
    }

    private static string Share(decimal part, decimal whole) => Percent(whole == 0m ? 0m : part / whole * 100m);

    private static string Joined(IReadOnlyList<string> items) => items.Count == 0 ? "无" : string.Join("；", items);
}
