using System.Text;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Domain.Tests.Validation;

/// <summary>F-04 to F-07: vehicles, 三公 growth and the SME procurement shares, a passing and a failing case each.</summary>
public sealed class FactChecksTests
{
    private static readonly BudgetDocument Seed = SeedBudget.Load();

    private static List<Finding> Run(BudgetDocument document, string ruleId) =>
        [.. BudgetValidator.Validate(document, [AuditRules.Get(ruleId)]).Findings];

    private static List<Finding> Run(BudgetDocument document, AuditRule rule) =>
        [.. BudgetValidator.Validate(document, [rule]).Findings];

    private static BudgetDocument WithAssets(Func<AssetHoldings, AssetHoldings> change) => Seed with { Assets = change(Seed.Assets!) };

    [Fact]
    public void Seed_vehicles_add_up_to_the_published_2_vehicles_worth_30_60()
    {
        Assert.Empty(Run(Seed, "F-04"));
        Assert.Empty(Run(WithAssets(a => a with { VehicleCount = null, VehicleValueAmount = null }), "F-04"));
    }

    [Fact]
    public void Vehicle_totals_that_differ_from_the_kinds_are_warned_in_ten_thousand_yuan()
    {
        var broken = WithAssets(a => a with { VehicleCount = 3, VehicleValueAmount = 31.60m });

        var findings = Run(broken, "F-04");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Locations[0] == "$.assets.vehicleCount" && f.Message.Contains("3 辆 ≠ 各类车辆之和 2 辆", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Locations[0] == "$.assets.vehicleValueAmount" && f.Message.Contains("31.60 万元 ≠ 各类车辆价值之和 30.60 万元", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_with_no_vehicles_but_a_value_is_warned()
    {
        var broken = WithAssets(a => a with { Vehicles = [.. a.Vehicles.Select(v => v.Count == 0 ? v with { ValueAmount = 12.00m } : v)], VehicleValueAmount = 42.60m });

        var finding = Assert.Single(Run(broken, "F-04"));

        Assert.Equal(["$.assets.vehicles[2].count", "$.assets.vehicles[2].valueAmount"], finding.Locations);
    }

    [Fact]
    public void Seed_vehicles_match_its_three_public_vehicle_expenses()
    {
        Assert.Empty(Run(Seed, "F-05"));
    }

    [Fact]
    public void Vehicle_purchase_money_without_planned_purchases_and_running_costs_without_vehicles_are_warned()
    {
        var purchase = Seed with { ThreePublicExpenses = [.. Seed.ThreePublicExpenses, new ThreePublicExpense { Item = ThreePublicItem.VehiclePurchase, BudgetType = BudgetType.GeneralBudget, Amount = 18.00m }] };
        var noVehicles = WithAssets(a => a with { Vehicles = [.. a.Vehicles.Select(v => v with { Count = 0, ValueAmount = 0m })] });

        Assert.Contains("$.assets.plannedVehiclePurchases", Assert.Single(Run(purchase, "F-05")).Locations);
        Assert.Contains("5.40 万元", Assert.Single(Run(noVehicles, "F-05")).Message, StringComparison.Ordinal);
        Assert.Empty(Run(purchase with { Assets = purchase.Assets! with { PlannedVehiclePurchases = 1 } }, "F-05"));
    }

    [Fact]
    public void Seed_three_public_expenses_fall_from_16_12_to_5_40()
    {
        Assert.Empty(Run(Seed, "F-06"));
    }

    [Fact]
    public void Three_public_expenses_that_grow_are_warned_per_item_and_in_total()
    {
        var grown = Seed with { ThreePublicExpenses = [.. Seed.ThreePublicExpenses, new ThreePublicExpense { Item = ThreePublicItem.Reception, BudgetType = BudgetType.GeneralBudget, Amount = 12.00m }] };

        var findings = Run(grown, "F-06");

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Message.Contains("公务接待费 12.00 万元，比上年预算 0.00 万元 增加 12.00 万元", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("合计 17.40 万元，比上年预算 16.12 万元 增加 1.28 万元", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_reserves_125_26_of_130_26_goods_for_small_firms_above_the_policy_share()
    {
        Assert.Empty(Run(Seed, "F-07"));
    }

    [Fact]
    public void Reservations_below_the_policy_shares_are_warned_with_the_required_amounts()
    {
        var broken = Seed with { Procurement = Seed.Procurement! with { SmeReservedAmount = 39.00m, SmallMicroReservedAmount = 23.00m } };

        var findings = Run(broken, "F-07");

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Locations[0] == "$.procurement.smeReservedAmount" && f.Message.Contains("应预留 39.08 万元", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Locations[0] == "$.procurement.smallMicroReservedAmount" && f.Message.Contains("60%（23.40 万元）", StringComparison.Ordinal));
    }

    [Fact]
    public void The_share_applies_to_the_stated_eligible_amount_which_may_not_exceed_its_category()
    {
        var eligible = Seed with { Procurement = Seed.Procurement! with { SmeEligibleGoodsAmount = 100.00m, SmeReservedAmount = 30.00m, SmallMicroReservedAmount = 18.00m } };
        var tooMuch = eligible with { Procurement = eligible.Procurement! with { SmeEligibleGoodsAmount = 140.00m, SmeReservedAmount = 42.00m, SmallMicroReservedAmount = 30.00m } };

        Assert.Empty(Run(eligible, "F-07"));
        Assert.Equal(["$.procurement.smeEligibleGoodsAmount"], Assert.Single(Run(tooMuch, "F-07")).Locations);
    }

    [Fact]
    public void Works_use_the_higher_share_and_the_policy_is_data_of_the_rule()
    {
        var works = Seed with { Procurement = new Procurement { WorksAmount = 100.00m, SmeReservedAmount = 35.00m, SmallMicroReservedAmount = 35.00m } };
        Assert.Contains("应预留 40.00 万元", Assert.Single(Run(works, "F-07")).Message, StringComparison.Ordinal);

        var json = """
            { "version": 1, "rules": [ { "id": "F-07", "severity": "warning", "message": "m", "check": "procurementSmeSharesMet",
              "smeReservation": { "goodsShare": 0.3, "worksShare": 0.3, "servicesShare": 0.3, "smallMicroShare": 0.6 } } ] }
            """;
        var county = Assert.Single(AuditRules.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Equal(0.3m, county.SmeReservation!.WorksShare);
        Assert.Empty(Run(works, county));
        Assert.Equal(SmeReservationPolicy.Default, AuditRules.Get("F-07").SmeReservation);
    }
}
