using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// 单位预算公开: the whole document a bureau publishes for one scope and year — 第一部分 单位概况, 第二部分 预算公开表 1–11,
/// 第三部分 单位预算情况说明 with the 绩效目标表, 第四部分 名词解释 and the sign-off (落款). Built by
/// <see cref="DisclosureDocumentBuilder"/>; rendered by <see cref="HtmlDisclosureWriter"/> and <see cref="XlsxDisclosureWriter"/>.
/// </summary>
public sealed record DisclosureDocument(
    int Year,
    DisclosureScope Scope,
    UnitOverview Overview,
    IReadOnlyList<PrintedTable> Tables,
    IReadOnlyList<ExplanationBlock> Explanations,
    Glossary Glossary,
    SignOff SignOff)
{
    /// <summary>Set for a 草稿 (<c>--draft</c>): every renderer stamps each page or sheet and lists the errors.</summary>
    public DraftNotice? Draft { get; init; }

    /// <summary>"第一部分 2024年单位概况" (部门 / 全县 for consolidated scopes).</summary>
    public string OverviewHeading => $"第一部分 {Year}年{ScopeWord}概况";

    /// <summary>"第二部分 2024年单位预算公开表".</summary>
    public string TablesHeading => $"第二部分 {Year}年{ScopeWord}预算公开表";

    /// <summary>"第三部分 2024年单位预算情况说明".</summary>
    public string ExplanationsHeading => $"第三部分 {Year}年{ScopeWord}预算情况说明";

    /// <summary>"第四部分 名词解释".</summary>
    public string GlossaryHeading => $"第四部分 {Glossary.Title}";

    /// <summary>The title line: "阿克陶县人力资源和社会保障局2024年单位预算公开".</summary>
    public string Title => $"{Scope.Name}{Year}年{ScopeWord}预算公开";

    /// <summary>Every 绩效目标表 of 第三部分, in order (单位整体 first).</summary>
    public IEnumerable<PerformanceTargetTable> PerformanceTables => Explanations.OfType<PerformanceBlock>().Select(b => b.Table);

    private string ScopeWord => Scope.Kind switch
    {
        DisclosureScopeKind.Unit => "单位",
        DisclosureScopeKind.Department => "部门",
        _ => "全县",
    };
}

/// <summary>
/// 第一部分 单位概况: the units the document covers (one for a unit; the department's or county's units otherwise) and their
/// staffing; <see cref="Total"/> sums the staffing of every unit that reports it.
/// </summary>
public sealed record UnitOverview(IReadOnlyList<OverviewUnit> Units, Staffing? Total);

/// <summary>One unit of 第一部分: 主要职能, 下设科室, 下属预算单位 and 人员情况 as its document states them.</summary>
public sealed record OverviewUnit(string Code, string Name, UnitProfile? Profile, Staffing? Staffing, IReadOnlyList<string> SubordinateUnitNames);

/// <summary>
/// One of tables 1–11 as printed: "表 1", the title, the 编制单位 line and the 单位 line above it, and the computed table
/// (with its 备注 note for an empty table).
/// </summary>
public sealed record PrintedTable(DisclosureTable Table, string Preparer, string CurrencyUnit)
{
    /// <summary>"表1".</summary>
    public string Number => $"表{Table.Id}";

    public string Title => Table.Title;

    /// <summary>"编制单位：阿克陶县人力资源和社会保障局".</summary>
    public string PreparerLine => $"编制单位：{Preparer}";

    /// <summary>"单位：万元".</summary>
    public string UnitLine => $"单位：{CurrencyUnit}";
}

/// <summary>A block of 第三部分: a paragraph of the explanations or a 绩效目标表.</summary>
public abstract record ExplanationBlock;

/// <summary>One paragraph of 第三部分 as <see cref="Explanations.ExplanationWriter"/> writes it.</summary>
public sealed record ParagraphBlock(string Text) : ExplanationBlock;

/// <summary>A 绩效目标表 placed in 第三部分 (after 预算绩效情况, before 其他需说明的事项, as the seed does).</summary>
public sealed record PerformanceBlock(PerformanceTargetTable Table) : ExplanationBlock;

/// <summary>单位整体绩效目标表 or 项目支出绩效目标表.</summary>
public enum PerformanceTableKind
{
    /// <summary>单位整体绩效目标表.</summary>
    Unit,

    /// <summary>项目支出绩效目标表.</summary>
    Project,
}

/// <summary>
/// A performance-target table (绩效目标表) with the fields the seed prints above the indicators: for 单位整体, 单位名称,
/// 单位联系人, 联系电话, 年度绩效目标 and the funds (上级安排, 本级安排, 其他); for a 项目, 预算单位, 项目名称, 项目负责人, 年度预算总额,
/// 其中：财政拨款, 其他资金 and 项目总体目标.
/// </summary>
public sealed record PerformanceTargetTable(
    PerformanceTableKind Kind,
    int Year,
    string UnitName,
    string? ProjectName,
    string? Contact,
    string? Phone,
    string? Goal,
    IReadOnlyList<PerformanceFund> Funds,
    IReadOnlyList<PerformanceIndicator> Indicators)
{
    /// <summary>The unit of <see cref="Funds"/>: "万元" (as built) or "元" (<see cref="In"/>).</summary>
    public string CurrencyUnit { get; init; } = Domain.Documents.CurrencyUnit.TenThousandYuan;

    /// <summary>The table with its funds in <paramref name="unit"/> (built in 万元).</summary>
    public PerformanceTargetTable In(PublishedUnit unit) => unit.Label() == CurrencyUnit
        ? this
        : this with
        {
            CurrencyUnit = unit.Label(),
            Funds = [.. Funds.Select(f => f with { Amount = f.Amount * unit.FromTenThousandYuan() / (CurrencyUnit == Domain.Documents.CurrencyUnit.Yuan ? 10_000m : 1m) })],
        };

    /// <summary>"单位整体绩效目标表" or "项目支出绩效目标表".</summary>
    public string Title => Kind == PerformanceTableKind.Unit ? "单位整体绩效目标表" : "项目支出绩效目标表";

    /// <summary>"(2024年)".</summary>
    public string YearLine => $"({Year}年)";

    /// <summary>The indicator columns as the seed heads them (the unit table has fewer than a project's).</summary>
    public IReadOnlyList<string> IndicatorColumns => Kind == PerformanceTableKind.Unit ? UnitColumns : ProjectColumns;

    /// <summary>One indicator's cells in <see cref="IndicatorColumns"/> order (the weight as printed, "6").</summary>
    public IReadOnlyList<string> CellsOf(PerformanceIndicator indicator)
    {
        var weight = indicator.Weight is { } w ? w.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "";
        return Kind == PerformanceTableKind.Unit
            ? [indicator.Level1, indicator.Level2, indicator.Level3, indicator.Value, indicator.Basis ?? "", weight]
            : [indicator.Level1, indicator.Level2, indicator.Level3, indicator.Value, indicator.Basis ?? "", indicator.PriorValue ?? "", weight, indicator.ScoringRule ?? "", indicator.Evidence ?? ""];
    }

    private static readonly string[] UnitColumns = ["一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重"];

    private static readonly string[] ProjectColumns = ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"];
}

/// <summary>A funds line of a 绩效目标表: its group ("财政资金", "项目资金"), label ("上级安排", "年度预算总额") and 万元 amount.</summary>
public sealed record PerformanceFund(string Group, string Label, decimal Amount);

/// <summary>落款: who publishes the document and when (编制日期, <see cref="BudgetDocument.PreparedOn"/>).</summary>
public sealed record SignOff(string Name, DateOnly? PreparedOn)
{
    /// <summary>"2024年01月26日", as the seed prints it; empty when no date is stored.</summary>
    public string DateText => PreparedOn is { } d ? $"{d.Year}年{d.Month:00}月{d.Day:00}日" : "";
}
