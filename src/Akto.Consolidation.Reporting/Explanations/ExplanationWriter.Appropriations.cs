using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using static Akto.Consolidation.Reporting.Explanations.ExplanationText;

namespace Akto.Consolidation.Reporting.Explanations;

/// <summary>Sections 五 to 九: the general public budget of the year, its basic and project spending, the other budget types.</summary>
public static partial class ExplanationWriter
{
    /// <summary>五、一般公共预算当年拨款: (一) scale, (二) structure by 类, (三) use by 项.</summary>
    private static void GeneralBudget(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "五", "一般公共预算当年拨款情况说明");
        var table5 = context.Tables.Table(5);

        Line(text, "（一）一般公共预算当年拨款规模变化情况");
        var basic = $"基本支出{Money(context.Required("generalBudget/basic/amount"))}万元{ComparedSentences(context, "generalBudget/basic")}";
        Line(text, $"{context.UnitYear}一般公共预算拨款合计{Money(context.Required("generalBudget/total"))}万元，其中：{basic}");
        Line(text, $"项目支出{Money(context.Required("generalBudget/project/amount"))}万元{ComparedSentences(context, "generalBudget/project")}");

        Line(text, "（二）一般公共预算当年拨款结构情况");
        var number = 0;
        foreach (var row in table5.Rows.Where(r => r.Level == "类"))
        {
            var key = $"generalBudget/class/{row.Code}";
            Line(text, $"{++number}、{row.Name}（类）{Money(context.Required($"{key}/amount"))}万元，占{Percent(context.Required($"{key}/share"))}。");
        }

        Line(text, "（三）一般公共预算当年拨款具体使用情况");
        // Every 项 of the year, and every 项 of the prior year that has no money this year.
        var items = table5.Rows.Where(r => r.Level == "项" && r.Code is not null).Select(r => r.Code!)
            .Concat(context.Document.PriorYear?.GeneralBudgetByFunction.Select(f => f.FunctionCode) ?? [])
            .Where(code => context.Figure($"generalBudget/function/{code}/amount") is not null || context.Change($"generalBudget/function/{code}") is not null)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        number = 0;
        foreach (var code in items)
        {
            var subject = $"generalBudget/function/{code}";
            var names = $"{context.NameOf(ClassificationTree.Function, ClassificationCodes.ClassOf(code))}（类）"
                + $"{context.NameOf(ClassificationTree.Function, ClassificationCodes.SectionOf(code))}（款）"
                + $"{context.NameOf(ClassificationTree.Function, code)}（项）";
            var amount = context.Figure($"{subject}/amount") ?? 0m;

            // The seed writes "万元,增长" with an ASCII comma throughout this list.
            Line(text, $"{++number}.{names}：{context.Year}年预算数为{Money(amount)}万元{Compared(context, subject, "，主要原因是：", ",")}。");
        }
    }

    /// <summary>"，比上年预算增加 X 万元，增长 Y%。主要原因是：…。" of section 五 (一), or "。".</summary>
    private static string ComparedSentences(ExplanationContext context, string subject)
    {
        if (context.Change(subject) is not { } change)
        {
            return "。";
        }

        var reason = context.Reason(subject);
        return $"，{ComparedWithPriorYear(change)}。{(reason is null ? "" : $"主要原因是：{reason}。")}";
    }

    /// <summary>六、一般公共预算基本支出: 人员经费 and 公用经费 with the economic 款 of Table 6.</summary>
    private static void GeneralBudgetBasic(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "六", "一般公共预算基本支出情况说明");
        var table6 = context.Tables.Table(6);
        Line(text, $"{context.UnitYear}一般公共预算基本支出{Money(table6.Value("合计", table6.Columns[0]))}万元，其中：");
        foreach (var (label, column, key) in new[] { ("人员经费", 1, "basic/personnel"), ("公用经费", 2, "basic/public") })
        {
            var names = table6.Rows.Where(r => r.Level == "款" && r[table6.Columns[column]] != 0m).Select(r => r.Name).ToList();
            Line(text, $"{label}{Money(context.Required(key))}万元{(names.Count == 0 ? "" : "，主要包括：" + string.Join("、", names))}。");
        }
    }

    /// <summary>七、一般公共预算项目支出: each current project, with its subsidy details where it has them.</summary>
    private static void GeneralBudgetProjects(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "七", "一般公共预算项目支出情况说明");
        var projects = context.Document.Projects.Where(p => p.Kind == ProjectKind.Current).ToList();
        if (projects.Count == 0)
        {
            Line(text, $"{context.UnitYear}没有安排一般公共预算项目支出。");
            return;
        }

        var number = 0;
        foreach (var project in projects)
        {
            Line(text, $"{++number}、项目名称：{project.Name}");
            Optional(text, "设立的政策依据：根据", project.PolicyBasis);
            Line(text, $"预算安排规模：{Money(context.Required($"projects/{project.Code}/amount"))}万元");
            Optional(text, "项目承担单位：", project.Undertaker);
            Optional(text, "资金分配情况：", project.Allocation);
            if (project.StartsOn is { } start && project.EndsOn is { } end)
            {
                Line(text, $"资金执行时间：{Date(start)}-{Date(end)}");
            }

            if (project.Subsidy is { } subsidy)
            {
                Optional(text, "资金来源：", subsidy.FundingNote);
                Optional(text, "补贴人数：", subsidy.Recipients is { } recipients ? $"{recipients}人" : null);
                Optional(text, "补贴标准：", subsidy.Standard);
                Optional(text, "补贴范围：", subsidy.Scope);
                Optional(text, "补贴方式：", subsidy.Method);
                Optional(text, "发放程序：", subsidy.Procedure);
                Optional(text, "受益人群和社会效益：", subsidy.Beneficiaries);
            }
        }
    }

    private static void Optional(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Line(text, label + value.Trim());
        }
    }

    /// <summary>八 / 九: spending of the government-fund or state-capital budget, or the note that its table is empty.</summary>
    private static void BudgetTypeAppropriation(ExplanationContext context, StringBuilder text, string number, int tableId, string budgetType)
    {
        Heading(context, text, number, $"{budgetType}拨款情况说明");
        var table = context.Tables.Table(tableId);
        var total = table.Value("合计", table.Columns[0]);
        if (total == 0m)
        {
            Line(text, $"{context.UnitYear}没有使用{budgetType}拨款安排的支出，{table.Title}为空表。");
            return;
        }

        var personnel = table.Value("合计", table.Columns[1]);
        var office = table.Value("合计", table.Columns[2]);
        var project = table.Value("合计", table.Columns[3]);
        Line(text, $"{context.UnitYear}{budgetType}拨款安排的支出{Money(total)}万元，其中：基本支出{Money(personnel + office)}万元（人员经费{Money(personnel)}万元，公用经费{Money(office)}万元），项目支出{Money(project)}万元。");
        var classes = table.Rows.Where(r => r.Level == "类").Select(r => $"{r.Name}（类）{Money(r[table.Columns[0]])}万元").ToList();
        Line(text, $"按支出功能分类：{string.Join("，", classes)}。");
    }
}
