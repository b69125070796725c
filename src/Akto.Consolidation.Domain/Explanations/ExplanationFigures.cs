using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Explanations;

/// <summary>What a figure of the explanations counts in.</summary>
public enum FigureUnit
{
    /// <summary>万元.</summary>
    TenThousandYuan,

    /// <summary>百分比, 2 decimals.</summary>
    Percent,

    /// <summary>个 (a count).</summary>
    Count,
}

/// <summary>One figure the explanations (第三部分 情况说明) quote, under a stable key such as <c>income/generalBudget/share</c>.</summary>
public sealed record ExplanationFigure(string Key, decimal Value, FigureUnit Unit);

/// <summary>
/// Computes every figure the explanations of a unit's disclosure quote — totals, shares (占比), year-on-year changes
/// (比上年预算增减 and 增减率), 三公, carry-over, 机关运行经费, procurement and performance counts — from the document and
/// its tables, so that the text can be generated and checked rather than typed.
/// </summary>
public static class ExplanationFigures
{
    public static IReadOnlyList<ExplanationFigure> Compute(BudgetDocument document, DisclosureSet tables)
    {
        var figures = new List<ExplanationFigure>();
        void Money(string key, decimal value) => figures.Add(new(key, value, FigureUnit.TenThousandYuan));
        void Percent(string key, decimal value) => figures.Add(new(key, value, FigureUnit.Percent));
        void Count(string key, int value) => figures.Add(new(key, value, FigureUnit.Count));

        var factor = CurrencyUnit.ToTenThousandYuanFactor(document.CurrencyUnit);
        var table1 = tables.Table(1);
        var total = table1.Value("总计", "收入/预算数");
        Money("total", total);

        var comparisons = YearOnYear.Comparisons(document).ToDictionary(c => c.Subject, StringComparer.Ordinal);
        void Compared(string subject, decimal amount, decimal? share)
        {
            Money($"{subject}/amount", amount);
            if (share is { } value)
            {
                Percent($"{subject}/share", value);
            }

            if (comparisons.TryGetValue(subject, out var comparison))
            {
                Money($"{subject}/change", comparison.Change);
                Percent($"{subject}/changePercent", comparison.ChangePercent);
            }
        }

        // 二、收入预算: each source's amount, share of the total and change.
        var income = comparisons.Values.Where(c => c.Subject.StartsWith("income/", StringComparison.Ordinal)).ToList();
        var incomeShares = Shares([.. income.Select(c => c.Current)], total);
        for (var i = 0; i < income.Count; i++)
        {
            Compared(income[i].Subject, income[i].Current, incomeShares[i]);
        }

        // 三、支出预算: basic and project.
        var table3Total = tables.Table(3).Find("合计");
        var spendingShares = Shares([table3Total[Table3.Columns[1]], table3Total[Table3.Columns[2]]], total);
        Compared("expenditure/basic", table3Total[Table3.Columns[1]], spendingShares[0]);
        Compared("expenditure/project", table3Total[Table3.Columns[2]], spendingShares[1]);

        // 四、财政拨款收支总体.
        var table4 = tables.Table(4);
        Money("fiscal/total", table4.Value("总计", Table4.Income));
        Money("fiscal/generalBudget", table4.Value("一般公共预算", Table4.Income));
        foreach (var row in table4.Rows.Where(r => r.Level == "类" && r[Table4.Columns[1]] != 0m))
        {
            Money($"fiscal/class/{row.Code}", row[Table4.Columns[1]]);
        }

        // 五、一般公共预算当年拨款: scale, structure by 类, use by 项.
        var table5 = tables.Table(5);
        var generalBudget = table5.Value("合计", Table5.Columns[0]);
        Money("generalBudget/total", generalBudget);
        Compared("generalBudget/basic", table5.Value("合计", Table5.Columns[1]), null);
        Compared("generalBudget/project", table5.Value("合计", Table5.Columns[2]), null);
        var classes = table5.Rows.Where(r => r.Level == "类").ToList();
        var classShares = Shares([.. classes.Select(r => r[Table5.Columns[0]])], generalBudget);
        for (var i = 0; i < classes.Count; i++)
        {
            Compared($"generalBudget/class/{classes[i].Code}", classes[i][Table5.Columns[0]], classShares[i]);
        }

        foreach (var row in table5.Rows.Where(r => r.Level == "项"))
        {
            Compared($"generalBudget/function/{row.Code}", row[Table5.Columns[0]], null);
        }

        // 六、基本支出.
        var table6 = tables.Table(6);
        Money("basic/personnel", table6.Value("合计", Table6.Columns[1]));
        Money("basic/public", table6.Value("合计", Table6.Columns[2]));

        // 七、项目支出: each current project's scale.
        foreach (var project in document.Projects.Where(p => p.Kind == ProjectKind.Current))
        {
            Money($"projects/{project.Code}/amount", project.Amount * factor);
        }

        // 十、三公.
        var table10 = tables.Table(10);
        Money("threePublic/total", table10.Value("合计", "合计"));
        Money("threePublic/outboundTravel", table10.Value("因公出国（境）费", "合计"));
        Money("threePublic/reception", table10.Value("公务接待费", "合计"));
        Money("threePublic/vehiclePurchase", table10.Value("其中：公务用车购置费", "合计"));
        Money("threePublic/vehicleOperation", table10.Value("公务用车运行费", "合计"));
        if (document.PriorYear is { } prior)
        {
            // The seed states every item's change, zero included ("增加 0.00 万元，增长 0.00%").
            decimal Of(IEnumerable<ThreePublicExpense> expenses, ThreePublicItem? item) =>
                expenses.Where(e => item is null || e.Item == item).Sum(e => e.Amount) * factor;
            foreach (var item in new ThreePublicItem?[] { null, ThreePublicItem.OutboundTravel, ThreePublicItem.Reception, ThreePublicItem.VehiclePurchase, ThreePublicItem.VehicleOperation })
            {
                var key = item is { } i ? $"threePublic/{char.ToLowerInvariant(i.ToString()[0])}{i.ToString()[1..]}" : "threePublic/total";
                var change = new YearOnYearComparison(key, "三公经费", Of(document.ThreePublicExpenses, item), Of(prior.ThreePublicExpenses, item), "$.priorYear.threePublicExpenses");
                Money($"{key}/change", change.Change);
                Percent($"{key}/changePercent", change.ChangePercent);
            }
        }

        // 十一、上年结转结余.
        var table11 = tables.Table(11);
        Money("carryOver/total", table11.Value("合计", "总计"));
        Money("carryOver/fiscal", table11.Value("合计", "财政拨款/合计"));
        Money("carryOver/nonFiscal", table11.Value("合计", "非财政拨款/合计"));
        var carryOverProjects = document.Projects.Where(p => p.Kind == ProjectKind.CarryOver).ToList();
        foreach (var project in carryOverProjects)
        {
            Money($"carryOver/projects/{project.Code}", project.Amount * factor);
        }

        // 十二、其他重要事项.
        if (document.OfficeOperatingAmount is { } office)
        {
            Compared("officeOperating", office * factor, null);
        }

        if (document.Procurement is { } procurement)
        {
            Money("procurement/total", (procurement.GoodsAmount + procurement.WorksAmount + procurement.ServicesAmount) * factor);
            Money("procurement/goods", procurement.GoodsAmount * factor);
            Money("procurement/works", procurement.WorksAmount * factor);
            Money("procurement/services", procurement.ServicesAmount * factor);
            Money("procurement/smeReserved", procurement.SmeReservedAmount * factor);
            Money("procurement/smallMicroReserved", procurement.SmallMicroReservedAmount * factor);
        }

        var fiscalOfYear = document.Projects.Where(p => p.Kind == ProjectKind.Current && document.Lines.Any(l => l.ProjectCode == p.Code && l.FundSource.IsCurrentFiscal())).ToList();
        var nonFiscal = document.Projects.Where(p => p.Kind != ProjectKind.CarryOver && !fiscalOfYear.Contains(p)).ToList();
        var transfers = document.Projects.Where(p => document.Lines.Any(l => l.ProjectCode == p.Code && l.FundSource.IsTransfer())).ToList();
        Count("performance/unitTargets", document.UnitPerformance is null ? 0 : 1);
        Money("performance/unitTargetsAmount", total);
        Count("performance/fiscalProjects", fiscalOfYear.Count);
        Money("performance/fiscalProjectsAmount", fiscalOfYear.Sum(p => p.Amount) * factor);
        Count("performance/nonFiscalProjects", nonFiscal.Count);
        Money("performance/nonFiscalProjectsAmount", nonFiscal.Sum(p => p.Amount) * factor);
        Count("transferProjects", transfers.Count);
        Money("transferProjectsAmount", document.Lines.Where(l => l.FundSource.IsTransfer()).Sum(l => l.Amount) * factor);
        Count("carryOverProjects", carryOverProjects.Count);
        Money("carryOverProjectsAmount", carryOverProjects.Sum(p => p.Amount) * factor);
        return figures;
    }

    /// <summary>占比 in percent, 2 decimals, half away from zero.</summary>
    public static decimal Share(decimal part, decimal whole) =>
        whole == 0m ? 0m : Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The shares of parts that make up a whole, each rounded to 2 decimals, with the rounding residue (尾差) put on the
    /// last part so that they add up to exactly 100.00 % — as the seed does (8.84 % rather than 8.83 % for 财政拨款结转).
    /// </summary>
    public static IReadOnlyList<decimal> Shares(IReadOnlyList<decimal> parts, decimal whole)
    {
        var shares = parts.Select(p => Share(p, whole)).ToArray();
        if (whole != 0m && parts.Count > 0 && parts.Sum() == whole)
        {
            var last = Array.FindLastIndex(parts.ToArray(), p => p != 0m);
            if (last >= 0)
            {
                shares[last] = 100m - shares.Where((_, i) => i != last).Sum();
            }
        }

        return shares;
    }
}
