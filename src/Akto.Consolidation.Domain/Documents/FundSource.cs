namespace Akto.Consolidation.Domain.Documents;

/// <summary>
/// 资金来源: where the money of an income line or an expenditure line comes from.
/// One list serves both sides, so that income by source and expenditure by source can be compared cell by cell.
/// </summary>
public enum FundSource
{
    /// <summary>一般公共预算拨款 — 本级一般财力.</summary>
    GeneralBudget,

    /// <summary>上级一般公共预算安排的转移支付.</summary>
    GeneralBudgetTransfer,

    /// <summary>政府性基金预算拨款 — 本级政府性基金收入.</summary>
    GovernmentFund,

    /// <summary>上级政府性基金安排的转移支付.</summary>
    GovernmentFundTransfer,

    /// <summary>国有资本经营预算拨款 — 本级国有资本经营收入.</summary>
    StateCapital,

    /// <summary>上级国有资本经营预算安排的转移支付.</summary>
    StateCapitalTransfer,

    /// <summary>财政专户核拨 (教育收费等).</summary>
    FiscalSpecialAccount,

    /// <summary>单位资金 — 事业收入.</summary>
    UnitBusinessIncome,

    /// <summary>单位资金 — 上级补助收入.</summary>
    UnitSuperiorSubsidy,

    /// <summary>单位资金 — 附属单位上缴收入.</summary>
    UnitSubordinateRemittance,

    /// <summary>单位资金 — 事业单位经营收入.</summary>
    UnitOperatingIncome,

    /// <summary>单位资金 — 其他收入.</summary>
    UnitOtherIncome,

    /// <summary>上年结转 — 财政拨款结转, 一般公共预算拨款.</summary>
    CarryOverGeneralBudget,

    /// <summary>上年结转 — 财政拨款结转, 政府性基金预算拨款.</summary>
    CarryOverGovernmentFund,

    /// <summary>上年结转 — 财政拨款结转, 国有资本经营预算拨款.</summary>
    CarryOverStateCapital,

    /// <summary>上年结余 — 非财政拨款结余, 财政专户核拨.</summary>
    NonFiscalCarryOverSpecialAccount,

    /// <summary>上年结余 — 非财政拨款结余, 单位资金.</summary>
    NonFiscalCarryOverUnitFunds,
}

/// <summary>预算类型: the three budgets of 财政拨款.</summary>
public enum BudgetType
{
    /// <summary>一般公共预算.</summary>
    GeneralBudget,

    /// <summary>政府性基金预算.</summary>
    GovernmentFund,

    /// <summary>国有资本经营预算.</summary>
    StateCapital,
}

/// <summary>How a <see cref="FundSource"/> groups in the disclosure tables.</summary>
public static class FundSources
{
    public static IReadOnlyList<FundSource> All { get; } = Enum.GetValues<FundSource>();

    /// <summary>财政拨款 of the current year (本年财政拨款), excluding carry-over.</summary>
    public static bool IsCurrentFiscal(this FundSource source) => source <= FundSource.StateCapitalTransfer;

    /// <summary>单位资金 of the current year.</summary>
    public static bool IsUnitFunds(this FundSource source) =>
        source is >= FundSource.UnitBusinessIncome and <= FundSource.UnitOtherIncome;

    /// <summary>财政拨款结转.</summary>
    public static bool IsFiscalCarryOver(this FundSource source) =>
        source is >= FundSource.CarryOverGeneralBudget and <= FundSource.CarryOverStateCapital;

    /// <summary>非财政拨款结余.</summary>
    public static bool IsNonFiscalCarryOver(this FundSource source) =>
        source is FundSource.NonFiscalCarryOverSpecialAccount or FundSource.NonFiscalCarryOverUnitFunds;

    /// <summary>上年结转结余 of any kind.</summary>
    public static bool IsCarryOver(this FundSource source) => source.IsFiscalCarryOver() || source.IsNonFiscalCarryOver();

    /// <summary>本年收入 (everything but carry-over).</summary>
    public static bool IsCurrentYear(this FundSource source) => !source.IsCarryOver();

    /// <summary>上级转移支付 of any budget type.</summary>
    public static bool IsTransfer(this FundSource source) =>
        source is FundSource.GeneralBudgetTransfer or FundSource.GovernmentFundTransfer or FundSource.StateCapitalTransfer;

    /// <summary>The budget type of a fiscal source (current or carried over); null for non-fiscal money.</summary>
    public static BudgetType? BudgetTypeOf(this FundSource source) => source switch
    {
        FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer or FundSource.CarryOverGeneralBudget => BudgetType.GeneralBudget,
        FundSource.GovernmentFund or FundSource.GovernmentFundTransfer or FundSource.CarryOverGovernmentFund => BudgetType.GovernmentFund,
        FundSource.StateCapital or FundSource.StateCapitalTransfer or FundSource.CarryOverStateCapital => BudgetType.StateCapital,
        _ => null,
    };

    /// <summary>Chinese label used in messages.</summary>
    public static string Label(this FundSource source) => source switch
    {
        FundSource.GeneralBudget => "一般公共预算(本级一般财力)",
        FundSource.GeneralBudgetTransfer => "上级一般公共预算安排的转移支付",
        FundSource.GovernmentFund => "政府性基金预算(本级)",
        FundSource.GovernmentFundTransfer => "上级政府性基金安排的转移支付",
        FundSource.StateCapital => "国有资本经营预算(本级)",
        FundSource.StateCapitalTransfer => "上级国有资本经营预算安排的转移支付",
        FundSource.FiscalSpecialAccount => "财政专户核拨",
        FundSource.UnitBusinessIncome => "单位资金-事业收入",
        FundSource.UnitSuperiorSubsidy => "单位资金-上级补助收入",
        FundSource.UnitSubordinateRemittance => "单位资金-附属单位上缴收入",
        FundSource.UnitOperatingIncome => "单位资金-事业单位经营收入",
        FundSource.UnitOtherIncome => "单位资金-其他收入",
        FundSource.CarryOverGeneralBudget => "财政拨款结转-一般公共预算",
        FundSource.CarryOverGovernmentFund => "财政拨款结转-政府性基金预算",
        FundSource.CarryOverStateCapital => "财政拨款结转-国有资本经营预算",
        FundSource.NonFiscalCarryOverSpecialAccount => "非财政拨款结余-财政专户",
        FundSource.NonFiscalCarryOverUnitFunds => "非财政拨款结余-单位资金",
        _ => source.ToString(),
    };
}
