using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Tests;

/// <summary>The seed unit's budget document (seeds/2024/akto-hrss.budget.json), copied next to the tests.</summary>
internal static class SeedBudget
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "2024", "akto-hrss.budget.json");

    public static byte[] Bytes() => File.ReadAllBytes(Path);

    public static BudgetDocument Load()
    {
        var result = BudgetDocumentReader.Read(Bytes());
        Assert.Empty(result.Findings);
        return result.Document!;
    }

    /// <summary>The seed stated in 元: every amount the tables read ×10,000 (the same budget, so the same tables).</summary>
    public static BudgetDocument InYuan(BudgetDocument seed)
    {
        static decimal ToYuan(decimal amount) => amount * 10000m;
        return seed with
        {
            CurrencyUnit = CurrencyUnit.Yuan,
            Income = [.. seed.Income.Select(l => l with { Amount = ToYuan(l.Amount) })],
            Lines = [.. seed.Lines.Select(l => l with { Amount = ToYuan(l.Amount) })],
            Projects = [.. seed.Projects.Select(p => p with { Amount = ToYuan(p.Amount) })],
            ThreePublicExpenses = [.. seed.ThreePublicExpenses.Select(e => e with { Amount = ToYuan(e.Amount) })],
            OfficeOperatingAmount = seed.OfficeOperatingAmount is { } office ? ToYuan(office) : null,
        };
    }
}
