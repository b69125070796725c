using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表10 财政拨款"三公"经费支出情况表.</summary>
internal static class Table10
{
    public static readonly string[] Columns = ["合计", "资金来源/一般公共预算", "资金来源/政府性基金", "资金来源/国有资本经营预算"];

    public static DisclosureTable Build(DisclosureContext context)
    {
        var threePublic = context.Facts.ThreePublic;
        decimal[] Of(params ThreePublicItem[] items)
        {
            var values = new decimal[Columns.Length];
            foreach (var ((item, budgetType), amount) in threePublic)
            {
                if (items.Contains(item))
                {
                    values[0] += amount;
                    values[1 + (int)budgetType] += amount;
                }
            }

            return values;
        }

        DisclosureTable table = new(
            10,
            "财政拨款“三公”经费支出情况表",
            Columns,
            [
                RowSet.Named("合计", Columns, Of(Enum.GetValues<ThreePublicItem>())),
                RowSet.Named("因公出国（境）费", Columns, Of(ThreePublicItem.OutboundTravel)),
                RowSet.Named("公务接待费", Columns, Of(ThreePublicItem.Reception)),
                RowSet.Named("公务用车购置及运行费（小计）", Columns, Of(ThreePublicItem.VehiclePurchase, ThreePublicItem.VehicleOperation)),
                RowSet.Named("其中：公务用车购置费", Columns, Of(ThreePublicItem.VehiclePurchase)),
                RowSet.Named("公务用车运行费", Columns, Of(ThreePublicItem.VehicleOperation)),
            ]);
        return table;
    }
}
