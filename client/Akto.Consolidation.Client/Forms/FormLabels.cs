using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Client.Forms;

/// <summary>
/// The Chinese words the form shows for the document's enumerations (下拉列表), and back. A cell may also hold the
/// document format's own camelCase name (<c>generalBudget</c>), so a form filled by a program is read as well.
/// </summary>
internal sealed class FormLabels<T>(IReadOnlyList<(T Value, string Label)> labels)
    where T : struct, Enum
{
    public IReadOnlyList<string> All { get; } = [.. labels.Select(l => l.Label)];

    public string Of(T value) => labels.First(l => EqualityComparer<T>.Default.Equals(l.Value, value)).Label;

    public bool TryParse(string text, out T value)
    {
        foreach (var (candidate, label) in labels)
        {
            if (label == text)
            {
                value = candidate;
                return true;
            }
        }

        return Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}

/// <summary>The label lists of the form (each is a column of the hidden 目录 sheet).</summary>
internal static class FormLabels
{
    public static FormLabels<FundSource> FundSources { get; } = new([.. Domain.Documents.FundSources.All.Select(s => (s, s.Label()))]);

    /// <summary>支出类型.</summary>
    public static FormLabels<ExpenditureCategory> Categories { get; } = new([(ExpenditureCategory.Basic, "基本支出"), (ExpenditureCategory.Project, "项目支出")]);

    /// <summary>项目类型.</summary>
    public static FormLabels<ProjectKind> ProjectKinds { get; } = new(
        [(ProjectKind.Current, "当年财政拨款项目"), (ProjectKind.UnitFunds, "单位资金项目"), (ProjectKind.CarryOver, "上年结转结余项目")]);

    /// <summary>“三公”经费项目.</summary>
    public static FormLabels<ThreePublicItem> ThreePublicItems { get; } = new(
    [
        (ThreePublicItem.OutboundTravel, "因公出国（境）费"),
        (ThreePublicItem.Reception, "公务接待费"),
        (ThreePublicItem.VehiclePurchase, "公务用车购置费"),
        (ThreePublicItem.VehicleOperation, "公务用车运行费"),
    ]);

    /// <summary>预算类型.</summary>
    public static FormLabels<BudgetType> BudgetTypes { get; } = new(
        [(BudgetType.GeneralBudget, "一般公共预算"), (BudgetType.GovernmentFund, "政府性基金预算"), (BudgetType.StateCapital, "国有资本经营预算")]);

    /// <summary>绩效指标度量: what a rule may compare the indicator with.</summary>
    public static FormLabels<IndicatorMeasure> Measures { get; } = new(
    [
        (IndicatorMeasure.None, "无"),
        (IndicatorMeasure.Recipients, "补贴人数"),
        (IndicatorMeasure.BudgetAmount, "项目预算金额"),
        (IndicatorMeasure.PersonnelControlAmount, "人员经费控制数"),
        (IndicatorMeasure.PublicControlAmount, "公用经费控制数"),
        (IndicatorMeasure.ProjectControlAmount, "项目支出控制数"),
        (IndicatorMeasure.InServiceHeadcount, "在职人员人数"),
        (IndicatorMeasure.RetiredHeadcount, "退休人员人数"),
    ]);

    /// <summary>说明类型.</summary>
    public static FormLabels<ExplanationKind> ExplanationKinds { get; } = new([(ExplanationKind.Reason, "主要原因"), (ExplanationKind.Purpose, "主要用于")]);

    /// <summary>年度 of a 三公 row.</summary>
    public const string CurrentYear = "本年";

    public const string PriorYear = "上年";

    /// <summary>单位职能 rows.</summary>
    public const string Function = "主要职能";

    public const string Division = "下设科室";

    public const string Subordinate = "下属预算单位";

    public const string Yes = "是";

    public const string No = "否";

    /// <summary>绩效指标 所属 of the 单位整体 table.</summary>
    public const string UnitOwner = "单位";
}
