namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表5 一般公共预算支出情况表: the general public budget of the year only (本级 + 上级转移支付).</summary>
internal static class Table5
{
    public static readonly string[] Columns = ["一般公共预算支出/合计", "一般公共预算支出/基本支出", "一般公共预算支出/项目支出"];

    public static DisclosureTable Build(DisclosureContext context) =>
        BasicProjectTable.Build(context, 5, "一般公共预算支出情况表", Columns, DisclosureContext.IsGeneralBudgetOfYear);
}
