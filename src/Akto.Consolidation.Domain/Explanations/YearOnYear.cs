using System.Globalization;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Explanations;

/// <summary>
/// 比上年预算增减: one figure the explanations compare with the prior year's budget.
/// <see cref="Subject"/> is the key under which the document records the reason (<see cref="Explanation.Subject"/>).
/// </summary>
public sealed record YearOnYearComparison(string Subject, string Label, decimal Current, decimal Prior, string Location)
{
    public decimal Change => Current - Prior;

    /// <summary>增减率 in percent, 2 decimals; a change from zero counts as 100 %, as the seed writes it.</summary>
    public decimal ChangePercent => Prior == 0m
        ? (Current == 0m ? 0m : 100m * Math.Sign(Current))
        : Math.Round(Change / Prior * 100m, 2, MidpointRounding.AwayFromZero);

    public string ChangePercentText => ChangePercent.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A change of 10 % or more, or from zero, needs a stated reason.</summary>
    public bool NeedsReason => Change != 0m && (Prior == 0m || Math.Abs(Change) * 10m >= Math.Abs(Prior));
}

/// <summary>The year-on-year comparisons a unit's explanations (第三部分) make, computed from the document.</summary>
public static class YearOnYear
{
    public static IReadOnlyList<YearOnYearComparison> Comparisons(BudgetDocument document)
    {
        if (document.PriorYear is not { } prior)
        {
            return [];
        }

        var factor = CurrencyUnit.ToTenThousandYuanFactor(document.CurrencyUnit);
        decimal Income(IReadOnlyList<IncomeLine> lines, Func<FundSource, bool> which) => lines.Where(l => which(l.Source)).Sum(l => l.Amount) * factor;
        decimal Lines(Func<ExpenditureLine, bool> which) => document.Lines.Where(which).Sum(l => l.Amount) * factor;
        static bool GeneralBudget(ExpenditureLine l) => l.FundSource is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer;

        var comparisons = new List<YearOnYearComparison>();
        // Both amounts in 万元.
        void Add(string subject, string label, decimal current, decimal before, string location)
        {
            if (current != 0m || before != 0m)
            {
                comparisons.Add(new YearOnYearComparison(subject, label, current, before, location));
            }
        }

        (string Subject, string Label, Func<FundSource, bool> Which)[] incomeGroups =
        [
            ("income/generalBudget", "一般公共预算", s => s == FundSource.GeneralBudget),
            ("income/generalBudgetTransfer", "上级一般公共预算安排的转移支付资金", s => s == FundSource.GeneralBudgetTransfer),
            ("income/governmentFund", "政府性基金预算", s => s == FundSource.GovernmentFund),
            ("income/governmentFundTransfer", "上级政府性基金安排的转移支付资金", s => s == FundSource.GovernmentFundTransfer),
            ("income/stateCapital", "国有资本经营预算", s => s == FundSource.StateCapital),
            ("income/stateCapitalTransfer", "上级国有资本经营预算安排的转移支付资金", s => s == FundSource.StateCapitalTransfer),
            ("income/fiscalSpecialAccount", "财政专户核拨", s => s == FundSource.FiscalSpecialAccount),
            ("income/unitFunds", "单位资金", s => s.IsUnitFunds()),
            ("income/carryOver", "财政拨款结转", s => s.IsFiscalCarryOver()),
            ("income/nonFiscalCarryOver", "非财政拨款结余", s => s.IsNonFiscalCarryOver()),
        ];
        foreach (var (subject, label, which) in incomeGroups)
        {
            Add(subject, label, Income(document.Income, which), Income(prior.Income, which), "$.priorYear.income");
        }

        Add("expenditure/basic", "基本支出", Lines(l => l.Category == ExpenditureCategory.Basic), prior.BasicAmount * factor, "$.priorYear.basicAmount");
        Add("expenditure/project", "项目支出", Lines(l => l.Category == ExpenditureCategory.Project), prior.ProjectAmount * factor, "$.priorYear.projectAmount");
        Add("generalBudget/basic", "一般公共预算基本支出", Lines(l => GeneralBudget(l) && l.Category == ExpenditureCategory.Basic), prior.GeneralBudgetBasicAmount * factor, "$.priorYear.generalBudgetBasicAmount");
        Add("generalBudget/project", "一般公共预算项目支出", Lines(l => GeneralBudget(l) && l.Category == ExpenditureCategory.Project), prior.GeneralBudgetProjectAmount * factor, "$.priorYear.generalBudgetProjectAmount");

        var functionCodes = document.Lines.Where(GeneralBudget).Select(l => l.FunctionCode)
            .Concat(prior.GeneralBudgetByFunction.Select(f => f.FunctionCode))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var code in functionCodes)
        {
            Add(
                $"generalBudget/function/{code}",
                $"一般公共预算 {code}",
                Lines(l => GeneralBudget(l) && l.FunctionCode == code),
                prior.GeneralBudgetByFunction.Where(f => f.FunctionCode == code).Sum(f => f.Amount) * factor,
                "$.priorYear.generalBudgetByFunction");
        }

        foreach (var item in Enum.GetValues<ThreePublicItem>())
        {
            var name = item.ToString();
            Add(
                $"threePublic/{char.ToLowerInvariant(name[0])}{name[1..]}",
                $"三公经费 {item}",
                document.ThreePublicExpenses.Where(e => e.Item == item).Sum(e => e.Amount) * factor,
                prior.ThreePublicExpenses.Where(e => e.Item == item).Sum(e => e.Amount) * factor,
                "$.priorYear.threePublicExpenses");
        }

        if (document.OfficeOperatingAmount is { } office && prior.OfficeOperatingAmount is { } priorOffice)
        {
            Add("officeOperating", "机关运行经费", office * factor, priorOffice * factor, "$.priorYear.officeOperatingAmount");
        }

        return comparisons;
    }
}
