using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表4 财政拨款收支预算总体情况表: current-year 财政拨款 income ‖ function 类 × budget type.</summary>
internal static class Table4
{
    public const string Income = "财政拨款收入/合计";
    public static readonly string[] Columns = [Income, "财政拨款支出/合计", "财政拨款支出/一般公共预算", "财政拨款支出/政府性基金预算", "财政拨款支出/国有资本经营预算"];

    internal static readonly (string Name, Func<FundSource, bool> Sums)[] IncomeLines =
    [
        ("一、财政拨款（补助）", s => s.IsCurrentFiscal()),
        ("一般公共预算", s => s.IsCurrentFiscal() && s.BudgetTypeOf() == BudgetType.GeneralBudget),
        ("政府性基金预算", s => s.IsCurrentFiscal() && s.BudgetTypeOf() == BudgetType.GovernmentFund),
        ("国有资本经营预算", s => s.IsCurrentFiscal() && s.BudgetTypeOf() == BudgetType.StateCapital),
    ];

    public static DisclosureTable Build(DisclosureContext context)
    {
        var facts = context.Facts;
        var rows = new List<DisclosureRow>();
        foreach (var (name, sums) in IncomeLines)
        {
            rows.Add(RowSet.Named(name, Columns, facts.SumIncome(sums)));
        }

        var expenditure = new decimal[Columns.Length];
        foreach (var entry in context.Catalog.FunctionClasses)
        {
            var values = new decimal[Columns.Length];
            foreach (var (key, amount) in facts.Lines)
            {
                if (key.FundSource.IsCurrentFiscal() && key.FunctionCode.StartsWith(entry.Code, StringComparison.Ordinal))
                {
                    values[1] += amount;
                    values[2 + (int)key.FundSource.BudgetTypeOf()!.Value] += amount;
                }
            }

            for (var i = 0; i < values.Length; i++)
            {
                expenditure[i] += values[i];
            }

            rows.Add(RowSet.ClassificationRow(entry.Code, values, Columns, context.Catalog, ClassificationTree.Function, 4));
        }

        expenditure[0] = facts.SumIncome(s => s.IsCurrentFiscal());
        rows.Add(RowSet.Named("总计", Columns, expenditure));
        return new DisclosureTable(4, "财政拨款收支预算总体情况表", Columns, rows);
    }
}
