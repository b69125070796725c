namespace Akto.Consolidation.Client.Forms;

/// <summary>
/// 单位预算填报表: the sheets and headers of the Excel form, shared by its writer and reader. Table sheets have one header
/// row and are read by header text, so a person may reorder columns; key–value sheets are read by the label in column A.
/// Amounts are in the 金额单位 of the 单位信息 sheet (万元 unless 元 is chosen), as numbers.
/// </summary>
internal static class BudgetFormLayout
{
    public const string UnitSheet = "单位信息";
    public const string ProfileSheet = "单位职能";
    public const string StaffingSheet = "人员编制";
    public const string IncomeSheet = "收入";
    public const string LinesSheet = "支出明细";
    public const string ProjectsSheet = "项目";
    public const string IndicatorsSheet = "绩效指标";
    public const string UnitPerformanceSheet = "单位绩效";
    public const string ThreePublicSheet = "三公经费";
    public const string ProcurementSheet = "政府采购";
    public const string AssetsSheet = "国有资产";
    public const string VehiclesSheet = "车辆";
    public const string PriorYearSheet = "上年预算";
    public const string PriorIncomeSheet = "上年收入";
    public const string PriorFunctionSheet = "上年一般公共预算";
    public const string ExplanationsSheet = "说明";
    public const string DerivationsSheet = "推算说明";

    /// <summary>The hidden sheet holding the drop-down lists (catalogs have thousands of codes: a range, not an inline list).</summary>
    public const string ListsSheet = "目录";

    // Key–value labels.
    public const string Year = "预算年度";
    public const string UnitCode = "单位编码";
    public const string UnitName = "单位名称";
    public const string DepartmentCode = "主管部门编码";
    public const string CurrencyUnit = "金额单位";
    public const string PreparedOn = "编制日期";
    public const string OfficeOperating = "机关运行经费";

    public static readonly string[] StaffingLabels = ["编制数", "实有人数", "在职", "在职增减", "退休", "退休增减", "离休", "离休增减"];

    public static readonly string[] UnitPerformanceLabels = ["单位联系人", "联系电话", "年度绩效目标", "财政资金-上级安排", "财政资金-本级安排", "其他资金"];

    /// <summary>The amounts, then (optional) the parts suitable for small and medium firms, the base of the 预留份额.</summary>
    public static readonly string[] ProcurementLabels =
        ["货物", "工程", "服务", "面向中小企业预留", "其中：小微企业预留", "适宜中小企业提供的货物（不填为全部）", "适宜中小企业提供的工程（不填为全部）", "适宜中小企业提供的服务（不填为全部）"];

    public static readonly string[] AssetLabels =
        ["截止日期", "房屋面积（平方米）", "房屋价值", "家具价值", "其他资产价值", "单位价值50万元以上大型设备（台）", "单位价值100万元以上大型设备（台）", "本年预算安排购置车辆（辆）", "本年购置50万元以上大型设备（台）", "本年购置100万元以上大型设备（台）", "车辆总数（辆，按公开口径，可不填）", "车辆总价值（按公开口径，可不填）"];

    public static readonly string[] PriorYearLabels = ["基本支出", "项目支出", "一般公共预算基本支出", "一般公共预算项目支出", "机关运行经费"];

    // Table headers.
    public static readonly string[] ProfileHeaders = ["类别", "内容"];
    public static readonly string[] IncomeHeaders = ["资金来源", "金额", "付款单位编码"];
    public static readonly string[] LineHeaders = ["功能分类科目", "支出类型", "经济分类科目", "资金来源", "项目编码", "金额", "收款单位编码", "推算"];

    public static readonly string[] ProjectHeaders =
    [
        "项目编码", "项目名称", "项目类型", "预算安排规模", "设立的政策依据", "项目承担单位", "资金分配情况", "执行开始日期", "执行结束日期", "主要用于",
        "补贴-资金来源", "补贴-人数", "补贴-标准", "补贴-范围", "补贴-方式", "补贴-发放程序", "补贴-受益人群和社会效益",
        "绩效-项目负责人", "绩效-年度预算总额", "绩效-财政拨款", "绩效-其他资金", "绩效-项目总体目标",
    ];

    public static readonly string[] IndicatorHeaders =
        ["所属", "一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "分值权重", "赋分规则", "佐证资料", "目标运算符", "目标值", "目标单位", "度量"];

    public static readonly string[] ThreePublicHeaders = ["年度", "项目", "预算类型", "金额"];
    public static readonly string[] VehicleHeaders = ["车辆类型", "数量", "价值"];
    public static readonly string[] PriorFunctionHeaders = ["功能分类科目", "金额"];
    public static readonly string[] ExplanationHeaders = ["主题", "类型", "内容"];
    public static readonly string[] DerivationHeaders = ["对象", "方法"];

    /// <summary>The header of a key–value sheet.</summary>
    public static readonly string[] KeyValueHeaders = ["项目", "值", "说明"];
}
