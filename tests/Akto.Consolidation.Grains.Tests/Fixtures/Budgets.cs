using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>Budget documents for the tests: the seed, and valid random budgets of the 2024 catalog.</summary>
internal static class Budgets
{
    public const int Year = 2024;

    private static readonly ClassificationCatalog Catalog = ClassificationCatalog.ForYear(Year);

    private static readonly string[] FunctionItems =
        [.. Catalog.Entries(ClassificationTree.Function).Where(e => e.Level == ClassificationLevel.Item).Select(e => e.Code)];

    private static readonly string[] EconomicSections =
        [.. Catalog.Entries(ClassificationTree.Economic).Where(e => e.Level == ClassificationLevel.Section).Select(e => e.Code)];

    private static readonly Lazy<BudgetDocument> SeedDocument = new(() =>
    {
        var read = BudgetDocumentReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seeds", "2024", "akto-hrss.budget.json")));
        Assert.Empty(read.Findings);
        return read.Document!;
    });

    /// <summary>阿克陶县人力资源和社会保障局 2024 (unit and department 139001).</summary>
    public static BudgetDocument Seed => SeedDocument.Value;

    /// <summary>A code no other test uses.</summary>
    public static string NewCode(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    /// <summary>The seed as the budget of another unit (and its own department, as the seed is).</summary>
    public static BudgetDocument SeedAs(string unitCode, string? departmentCode = null) =>
        Seed with { UnitCode = unitCode, DepartmentCode = departmentCode ?? unitCode };

    /// <summary>
    /// A valid random budget: catalog codes, amounts to the fen, income equal to spending per source, projects equal to
    /// their lines, carry-over money in carry-over projects, 三公 vehicle running costs covering economic 30231.
    /// </summary>
    public static BudgetDocument Random(Random random, string unitCode, string departmentCode, int maxLines = 12)
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
            cells[key] = cells.GetValueOrDefault(key) + (random.Next(1, 500_000) / 100m);
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
            ThreePublicExpenses = vehicle == 0m ? [] : [new ThreePublicExpense { Item = ThreePublicItem.VehicleOperation, BudgetType = BudgetType.GeneralBudget, Amount = vehicle }],
        };
    }

    /// <summary>A budget whose income exceeds its spending by 1 万元: rule X-100 rejects it.</summary>
    public static BudgetDocument Unbalanced(BudgetDocument document) =>
        document with { Income = [.. document.Income.Select((l, i) => i == 0 ? l with { Amount = l.Amount + 1m } : l)] };

    /// <summary>A unit's basic spending of 事业收入 only: simple figures for organisation tests.</summary>
    public static BudgetDocument Simple(string unitCode, string departmentCode, decimal amount, string functionCode = "2080101", string economicCode = "30101") => new()
    {
        Year = Year,
        UnitCode = unitCode,
        UnitName = $"单位 {unitCode}",
        DepartmentCode = departmentCode,
        Income = [new IncomeLine { Source = FundSource.UnitBusinessIncome, Amount = amount }],
        Lines = [new ExpenditureLine { FunctionCode = functionCode, Category = ExpenditureCategory.Basic, EconomicCode = economicCode, FundSource = FundSource.UnitBusinessIncome, Amount = amount }],
    };
}
