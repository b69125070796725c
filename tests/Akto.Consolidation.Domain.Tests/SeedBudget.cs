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
}
