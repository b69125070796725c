using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Explanations;
using static Akto.Consolidation.Reporting.Explanations.ExplanationText;

namespace Akto.Consolidation.Reporting.Explanations;

/// <summary>
/// Writes 第三部分 单位预算情况说明 of a unit's disclosure — sections 一 to 十二 in the order and wording of the published
/// disclosures — from the document, its tables and <see cref="ExplanationFigures"/>: every number is computed, every reason
/// (主要原因) and purpose (主要用于) comes from <see cref="BudgetDocument.Explanations"/> or the projects. Plain text, one
/// paragraph per line; money in 万元 "#,0.00", percentages "0.00%".
/// </summary>
public static partial class ExplanationWriter
{
    /// <summary>The explanations; <paramref name="catalog"/> names the 科目 (the shipped catalog of the year when not given).</summary>
    public static string Render(BudgetDocument document, DisclosureSet tables, ClassificationCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(tables);
        var context = new ExplanationContext(document, tables, catalog ?? ClassificationCatalogs.Shipped.Find(document.Year));
        var text = new StringBuilder();
        text.Append("第三部分 ").Append(context.Year).Append("年单位预算情况说明\n");
        Overview(context, text);
        Income(context, text);
        Expenditure(context, text);
        FiscalOverview(context, text);
        GeneralBudget(context, text);
        GeneralBudgetBasic(context, text);
        GeneralBudgetProjects(context, text);
        BudgetTypeAppropriation(context, text, "八", 8, "政府性基金预算");
        BudgetTypeAppropriation(context, text, "九", 9, "国有资本经营预算");
        ThreePublic(context, text);
        CarryOver(context, text);
        OtherMatters(context, text);
        return text.ToString();
    }

    private static void Heading(ExplanationContext context, StringBuilder text, string number, string subject) =>
        text.Append(number).Append("、关于").Append(context.UnitYear).Append(subject).Append('\n');

    private static void Line(StringBuilder text, string paragraph) => text.Append(paragraph).Append('\n');

    /// <summary>The income groups of section 一 (收入预算包括) and the Table 1 rows that sum them.</summary>
    private static readonly (string Label, string Table1Row)[] IncomeKinds =
    [
        ("一般公共预算", "1.一般公共预算拨款"),
        ("政府性基金预算", "2.政府性基金预算拨款"),
        ("国有资本经营预算", "3.国有资本经营预算拨款"),
        ("财政专户管理资金", "4.财政专户核拨"),
        ("单位资金", "5.单位资金"),
        ("财政拨款结转结余", "1.财政拨款结转"),
        ("非财政拨款结余", "2.非财政拨款结余"),
    ];

    /// <summary>
    /// The income sources of section 二 in the seed's order: label, Table 1 row, figure subject, and whether an absent source
    /// is still mentioned ("未安排") — the seed mentions the six fiscal sources, 单位资金 and 财政拨款结转 always.
    /// </summary>
    private static readonly (string Label, string Table1Row, string Subject, bool Always)[] IncomeSources =
    [
        ("一般公共预算", "其中：一般财力", "income/generalBudget", true),
        ("上级一般公共预算安排的转移支付资金", "上级一般公共预算安排转移支付", "income/generalBudgetTransfer", true),
        ("政府性基金预算", "其中：政府性基金收入", "income/governmentFund", true),
        ("上级政府性基金安排的转移支付资金", "上级政府性基金安排转移支付", "income/governmentFundTransfer", true),
        ("国有资本经营预算", "其中：国有资本经营收入", "income/stateCapital", true),
        ("上级国有资本经营预算安排的转移支付资金", "上级国有资本经营预算安排转移支付", "income/stateCapitalTransfer", true),
        ("财政专户核拨", "4.财政专户核拨", "income/fiscalSpecialAccount", false),
        ("单位资金", "5.单位资金", "income/unitFunds", true),
        ("财政拨款结转", "1.财政拨款结转", "income/carryOver", true),
        ("非财政拨款结余", "2.非财政拨款结余", "income/nonFiscalCarryOver", false),
    ];

    /// <summary>一、收支预算总体说明.</summary>
    private static void Overview(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "一", "收支预算情况的总体说明");
        Line(text, $"按照全口径预算的原则，{context.UnitYear}所有收入和支出均纳入单位预算管理。收支总预算{Money(context.Required("total"))}万元。");

        var table1 = context.Tables.Table(1);
        var income = IncomeKinds.Where(k => table1.Value(k.Table1Row, table1.Columns[0]) != 0m).Select(k => k.Label).ToList();
        Line(text, $"收入预算包括：{List(income)}。");

        var table3 = context.Tables.Table(3);
        var classes = table3.Rows.Where(r => r.Level == "类" && r[table3.Columns[0]] != 0m).Select(r => r.Name).ToList();
        Line(text, $"支出预算包括：{List(classes)}。");
    }

    /// <summary>二、收入预算: each source with amount, share, change and reason.</summary>
    private static void Income(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "二", "收入预算情况说明");
        var total = context.Required("total");
        Line(text, $"{context.Unit}收入预算{Money(total)}万元，其中：");

        var table1 = context.Tables.Table(1);
        var amounts = IncomeSources.Select(s => context.Figure($"{s.Subject}/amount") ?? table1.Value(s.Table1Row, table1.Columns[0])).ToArray();
        var shares = ExplanationFigures.Shares(amounts, total);
        for (var i = 0; i < IncomeSources.Length; i++)
        {
            var (label, _, subject, always) = IncomeSources[i];
            var change = context.Change(subject);
            if (amounts[i] == 0m && change is null)
            {
                if (always)
                {
                    Line(text, $"{label}未安排。");
                }

                continue;
            }

            var share = context.Figure($"{subject}/share") ?? shares[i];
            Line(text, $"{label}{Money(amounts[i])}万元，占{Percent(share)}{Compared(context, subject, "，主要原因是")}。");
        }
    }

    /// <summary>三、支出预算: 基本支出 and 项目支出.</summary>
    private static void Expenditure(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "三", "支出预算情况说明");
        var table3 = context.Tables.Table(3);
        Line(text, $"{context.UnitYear}支出预算{Money(table3.Value("合计", table3.Columns[0]))}万元，其中：");
        foreach (var (label, subject) in new[] { ("基本支出", "expenditure/basic"), ("项目支出", "expenditure/project") })
        {
            Line(text, $"{label}{Money(context.Required($"{subject}/amount"))}万元，占{Percent(context.Required($"{subject}/share"))}{Compared(context, subject, "，主要原因是")}。");
        }
    }

    /// <summary>The budget types of Table 4: income row, expenditure column, purpose subject prefix.</summary>
    private static readonly (string Name, int Column, string PurposePrefix)[] FiscalBudgetTypes =
    [
        ("一般公共预算", 2, "generalBudget/class"),
        ("政府性基金预算", 3, "governmentFund/class"),
        ("国有资本经营预算", 4, "stateCapital/class"),
    ];

    /// <summary>四、财政拨款收支总体: income by budget type, spending by 类 with 主要用于.</summary>
    private static void FiscalOverview(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "四", "财政拨款收支预算情况的总体说明");
        var table4 = context.Tables.Table(4);
        Line(text, $"{context.Year}年财政拨款收支总预算{Money(context.Required("fiscal/total"))}万元。");

        decimal IncomeOf(string budgetType) => table4.Value(budgetType, table4.Columns[0]);
        if (IncomeOf("一般公共预算") != 0m && IncomeOf("政府性基金预算") == 0m && IncomeOf("国有资本经营预算") == 0m)
        {
            Line(text, "收入全部为一般公共预算拨款，无政府性基金预算拨款和国有资本经营预算。");
        }

        var income = FiscalBudgetTypes
            .Where(t => IncomeOf(t.Name) != 0m)
            .Select(t => $"{t.Name}拨款{Money(t.Name == "一般公共预算" ? context.Required("fiscal/generalBudget") : IncomeOf(t.Name))}万元")
            .ToList();
        Line(text, $"收入预算包括：{(income.Count == 0 ? "无" : string.Join("、", income))}。");

        foreach (var (name, column, purposePrefix) in FiscalBudgetTypes)
        {
            var classes = table4.Rows.Where(r => r.Level == "类" && r[table4.Columns[column]] != 0m).ToList();
            if (classes.Count == 0)
            {
                continue;
            }

            var paragraph = new StringBuilder($"{name}支出包括：");
            foreach (var row in classes)
            {
                // The seed writes ",主要用于" with an ASCII comma throughout this section.
                paragraph.Append(row.Name).Append(Money(row[table4.Columns[column]])).Append("万元");
                if (context.Purpose($"{purposePrefix}/{row.Code}") is { } purpose)
                {
                    paragraph.Append(",主要用于").Append(purpose);
                }

                paragraph.Append('。');
            }

            Line(text, paragraph.ToString());
        }
    }

    /// <summary>
    /// "，比上年预算增加 X 万元，增长 Y%" and the reason after <paramref name="reasonLead"/>, when the document compares
    /// <paramref name="subject"/> with the prior year; empty otherwise.
    /// </summary>
    private static string Compared(ExplanationContext context, string subject, string reasonLead, string separator = "，")
    {
        if (context.Change(subject) is not { } change)
        {
            return "";
        }

        var reason = context.Reason(subject);
        return $"，{ComparedWithPriorYear(change, separator)}{(reason is null ? "" : reasonLead + reason)}";
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "无" : string.Join("、", items);
}
