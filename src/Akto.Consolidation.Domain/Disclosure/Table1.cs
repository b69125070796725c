using Akto.Consolidation.Domain.Documents;
using static Akto.Consolidation.Domain.Documents.FundSource;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表1 收支总体情况表: income by source ‖ expenditure by function 类 (every 类 listed).</summary>
internal static class Table1
{
    public const string Income = "收入/预算数";
    public const string Expenditure = "支出/预算数";

    /// <summary>The income lines in the seed's order, with the sources each sums.</summary>
    internal static readonly (string Name, Func<FundSource, bool> Sums)[] IncomeLines =
    [
        ("一、本年收入", s => s.IsCurrentYear()),
        ("1.一般公共预算拨款", s => s is GeneralBudget or GeneralBudgetTransfer),
        ("其中：一般财力", s => s is GeneralBudget),
        ("上级一般公共预算安排转移支付", s => s is GeneralBudgetTransfer),
        ("2.政府性基金预算拨款", s => s is GovernmentFund or GovernmentFundTransfer),
        ("其中：政府性基金收入", s => s is GovernmentFund),
        ("上级政府性基金安排转移支付", s => s is GovernmentFundTransfer),
        ("3.国有资本经营预算拨款", s => s is StateCapital or StateCapitalTransfer),
        ("其中：国有资本经营收入", s => s is StateCapital),
        ("上级国有资本经营预算安排转移支付", s => s is StateCapitalTransfer),
        ("4.财政专户核拨", s => s is FiscalSpecialAccount),
        ("5.单位资金", s => s.IsUnitFunds()),
        ("其中：事业收入", s => s is UnitBusinessIncome),
        ("上级补助收入", s => s is UnitSuperiorSubsidy),
        ("附属单位上缴收入", s => s is UnitSubordinateRemittance),
        ("事业单位经营收入", s => s is UnitOperatingIncome),
        ("其他收入", s => s is UnitOtherIncome),
        ("二、上年结转结余", s => s.IsCarryOver()),
        ("1.财政拨款结转", s => s.IsFiscalCarryOver()),
        ("其中：一般公共预算拨款", s => s is CarryOverGeneralBudget),
        ("政府性基金预算拨款", s => s is CarryOverGovernmentFund),
        ("国有资本经营预算拨款", s => s is CarryOverStateCapital),
        ("2.非财政拨款结余", s => s.IsNonFiscalCarryOver()),
        ("其中：财政专户核拨", s => s is NonFiscalCarryOverSpecialAccount),
        ("单位资金", s => s is NonFiscalCarryOverUnitFunds),
    ];

    public static DisclosureTable Build(DisclosureContext context)
    {
        string[] columns = [Income, Expenditure];
        var facts = context.Facts;
        var rows = new List<DisclosureRow>();
        foreach (var (name, sums) in IncomeLines)
        {
            rows.Add(RowSet.Named(name, columns, facts.SumIncome(sums), 0m));
        }

        foreach (var entry in context.Catalog.FunctionClasses)
        {
            var amount = facts.SumLines(k => k.FunctionCode.StartsWith(entry.Code, StringComparison.Ordinal));
            rows.Add(RowSet.ClassificationRow(entry.Code, [0m, amount], columns, context.Catalog, Classification.ClassificationTree.Function, 1));
        }

        rows.Add(RowSet.Named("总计", columns, facts.SumIncome(_ => true), facts.SumLines(_ => true)));
        return new DisclosureTable(1, $"{context.TitlePrefix}收支总体情况表", columns, rows);
    }
}
