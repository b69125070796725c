namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表3 支出总体情况表: function 类/款/项 × (合计, 基本支出, 项目支出), all sources.</summary>
internal static class Table3
{
    public static readonly string[] Columns = ["支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"];

    public static DisclosureTable Build(DisclosureContext context) =>
        BasicProjectTable.Build(context, 3, $"{context.TitlePrefix}支出总体情况表", Columns, _ => true);
}
