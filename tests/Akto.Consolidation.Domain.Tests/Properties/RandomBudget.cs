using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Tests.Properties;

/// <summary>
/// Valid random budget documents: catalog codes, amounts to the fen, income equal to spending per source, every project
/// equal to its lines, carry-over money in carry-over projects, 三公 vehicle running costs covering 30231.
/// </summary>
internal static class RandomBudget
{
    private static readonly ClassificationCatalog Catalog = ClassificationCatalog.ForYear(2024);

    private static readonly string[] FunctionItems =
        [.. Catalog.Entries(ClassificationTree.Function).Where(e => e.Level == ClassificationLevel.Item).Select(e => e.Code)];

    private static readonly string[] EconomicSections =
        [.. Catalog.Entries(ClassificationTree.Economic).Where(e => e.Level == ClassificationLevel.Section).Select(e => e.Code)];

    public static BudgetDocument Create(int seed, string unitCode = "U0001", string departmentCode = "D01")
    {
        var random = new Random(seed);
        var cells = new Dictionary<(string, ExpenditureCategory, string, FundSource, string?), decimal>();
        var count = random.Next(1, 30);
        for (var i = 0; i < count; i++)
        {
            var source = FundSources.All[random.Next(FundSources.All.Count)];
            var category = random.Next(3) == 0 ? ExpenditureCategory.Basic : ExpenditureCategory.Project;
            var economic = EconomicSections[random.Next(EconomicSections.Length)];
            string? project = source.IsCarryOver()
                ? (category == ExpenditureCategory.Basic && random.Next(2) == 0 ? null : $"C{random.Next(1, 4)}")
                : category == ExpenditureCategory.Project ? $"P{random.Next(1, 6)}" : null;
            var amount = random.Next(1, 50_000_000) / 100m;
            var key = (FunctionItems[random.Next(FunctionItems.Length)], category, economic, source, project);
            cells[key] = cells.GetValueOrDefault(key) + amount;
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
            Year = 2024,
            UnitCode = unitCode,
            UnitName = $"单位 {unitCode}",
            DepartmentCode = departmentCode,
            Income = [.. lines.GroupBy(l => l.FundSource).Select(g => new IncomeLine { Source = g.Key, Amount = g.Sum(l => l.Amount) })],
            Lines = lines,
            Projects = projects,
            ThreePublicExpenses = vehicle == 0m ? [] : [new ThreePublicExpense { Item = ThreePublicItem.VehicleOperation, BudgetType = BudgetType.GeneralBudget, Amount = vehicle + random.Next(0, 1000) / 100m }],
        };
    }
}
