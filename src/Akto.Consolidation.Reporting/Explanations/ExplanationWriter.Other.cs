using System.Text;
using Akto.Consolidation.Domain.Documents;
using static Akto.Consolidation.Reporting.Explanations.ExplanationText;

namespace Akto.Consolidation.Reporting.Explanations;

/// <summary>Sections 十 to 十二: 三公, 上年结转结余 and 其他重要事项.</summary>
public static partial class ExplanationWriter
{
    /// <summary>The 三公 items in the order the seed states them.</summary>
    private static readonly (string Label, string Key)[] ThreePublicItems =
    [
        ("因公出国（境）费", "threePublic/outboundTravel"),
        ("公务用车购置费", "threePublic/vehiclePurchase"),
        ("公务用车运行费", "threePublic/vehicleOperation"),
        ("公务接待费", "threePublic/reception"),
    ];

    /// <summary>十、财政拨款"三公"经费: amounts, then the change of the total and of every item with its reason.</summary>
    private static void ThreePublic(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "十", "财政拨款“三公”经费预算情况说明");
        var amounts = string.Join("，", ThreePublicItems.Select(i => $"{i.Label}{Money(context.Required(i.Key))}万元"));
        Line(text, $"{context.UnitYear}财政拨款“三公”经费数为{Money(context.Required("threePublic/total"))}万元，其中：{amounts}。");

        if (context.Change("threePublic/total") is not { } total)
        {
            return;
        }

        var changes = ThreePublicItems.Select(i =>
        {
            var change = context.Change(i.Key) ?? (0m, 0m);
            var reason = context.Reason(i.Key);
            return $"{i.Label}{Change(change)}{(reason is null ? "" : "，主要原因是" + reason)}";
        });
        Line(text, $"{context.Year}年财政拨款“三公”经费{ComparedWithPriorYear(total)}，其中：{string.Join("；", changes)}。");
    }

    /// <summary>十一、上年结转结余: total, 财政拨款 / 非财政拨款, and every carry-over project with what it is mainly for.</summary>
    private static void CarryOver(ExplanationContext context, StringBuilder text)
    {
        Heading(context, text, "十一", "上年结转结余预算情况说明");
        var projects = context.Document.Projects.Where(p => p.Kind == ProjectKind.CarryOver).ToList();
        var table11 = context.Tables.Table(11);
        var withoutProject = table11.ValueOrZero("基本支出结转结余", table11.Columns[0]);
        var listed = projects.Count > 0 || withoutProject != 0m;
        Line(text, $"{context.UnitYear}上年结转结余{Money(context.Required("carryOver/total"))}万元，包括：财政拨款{Money(context.Required("carryOver/fiscal"))}万元，非财政拨款{Money(context.Required("carryOver/nonFiscal"))}万元{(listed ? "，其中：" : "。")}");

        var number = 0;
        foreach (var project in projects)
        {
            var purpose = Clause(project.Purpose) ?? context.Purpose($"carryOver/projects/{project.Code}");
            Line(text, $"{++number}.{project.Name}{Money(context.Required($"carryOver/projects/{project.Code}"))}万元{(purpose is null ? "" : "，主要用于：" + purpose)}。");
        }

        if (withoutProject != 0m)
        {
            Line(text, $"{++number}.基本支出结转结余{Money(withoutProject)}万元。");
        }
    }

    /// <summary>十二、其他重要事项: 机关运行经费, 政府采购, 国有资产, 预算绩效, 转移支付 and 结转 counts.</summary>
    private static void OtherMatters(ExplanationContext context, StringBuilder text)
    {
        Line(text, "十二、其他重要事项的情况说明");
        OfficeOperating(context, text);
        Procurement(context, text);
        Assets(context, text);
        Performance(context, text);

        Line(text, "（五）其他需说明的事项");
        Line(text, $"本单位转移支付项目{Count(context.Required("transferProjects"))}个，涉及预算金额{Money(context.Required("transferProjectsAmount"))}万元。");
        Line(text, $"本单位上年结转结余资金涉及项目数{Count(context.Required("carryOverProjects"))}个，涉及的预算资金数为{Money(context.Required("carryOverProjectsAmount"))}万元。");
    }

    private static void OfficeOperating(ExplanationContext context, StringBuilder text)
    {
        Line(text, "（一）单位运行经费情况");
        if (context.Figure("officeOperating/amount") is not { } amount)
        {
            Line(text, $"{context.UnitYear}未安排机关运行经费财政拨款预算。");
            return;
        }

        var sentence = new StringBuilder($"{context.UnitYear}的机关运行经费财政拨款预算{Money(amount)}万元");
        if (context.Change("officeOperating") is { } change)
        {
            sentence.Append('，').Append(ComparedWithPriorYear(change));
        }

        sentence.Append('。');
        if (context.Change("officeOperating") is not null && context.Reason("officeOperating") is { } reason)
        {
            sentence.Append("主要原因是").Append(reason).Append('。');
        }

        Line(text, sentence.ToString());
    }

    private static void Procurement(ExplanationContext context, StringBuilder text)
    {
        Line(text, "（二）政府采购情况");
        if (context.Document.Procurement is null)
        {
            Line(text, $"{context.Year}年，{context.Unit}未安排政府采购预算。");
            return;
        }

        Line(text, $"{context.Year}年，{context.Unit}政府采购预算{Money(context.Required("procurement/total"))}万元，其中：政府采购货物预算{Money(context.Required("procurement/goods"))}万元，政府采购工程预算{Money(context.Required("procurement/works"))}万元，政府采购服务预算{Money(context.Required("procurement/services"))}万元。");
        Line(text, $"{context.Year}年，{context.Unit}面向中小企业预留政府采购项目预算金额{Money(context.Required("procurement/smeReserved"))}万元，小微企业预留政府采购项目预算金额{Money(context.Required("procurement/smallMicroReserved"))}万元。");
    }

    private static void Assets(ExplanationContext context, StringBuilder text)
    {
        Line(text, "（三）国有资产占用使用情况");
        var assets = context.Document.Assets;
        var asOfYear = assets?.AsOf?.Year ?? context.Year - 1;
        if (assets is null)
        {
            Line(text, $"截至{asOfYear}年底，{context.Unit}未填报国有资产占用使用情况。");
            return;
        }

        var factor = CurrencyUnit.ToTenThousandYuanFactor(context.Document.CurrencyUnit);
        Line(text, $"截至{asOfYear}年底，{context.Unit}及下属各预算单位占用使用国有资产总体情况为：");
        Line(text, $"1.房屋{Area(assets.BuildingArea)}平方米，价值{Money(assets.BuildingValueAmount * factor)}万元。");
        var vehicles = $"2.车辆{assets.Vehicles.Sum(v => v.Count)}辆，价值{Money(assets.Vehicles.Sum(v => v.ValueAmount) * factor)}万元";
        if (assets.Vehicles.Count > 0)
        {
            vehicles += "；其中：" + string.Join("；", assets.Vehicles.Select(v => $"{v.Kind}{v.Count}辆，价值{Money(v.ValueAmount * factor)}万元"));
        }

        Line(text, vehicles + "。");
        Line(text, $"3.办公家具价值{Money(assets.FurnitureValueAmount * factor)}万元。");
        Line(text, $"4.其他资产价值{Money(assets.OtherAssetsValueAmount * factor)}万元。");
        Line(text, $"单位价值50万元以上大型设备{assets.EquipmentOver50}台，单位价值100万元以上大型设备{assets.EquipmentOver100}台。");
        var vehiclePlan = assets.PlannedVehiclePurchases == 0 ? "未安排购置车辆经费" : $"安排购置车辆{assets.PlannedVehiclePurchases}辆";
        Line(text, $"{context.Year}年单位预算{vehiclePlan}，安排购置50万元以上大型设备{assets.PlannedEquipmentOver50}台，单位价值100万元以上大型设备{assets.PlannedEquipmentOver100}台。");
    }

    private static void Performance(ExplanationContext context, StringBuilder text)
    {
        Line(text, "（四）预算绩效情况");
        Line(text, $"{context.Year}年，本单位预算绩效管理整体预算绩效目标{Count(context.Required("performance/unitTargets"))}个，涉及金额{Money(context.Required("performance/unitTargetsAmount"))}万元；"
            + $"当年财政拨款项目{Count(context.Required("performance/fiscalProjects"))}个，涉及预算金额{Money(context.Required("performance/fiscalProjectsAmount"))}万元；"
            + $"当年非财政拨款项目{Count(context.Required("performance/nonFiscalProjects"))}个，涉及预算金额{Money(context.Required("performance/nonFiscalProjectsAmount"))}万元。具体情况见下表（按项目分别填报）：");
    }
}
