using System.Globalization;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Hand checks on the other facts (第三部分 十、十二): vehicles, 三公 growth and the SME procurement shares.</summary>
public static partial class DocumentChecks
{
    /// <summary>
    /// 车辆数与价值相加一致: the published totals ("车辆 2 辆，价值 30.60 万元"), where stated, equal the sums of the kinds
    /// (一般公务用车、执法执勤用车、其他车辆) at the published precision, and a kind with no vehicles has no value.
    /// </summary>
    private static IEnumerable<CheckViolation> VehicleHoldingsAddUp(ValidationContext c)
    {
        if (c.Document.Assets is not { } assets)
        {
            yield break;
        }

        var count = 0;
        var value = 0m;
        for (var i = 0; i < assets.Vehicles.Count; i++)
        {
            var vehicle = assets.Vehicles[i];
            count += vehicle.Count;
            value += vehicle.ValueAmount;
            if (vehicle.Count == 0 && c.Published(vehicle.ValueAmount) != 0m)
            {
                yield return new CheckViolation(
                    $"{vehicle.Kind} 0 辆，价值却为 {PublishedAmount.Text(c.Published(vehicle.ValueAmount))}",
                    [$"$.assets.vehicles[{i}].count", $"$.assets.vehicles[{i}].valueAmount"]);
            }
        }

        if (assets.VehicleCount is { } statedCount && statedCount != count)
        {
            yield return new CheckViolation($"车辆合计 {statedCount} 辆 ≠ 各类车辆之和 {count} 辆", ["$.assets.vehicleCount", "$.assets.vehicles"]);
        }

        if (assets.VehicleValueAmount is { } statedValue && c.Published(statedValue) != c.Published(value))
        {
            yield return new CheckViolation(
                $"车辆价值合计 {PublishedAmount.Text(c.Published(statedValue))} ≠ 各类车辆价值之和 {PublishedAmount.Text(c.Published(value))}",
                ["$.assets.vehicleValueAmount", "$.assets.vehicles"]);
        }
    }

    /// <summary>
    /// 车辆与"三公"经费一致: 公务用车购置费 in 三公 needs vehicles planned for purchase (本年预算安排购置车辆), and
    /// 公务用车运行费 needs a vehicle to run — held at the end of the prior year or planned. Vehicles planned without
    /// 购置费 are accepted: they may be paid from money outside 财政拨款, which 三公 does not cover.
    /// </summary>
    private static IEnumerable<CheckViolation> VehiclePurchasesMatchThreePublic(ValidationContext c)
    {
        if (c.Document.Assets is not { } assets)
        {
            yield break;
        }

        decimal purchase = 0m, operation = 0m;
        foreach (var expense in c.Document.ThreePublicExpenses)
        {
            purchase += expense.Item == ThreePublicItem.VehiclePurchase ? expense.Amount : 0m;
            operation += expense.Item == ThreePublicItem.VehicleOperation ? expense.Amount : 0m;
        }

        var held = 0;
        foreach (var vehicle in assets.Vehicles)
        {
            held += vehicle.Count;
        }

        if (c.Published(purchase) > 0m && assets.PlannedVehiclePurchases == 0)
        {
            yield return new CheckViolation(
                $"“三公”经费公务用车购置费 {PublishedAmount.Text(c.Published(purchase))}，但本年预算安排购置车辆 0 辆",
                ["$.threePublicExpenses[?(@.item=='vehiclePurchase')].amount", "$.assets.plannedVehiclePurchases"]);
        }

        if (c.Published(operation) > 0m && held == 0 && assets.PlannedVehiclePurchases == 0)
        {
            yield return new CheckViolation(
                $"“三公”经费公务用车运行费 {PublishedAmount.Text(c.Published(operation))}，但单位没有车辆，也未安排购置",
                ["$.threePublicExpenses[?(@.item=='vehicleOperation')].amount", "$.assets.vehicles"]);
        }
    }

    /// <summary>
    /// "三公"经费只减不增: each item and the total of 财政拨款"三公"经费 should not exceed the prior year's budget (a warning:
    /// growth is allowed with a reason, but the bureau looks at every case). Compared at the published precision.
    /// </summary>
    private static IEnumerable<CheckViolation> ThreePublicDoesNotGrow(ValidationContext c)
    {
        if (c.Document.PriorYear is not { } prior)
        {
            yield break;
        }

        var current = new decimal[4];
        var before = new decimal[4];
        foreach (var expense in c.Document.ThreePublicExpenses)
        {
            current[(int)expense.Item] += expense.Amount;
        }

        foreach (var expense in prior.ThreePublicExpenses)
        {
            before[(int)expense.Item] += expense.Amount;
        }

        decimal currentTotal = 0m, priorTotal = 0m;
        for (var item = 0; item < 4; item++)
        {
            var now = c.Published(current[item]);
            var then = c.Published(before[item]);
            currentTotal += now;
            priorTotal += then;
            if (now > then)
            {
                var name = ThreePublicName((ThreePublicItem)item);
                yield return new CheckViolation(
                    $"{name} {PublishedAmount.Text(now)}，比上年预算 {PublishedAmount.Text(then)} 增加 {PublishedAmount.Text(now - then)}",
                    ["$.threePublicExpenses", "$.priorYear.threePublicExpenses"]);
            }
        }

        if (currentTotal > priorTotal)
        {
            yield return new CheckViolation(
                $"“三公”经费合计 {PublishedAmount.Text(currentTotal)}，比上年预算 {PublishedAmount.Text(priorTotal)} 增加 {PublishedAmount.Text(currentTotal - priorTotal)}",
                ["$.threePublicExpenses", "$.priorYear.threePublicExpenses"]);
        }
    }

    /// <summary>
    /// 面向中小企业预留份额达标: 中小企业预留 ≥ the policy shares (<see cref="SmeReservationPolicy"/>, from the rule) of the
    /// procurement suitable for SMEs — per category the stated 适宜由中小企业提供 amount, else the whole category — and
    /// 小微企业预留 ≥ its share of the SME reservation; a stated suitable amount may not exceed its category. Compared at the
    /// published precision (the required amount rounded to 0.01 万元).
    /// </summary>
    private static IEnumerable<CheckViolation> ProcurementSmeSharesMet(ValidationContext c, AuditRule rule)
    {
        if (c.Document.Procurement is not { } p)
        {
            yield break;
        }

        var policy = rule.SmeReservation ?? SmeReservationPolicy.Default;
        var required = 0m;
        foreach (var (amount, eligible, share, label, path) in new[]
        {
            (p.GoodsAmount, p.SmeEligibleGoodsAmount, policy.GoodsShare, "货物", "smeEligibleGoodsAmount"),
            (p.WorksAmount, p.SmeEligibleWorksAmount, policy.WorksShare, "工程", "smeEligibleWorksAmount"),
            (p.ServicesAmount, p.SmeEligibleServicesAmount, policy.ServicesShare, "服务", "smeEligibleServicesAmount"),
        })
        {
            if (eligible is { } stated && c.Published(stated) > c.Published(amount))
            {
                yield return new CheckViolation(
                    $"适宜由中小企业提供的{label}采购 {PublishedAmount.Text(c.Published(stated))} > 政府采购{label}预算 {PublishedAmount.Text(c.Published(amount))}",
                    [$"$.procurement.{path}"]);
            }

            required += (eligible ?? amount) * share;
        }

        var requiredSme = c.Published(required);
        var sme = c.Published(p.SmeReservedAmount);
        if (sme < requiredSme)
        {
            yield return new CheckViolation(
                $"面向中小企业预留 {PublishedAmount.Text(sme)} < 政策份额（货物 {Share(policy.GoodsShare)}、工程 {Share(policy.WorksShare)}、服务 {Share(policy.ServicesShare)}）应预留 {PublishedAmount.Text(requiredSme)}",
                ["$.procurement.smeReservedAmount"]);
        }

        var requiredSmall = c.Published(p.SmeReservedAmount * policy.SmallMicroShare);
        var small = c.Published(p.SmallMicroReservedAmount);
        if (small < requiredSmall)
        {
            yield return new CheckViolation(
                $"小微企业预留 {PublishedAmount.Text(small)} < 中小企业预留的 {Share(policy.SmallMicroShare)}（{PublishedAmount.Text(requiredSmall)}）",
                ["$.procurement.smallMicroReservedAmount", "$.procurement.smeReservedAmount"]);
        }
    }

    private static string Share(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string ThreePublicName(ThreePublicItem item) => item switch
    {
        ThreePublicItem.OutboundTravel => "因公出国（境）费",
        ThreePublicItem.Reception => "公务接待费",
        ThreePublicItem.VehiclePurchase => "公务用车购置费",
        _ => "公务用车运行费",
    };
}
