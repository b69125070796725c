using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表2 收入总体情况表: function 类/款/项 × fund source.</summary>
internal static class Table2
{
    public static readonly string[] Columns =
    [
        "总计",
        "财政拨款(补助)/小计",
        "财政拨款(补助)/一般公共预算",
        "财政拨款(补助)/上级一般公共预算安排的转移支付",
        "财政拨款(补助)/政府性基金预算",
        "财政拨款(补助)/上级政府性基金安排的转移支付",
        "财政拨款(补助)/国有资本经营预算",
        "财政拨款(补助)/上级国有资本经营预算安排的转移支付",
        "财政专户（教育收费）",
        "单位资金",
        "财政拨款结转",
        "非财政拨款结转结余",
    ];

    /// <summary>The columns a source's money lands in (总计 and, for current fiscal money, 小计).</summary>
    internal static IEnumerable<int> ColumnsOf(FundSource source)
    {
        yield return 0;
        if (source.IsCurrentFiscal())
        {
            yield return 1;
            yield return 2 + (int)source;
        }
        else if (source == FundSource.FiscalSpecialAccount)
        {
            yield return 8;
        }
        else if (source.IsUnitFunds())
        {
            yield return 9;
        }
        else if (source.IsFiscalCarryOver())
        {
            yield return 10;
        }
        else
        {
            yield return 11;
        }
    }

    public static DisclosureTable Build(DisclosureContext context)
    {
        var leaves = context.ByFunction(_ => true, Columns.Length, key => ColumnsOf(key.FundSource));
        var rows = RowSet.Tree(leaves, Columns, context.Catalog, ClassificationTree.Function, 2);
        rows.Add(RowSet.Named("合计", Columns, RowSet.TotalOfClasses(rows, Columns)));
        return new DisclosureTable(2, $"{context.TitlePrefix}收入总体情况表", Columns, rows);
    }
}
