using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表3 支出总体情况表 and 表5 一般公共预算支出情况表: function 类/款/项 × (合计, 基本支出, 项目支出).</summary>
internal static class Table3
{
    public static readonly string[] Columns = ["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"];

    public static DisclosureTable Build(DisclosureContext context) =>
        BasicProjectTable.Build(context, 3, $"{context.TitlePrefix}支出总体情况表", Columns, _ => true);
}

/// <summary>表5 一般公共预算支出情况表: the general public budget of the year only (本级 + 上级转移支付).</summary>
internal static class Table5
{
    public static readonly string[] Columns = ["一般公共预算支出/合计", "一般公共预算支出/基本支出", "一般公共预算支出/项目支出"];

    public static DisclosureTable Build(DisclosureContext context) =>
        BasicProjectTable.Build(context, 5, "一般公共预算支出情况表", Columns, DisclosureContext.IsGeneralBudgetOfYear);
}

internal static class BasicProjectTable
{
    public static DisclosureTable Build(DisclosureContext context, int id, string title, string[] columns, Func<LineKey, bool> filter)
    {
        var leaves = context.ByFunction(filter, 3, key => [0, key.Category == ExpenditureCategory.Basic ? 1 : 2]);
        var rows = RowSet.Tree(leaves, columns, context.Catalog, ClassificationTree.Function);
        rows.Add(RowSet.Named("合计", columns, RowSet.TotalOfClasses(rows, columns)));
        return new DisclosureTable(id, title, columns, rows);
    }
}
