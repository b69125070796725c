namespace Akto.Consolidation.Domain.Documents;

/// <summary>
/// 单位预算: one budget unit's budget for one year, as submitted. Version <see cref="CurrentFormatVersion"/> of the
/// budget-document format (docs/budget-document.schema.json). Money is exact decimal in <see cref="CurrencyUnit"/>;
/// every money property is called <c>Amount</c> or ends in <c>Amount</c>.
/// </summary>
public sealed record BudgetDocument
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Optional JSON Schema reference for editors.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>预算年度.</summary>
    public int Year { get; init; }

    /// <summary>单位编码.</summary>
    public string UnitCode { get; init; } = "";

    /// <summary>单位名称.</summary>
    public string UnitName { get; init; } = "";

    /// <summary>主管部门编码: the unit's own code when it heads itself.</summary>
    public string DepartmentCode { get; init; } = "";

    /// <summary>"万元" (default) or "元".</summary>
    public string CurrencyUnit { get; init; } = Documents.CurrencyUnit.TenThousandYuan;

    /// <summary>编制日期.</summary>
    public DateOnly? PreparedOn { get; init; }

    /// <summary>单位概况: functions and organisation (第一部分).</summary>
    public UnitProfile? Profile { get; init; }

    /// <summary>人员情况.</summary>
    public Staffing? Staffing { get; init; }

    /// <summary>收入预算 by source, including 上年结转结余.</summary>
    public IReadOnlyList<IncomeLine> Income { get; init; } = [];

    /// <summary>支出明细: the joint cells every table aggregates.</summary>
    public IReadOnlyList<ExpenditureLine> Lines { get; init; } = [];

    /// <summary>项目: current-year projects, the 单位资金 project and prior-year (carry-over) projects.</summary>
    public IReadOnlyList<BudgetProject> Projects { get; init; } = [];

    /// <summary>财政拨款"三公"经费.</summary>
    public IReadOnlyList<ThreePublicExpense> ThreePublicExpenses { get; init; } = [];

    /// <summary>机关运行经费 (财政拨款).</summary>
    public decimal? OfficeOperatingAmount { get; init; }

    /// <summary>政府采购.</summary>
    public Procurement? Procurement { get; init; }

    /// <summary>国有资产占用使用情况.</summary>
    public AssetHoldings? Assets { get; init; }

    /// <summary>单位整体绩效目标表.</summary>
    public UnitPerformance? UnitPerformance { get; init; }

    /// <summary>上年预算: the prior-year figures the explanations compare with.</summary>
    public PriorYearBudget? PriorYear { get; init; }

    /// <summary>The reasons and purposes the explanations (第三部分) quote.</summary>
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];

    /// <summary>Where the data is not published but chosen to reproduce the published marginals.</summary>
    public IReadOnlyList<Derivation> Derivations { get; init; } = [];
}

/// <summary>The currency units a document may use.</summary>
public static class CurrencyUnit
{
    /// <summary>万元: disclosure unit; amounts may carry up to 6 decimals (1 分).</summary>
    public const string TenThousandYuan = "万元";

    /// <summary>元: amounts may carry up to 2 decimals (1 分).</summary>
    public const string Yuan = "元";

    public static int? MaxDecimals(string unit) => unit switch
    {
        TenThousandYuan => 6,
        Yuan => 2,
        _ => null,
    };

    /// <summary>Factor that turns an amount in <paramref name="unit"/> into 万元.</summary>
    public static decimal ToTenThousandYuanFactor(string unit) => unit == Yuan ? 0.0001m : 1m;
}

/// <summary>收入: one income source and its amount.</summary>
public sealed record IncomeLine
{
    public FundSource Source { get; init; }

    public decimal Amount { get; init; }

    /// <summary>
    /// 付款单位: the budget unit that pays this 上级补助收入 (its department) or 附属单位上缴收入 (a subordinate unit), so that
    /// money moving inside a department or the county is counted once when budgets are consolidated.
    /// </summary>
    public string? PayerUnitCode { get; init; }
}

/// <summary>基本支出 or 项目支出.</summary>
public enum ExpenditureCategory
{
    /// <summary>基本支出.</summary>
    Basic,

    /// <summary>项目支出.</summary>
    Project,
}

/// <summary>
/// 支出明细行: one joint cell — function 项 × basic/project × economic 款 × fund source × project.
/// 人员经费 / 公用经费 of basic spending follows from the economic 类 (301, 303 人员; the rest 公用).
/// </summary>
public sealed record ExpenditureLine
{
    /// <summary>支出功能分类 项 (7 digits).</summary>
    public string FunctionCode { get; init; } = "";

    public ExpenditureCategory Category { get; init; }

    /// <summary>部门预算支出经济分类 款 (5 digits).</summary>
    public string EconomicCode { get; init; } = "";

    public FundSource FundSource { get; init; }

    /// <summary>The project this money belongs to; required for project spending and for carry-over.</summary>
    public string? ProjectCode { get; init; }

    public decimal Amount { get; init; }

    /// <summary>True where the seed publishes only marginals and this joint split was chosen to reproduce them.</summary>
    public bool Derived { get; init; }

    /// <summary>
    /// 收款单位: the budget unit this money is paid to (对附属单位补助 to a subordinate, 上缴上级 to the department). The payee
    /// books it as 上级补助收入 / 附属单位上缴收入 and spends it on its own lines, so consolidation eliminates this line.
    /// </summary>
    public string? PayeeUnitCode { get; init; }
}

/// <summary>What a project is in the budget.</summary>
public enum ProjectKind
{
    /// <summary>当年财政拨款项目.</summary>
    Current,

    /// <summary>单位资金项目 (non-fiscal money of the year).</summary>
    UnitFunds,

    /// <summary>上年结转结余项目.</summary>
    CarryOver,
}

/// <summary>项目.</summary>
public sealed record BudgetProject
{
    /// <summary>项目编码, unique within the unit-year.</summary>
    public string Code { get; init; } = "";

    /// <summary>项目名称.</summary>
    public string Name { get; init; } = "";

    public ProjectKind Kind { get; init; }

    /// <summary>设立的政策依据.</summary>
    public string? PolicyBasis { get; init; }

    /// <summary>预算安排规模: must equal the sum of the project's lines.</summary>
    public decimal Amount { get; init; }

    /// <summary>项目承担单位.</summary>
    public string? Undertaker { get; init; }

    /// <summary>资金分配情况.</summary>
    public string? Allocation { get; init; }

    /// <summary>资金执行时间 (start).</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>资金执行时间 (end).</summary>
    public DateOnly? EndsOn { get; init; }

    /// <summary>主要用于 (carry-over projects).</summary>
    public string? Purpose { get; init; }

    /// <summary>补贴类项目的发放信息.</summary>
    public SubsidyDetails? Subsidy { get; init; }

    /// <summary>项目支出绩效目标表.</summary>
    public ProjectPerformance? Performance { get; init; }
}

/// <summary>补贴发放信息 of a subsidy project.</summary>
public sealed record SubsidyDetails
{
    /// <summary>资金来源 as stated.</summary>
    public string? FundingNote { get; init; }

    /// <summary>补贴人数.</summary>
    public int? Recipients { get; init; }

    /// <summary>补贴标准 as stated (e.g. "1500 元/月/人").</summary>
    public string? Standard { get; init; }

    /// <summary>补贴范围.</summary>
    public string? Scope { get; init; }

    /// <summary>补贴方式.</summary>
    public string? Method { get; init; }

    /// <summary>发放程序.</summary>
    public string? Procedure { get; init; }

    /// <summary>受益人群和社会效益.</summary>
    public string? Beneficiaries { get; init; }
}

/// <summary>项目支出绩效目标表.</summary>
public sealed record ProjectPerformance
{
    /// <summary>项目负责人.</summary>
    public string? Manager { get; init; }

    /// <summary>年度预算总额.</summary>
    public decimal AnnualBudgetAmount { get; init; }

    /// <summary>其中：财政拨款.</summary>
    public decimal FiscalAmount { get; init; }

    /// <summary>其他资金.</summary>
    public decimal OtherAmount { get; init; }

    /// <summary>项目总体目标.</summary>
    public string? Goal { get; init; }

    public IReadOnlyList<PerformanceIndicator> Indicators { get; init; } = [];
}

/// <summary>单位整体绩效目标表.</summary>
public sealed record UnitPerformance
{
    /// <summary>单位联系人.</summary>
    public string? Contact { get; init; }

    /// <summary>联系电话.</summary>
    public string? Phone { get; init; }

    /// <summary>年度绩效目标.</summary>
    public string? Goal { get; init; }

    /// <summary>财政资金 — 上级安排.</summary>
    public decimal SuperiorFundsAmount { get; init; }

    /// <summary>财政资金 — 本级安排.</summary>
    public decimal LocalFundsAmount { get; init; }

    /// <summary>其他资金.</summary>
    public decimal OtherFundsAmount { get; init; }

    public IReadOnlyList<PerformanceIndicator> Indicators { get; init; } = [];
}

/// <summary>绩效指标: one row of a performance-target table.</summary>
public sealed record PerformanceIndicator
{
    /// <summary>一级指标.</summary>
    public string Level1 { get; init; } = "";

    /// <summary>二级指标.</summary>
    public string Level2 { get; init; } = "";

    /// <summary>三级指标.</summary>
    public string Level3 { get; init; } = "";

    /// <summary>指标值 as printed (e.g. "&gt;=95%", "=71 人").</summary>
    public string Value { get; init; } = "";

    /// <summary>指标值设置依据.</summary>
    public string? Basis { get; init; }

    /// <summary>上年完成值.</summary>
    public string? PriorValue { get; init; }

    /// <summary>指标分值权重.</summary>
    public decimal? Weight { get; init; }

    /// <summary>指标赋分规则.</summary>
    public string? ScoringRule { get; init; }

    /// <summary>佐证资料.</summary>
    public string? Evidence { get; init; }

    /// <summary>The structured target, where the value is a number that a rule can compare.</summary>
    public IndicatorTarget? Target { get; init; }

    /// <summary>What the indicator measures, so rules can compare it with the budget.</summary>
    public IndicatorMeasure Measures { get; init; }
}

/// <summary>A numeric target: operator, number and unit ("=71 人" → "=", 71, "人").</summary>
public sealed record IndicatorTarget
{
    /// <summary>One of "=", "&gt;=", "&lt;=", "&gt;", "&lt;".</summary>
    public string Operator { get; init; } = "=";

    public decimal Value { get; init; }

    public string? Unit { get; init; }
}

/// <summary>The budget figure an indicator states, if any.</summary>
public enum IndicatorMeasure
{
    /// <summary>Nothing a rule compares.</summary>
    None,

    /// <summary>补贴人数 (compared with <see cref="SubsidyDetails.Recipients"/>).</summary>
    Recipients,

    /// <summary>The project's budget amount (万元).</summary>
    BudgetAmount,

    /// <summary>人员保障性资金支出控制数 (Table 6 人员经费, 万元).</summary>
    PersonnelControlAmount,

    /// <summary>公用经费支出控制数 (Table 6 公用经费, 万元).</summary>
    PublicControlAmount,

    /// <summary>项目支出控制数 (Table 5 项目支出, 万元).</summary>
    ProjectControlAmount,

    /// <summary>保障在职人员人数 (compared with <see cref="Staffing.InService"/>).</summary>
    InServiceHeadcount,

    /// <summary>保障退休人员人数 (compared with <see cref="Staffing.Retired"/>).</summary>
    RetiredHeadcount,
}

/// <summary>The three items of 三公经费.</summary>
public enum ThreePublicItem
{
    /// <summary>因公出国（境）费.</summary>
    OutboundTravel,

    /// <summary>公务接待费.</summary>
    Reception,

    /// <summary>公务用车购置费.</summary>
    VehiclePurchase,

    /// <summary>公务用车运行费.</summary>
    VehicleOperation,
}

/// <summary>One 三公 amount by budget type.</summary>
public sealed record ThreePublicExpense
{
    public ThreePublicItem Item { get; init; }

    public BudgetType BudgetType { get; init; }

    public decimal Amount { get; init; }
}

/// <summary>单位概况.</summary>
public sealed record UnitProfile
{
    /// <summary>主要职能.</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>下设科室.</summary>
    public IReadOnlyList<string> InternalDivisions { get; init; } = [];

    /// <summary>下属预算单位 codes (empty: "无下属预算单位").</summary>
    public IReadOnlyList<string> SubordinateUnits { get; init; } = [];
}

/// <summary>人员情况.</summary>
public sealed record Staffing
{
    /// <summary>编制数.</summary>
    public int AuthorizedPosts { get; init; }

    /// <summary>实有人数.</summary>
    public int ActualHeadcount { get; init; }

    /// <summary>在职.</summary>
    public int InService { get; init; }

    public int InServiceChange { get; init; }

    /// <summary>退休.</summary>
    public int Retired { get; init; }

    public int RetiredChange { get; init; }

    /// <summary>离休.</summary>
    public int RetiredCadres { get; init; }

    public int RetiredCadresChange { get; init; }
}

/// <summary>政府采购预算.</summary>
public sealed record Procurement
{
    public decimal GoodsAmount { get; init; }

    public decimal WorksAmount { get; init; }

    public decimal ServicesAmount { get; init; }

    /// <summary>面向中小企业预留.</summary>
    public decimal SmeReservedAmount { get; init; }

    /// <summary>小微企业预留.</summary>
    public decimal SmallMicroReservedAmount { get; init; }

    /// <summary>
    /// 适宜由中小企业提供的货物采购预算: the base of the 预留份额; when not stated, all of <see cref="GoodsAmount"/>.
    /// </summary>
    public decimal? SmeEligibleGoodsAmount { get; init; }

    /// <summary>适宜由中小企业提供的工程采购预算; when not stated, all of <see cref="WorksAmount"/>.</summary>
    public decimal? SmeEligibleWorksAmount { get; init; }

    /// <summary>适宜由中小企业提供的服务采购预算; when not stated, all of <see cref="ServicesAmount"/>.</summary>
    public decimal? SmeEligibleServicesAmount { get; init; }
}

/// <summary>国有资产占用使用情况 (at the end of the prior year).</summary>
public sealed record AssetHoldings
{
    public DateOnly? AsOf { get; init; }

    /// <summary>房屋面积 (平方米).</summary>
    public decimal BuildingArea { get; init; }

    public decimal BuildingValueAmount { get; init; }

    public IReadOnlyList<VehicleHolding> Vehicles { get; init; } = [];

    /// <summary>车辆总数 as published ("车辆 2 辆"); when stated it must equal the sum of <see cref="Vehicles"/>.</summary>
    public int? VehicleCount { get; init; }

    /// <summary>车辆总价值 as published ("价值 30.60 万元"); when stated it must equal the sum of <see cref="Vehicles"/>.</summary>
    public decimal? VehicleValueAmount { get; init; }

    public decimal FurnitureValueAmount { get; init; }

    public decimal OtherAssetsValueAmount { get; init; }

    /// <summary>单位价值 50 万元以上大型设备 (台).</summary>
    public int EquipmentOver50 { get; init; }

    /// <summary>单位价值 100 万元以上大型设备 (台).</summary>
    public int EquipmentOver100 { get; init; }

    /// <summary>本年预算安排购置车辆 (辆).</summary>
    public int PlannedVehiclePurchases { get; init; }

    public int PlannedEquipmentOver50 { get; init; }

    public int PlannedEquipmentOver100 { get; init; }
}

/// <summary>车辆 by kind.</summary>
public sealed record VehicleHolding
{
    /// <summary>一般公务用车 / 执法执勤用车 / 其他车辆.</summary>
    public string Kind { get; init; } = "";

    public int Count { get; init; }

    public decimal ValueAmount { get; init; }
}

/// <summary>上年预算: what the explanations compare with.</summary>
public sealed record PriorYearBudget
{
    public IReadOnlyList<IncomeLine> Income { get; init; } = [];

    /// <summary>基本支出 (all sources).</summary>
    public decimal BasicAmount { get; init; }

    /// <summary>项目支出 (all sources).</summary>
    public decimal ProjectAmount { get; init; }

    /// <summary>一般公共预算 基本支出.</summary>
    public decimal GeneralBudgetBasicAmount { get; init; }

    /// <summary>一般公共预算 项目支出.</summary>
    public decimal GeneralBudgetProjectAmount { get; init; }

    /// <summary>一般公共预算当年拨款 by function 项.</summary>
    public IReadOnlyList<FunctionAmount> GeneralBudgetByFunction { get; init; } = [];

    public IReadOnlyList<ThreePublicExpense> ThreePublicExpenses { get; init; } = [];

    /// <summary>机关运行经费.</summary>
    public decimal? OfficeOperatingAmount { get; init; }
}

/// <summary>An amount on a function 项.</summary>
public sealed record FunctionAmount
{
    public string FunctionCode { get; init; } = "";

    public decimal Amount { get; init; }
}

/// <summary>
/// A reason (主要原因) or purpose (主要用于) the explanations quote, attached to a subject such as
/// <c>income/generalBudget</c>, <c>expenditure/basic</c>, <c>generalBudget/function/2080101</c>,
/// <c>threePublic/vehicleOperation</c> or <c>officeOperating</c>.
/// </summary>
public sealed record Explanation
{
    public string Subject { get; init; } = "";

    public ExplanationKind Kind { get; init; }

    public string Text { get; init; } = "";
}

/// <summary>主要原因 or 主要用于.</summary>
public enum ExplanationKind
{
    /// <summary>主要原因 of a year-on-year change.</summary>
    Reason,

    /// <summary>主要用于.</summary>
    Purpose,
}

/// <summary>A note on data chosen rather than published.</summary>
public sealed record Derivation
{
    /// <summary>What was derived (a JSON path or a description).</summary>
    public string Subject { get; init; } = "";

    public string Method { get; init; } = "";
}
