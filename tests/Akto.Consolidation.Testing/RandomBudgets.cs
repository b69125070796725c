using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Synthetic;

namespace Akto.Consolidation.Testing;

/// <summary>Valid random budget documents of the 2024 catalog, for property tests, grain load tests and benchmarks.</summary>
public static class RandomBudgets
{
    public const int Year = 2024;

    private static readonly ClassificationCatalog Catalog = ClassificationCatalogs.Shipped.Get(Year);

    private static readonly string[] FunctionItems =
        [.. Catalog.Entries(ClassificationTree.Function).Where(e => e.Level == ClassificationLevel.Item).Select(e => e.Code)];

    private static readonly string[] EconomicSections =
        [.. Catalog.Entries(ClassificationTree.Economic).Where(e => e.Level == ClassificationLevel.Section).Select(e => e.Code)];

    /// <summary>
    /// A valid random budget: catalog codes, amounts to the fen (at most <paramref name="maxFen"/> 分 × 100 per draw),
    /// income equal to spending per source, every project equal to its lines, carry-over money in carry-over projects,
    /// 三公 vehicle running costs at least economic 30231. The same generator state always gives the same document.
    /// </summary>
    public static BudgetDocument Create(Random random, string unitCode, string departmentCode, int maxLines = 12, int maxFen = 500_000)
    {
        var cells = new Dictionary<(string, ExpenditureCategory, string, FundSource, string?), decimal>();
        var count = random.Next(1, maxLines + 1);
        for (var i = 0; i < count; i++)
        {
            var source = FundSources.All[random.Next(FundSources.All.Count)];
            var category = random.Next(3) == 0 ? ExpenditureCategory.Project : ExpenditureCategory.Basic;
            string? project = source.IsCarryOver()
                ? (category == ExpenditureCategory.Basic && random.Next(2) == 0 ? null : $"C{random.Next(1, 3)}")
                : category == ExpenditureCategory.Project ? $"P{random.Next(1, 4)}" : null;
            var key = (FunctionItems[random.Next(FunctionItems.Length)], category, EconomicSections[random.Next(EconomicSections.Length)], source, project);
            cells[key] = cells.GetValueOrDefault(key) + (random.Next(1, maxFen) / 100m);
        }

        var lines = cells.Select(c => new ExpenditureLine
        {
            FunctionCode = c.Key.Item1,
            Category = c.Key.Item2,
            EconomicCode = c.Key.Item3,
            FundSource = c.Key.Item4,
            ProjectCode = c.Key.Item5,
            Amount = c.Value,
        }).ToList();
        var projects = lines.Where(l => l.ProjectCode is not null)
            .GroupBy(l => l.ProjectCode!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BudgetProject
            {
                Code = g.Key,
                Name = $"{unitCode} 项目 {g.Key}",
                Kind = g.Key.StartsWith('C') ? ProjectKind.CarryOver : ProjectKind.Current,
                Amount = g.Sum(l => l.Amount),
            })
            .ToList();
        var vehicle = lines.Where(l => l.EconomicCode == "30231" && l.Category == ExpenditureCategory.Basic && l.FundSource is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer).Sum(l => l.Amount);
        return new BudgetDocument
        {
            Year = Year,
            UnitCode = unitCode,
            UnitName = $"单位 {unitCode}",
            DepartmentCode = departmentCode,
            Income = [.. lines.GroupBy(l => l.FundSource).OrderBy(g => g.Key).Select(g => new IncomeLine { Source = g.Key, Amount = g.Sum(l => l.Amount) })],
            Lines = lines,
            Projects = projects,
            ThreePublicExpenses = vehicle == 0m ? [] : [new ThreePublicExpense { Item = ThreePublicItem.VehicleOperation, BudgetType = BudgetType.GeneralBudget, Amount = vehicle + (random.Next(0, 1000) / 100m) }],
        };
    }

    /// <summary>
    /// A realistic valid budget: a unit of a department kind (school, hospital, police, finance bureau …) drawn by the
    /// synthetic-county generator from the full catalog, with its typical function 项 and economic mix, projects,
    /// carry-over, 三公, performance targets and prior year. The same generator state always gives the same document.
    /// </summary>
    public static BudgetDocument Realistic(Random random, string unitCode, string departmentCode)
    {
        ArgumentNullException.ThrowIfNull(random);
        return SyntheticCounty.Unit(Catalog, random.Next(), unitCode, departmentCode);
    }

    /// <summary>A whole synthetic county (departments with subordinate units and internal transfers), for load tests.</summary>
    public static IReadOnlyList<BudgetDocument> County(int units, int departments, int seed) =>
        SyntheticCounty.Generate(new CountyOptions(units, departments, seed, Year), Catalog).Documents;

    /// <summary>
    /// 内部往来: the payer spends <paramref name="amount"/> of new 事业收入 on a payment to the payee, which books it as
    /// 上级补助收入 from the payer and spends it on basic salaries.
    /// </summary>
    public static (BudgetDocument Payer, BudgetDocument Payee) WithTransfer(BudgetDocument payer, BudgetDocument payee, decimal amount) =>
    (
        payer with
        {
            Income = AddIncome(payer.Income, new IncomeLine { Source = FundSource.UnitBusinessIncome, Amount = amount }),
            Lines = [.. payer.Lines, new ExpenditureLine { FunctionCode = "2080199", Category = ExpenditureCategory.Basic, EconomicCode = "30399", FundSource = FundSource.UnitBusinessIncome, Amount = amount, PayeeUnitCode = payee.UnitCode }],
        },
        payee with
        {
            Income = [.. payee.Income, new IncomeLine { Source = FundSource.UnitSuperiorSubsidy, Amount = amount, PayerUnitCode = payer.UnitCode }],
            Lines = AddLine(payee.Lines, new ExpenditureLine { FunctionCode = "2080150", Category = ExpenditureCategory.Basic, EconomicCode = "30101", FundSource = FundSource.UnitSuperiorSubsidy, Amount = amount }),
        }
    );

    private static List<IncomeLine> AddIncome(IReadOnlyList<IncomeLine> income, IncomeLine added)
    {
        var index = income.ToList().FindIndex(l => l.Source == added.Source && l.PayerUnitCode is null);
        return index < 0
            ? [.. income, added]
            : [.. income.Select((l, i) => i == index ? l with { Amount = l.Amount + added.Amount } : l)];
    }

    private static List<ExpenditureLine> AddLine(IReadOnlyList<ExpenditureLine> lines, ExpenditureLine added)
    {
        var index = lines.ToList().FindIndex(l =>
            l.FunctionCode == added.FunctionCode && l.Category == added.Category && l.EconomicCode == added.EconomicCode
            && l.FundSource == added.FundSource && l.ProjectCode is null && l.PayeeUnitCode is null);
        return index < 0
            ? [.. lines, added]
            : [.. lines.Select((l, i) => i == index ? l with { Amount = l.Amount + added.Amount } : l)];
    }
}
