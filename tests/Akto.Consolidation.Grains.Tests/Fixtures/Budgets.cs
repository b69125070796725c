using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>Budget documents for the tests: the seed, and valid random budgets of the 2024 catalog.</summary>
internal static class Budgets
{
    public const int Year = 2024;

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
    /// A valid random budget (the shared generator of the test projects): every other draw a realistic unit of the
    /// synthetic-county generator (a school, a hospital, a bureau …), else arbitrary catalog codes.
    /// </summary>
    public static BudgetDocument Random(Random random, string unitCode, string departmentCode, int maxLines = 12) =>
        random.Next(2) == 0
            ? Testing.RandomBudgets.Realistic(random, unitCode, departmentCode)
            : Testing.RandomBudgets.Create(random, unitCode, departmentCode, maxLines);

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
