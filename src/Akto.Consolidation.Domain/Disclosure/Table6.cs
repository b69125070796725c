using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表6 一般公共预算基本支出情况表: economic 类/款 × (合计, 人员经费, 公用经费).</summary>
internal static class Table6
{
    public static readonly string[] Columns = ["一般公共预算基本支出/合计", "一般公共预算基本支出/人员经费", "一般公共预算基本支出/公用经费"];

    public static DisclosureTable Build(DisclosureContext context)
    {
        var leaves = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var (key, amount) in context.Facts.Lines)
        {
            if (key.Category != ExpenditureCategory.Basic || !DisclosureContext.IsGeneralBudgetOfYear(key))
            {
                continue;
            }

            if (!leaves.TryGetValue(key.EconomicCode, out var values))
            {
                leaves[key.EconomicCode] = values = new decimal[3];
            }

            values[0] += amount;
            values[DisclosureContext.IsPersonnel(key) ? 1 : 2] += amount;
        }

        var rows = RowSet.Tree(leaves, Columns, context.Catalog, ClassificationTree.Economic, 6);
        rows.Add(RowSet.Named("合计", Columns, RowSet.TotalOfClasses(rows, Columns)));
        return new DisclosureTable(6, "一般公共预算基本支出情况表", Columns, rows);
    }
}
