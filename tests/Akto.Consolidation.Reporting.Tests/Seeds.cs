using System.Reflection;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting.Explanations;

namespace Akto.Consolidation.Reporting.Tests;

/// <summary>The seed unit's budget document (seeds/2024/akto-hrss.budget.json), copied next to the tests.</summary>
internal static class SeedBudget
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "2024", "akto-hrss.budget.json");

    public static BudgetDocument Load()
    {
        var result = BudgetDocumentReader.Read(File.ReadAllBytes(Path));
        Assert.Empty(result.Findings);
        return result.Document!;
    }

    public static string Render(BudgetDocument document) =>
        ExplanationWriter.Render(document, DisclosureTables.For(document));
}

/// <summary>
/// The published disclosure the seed was transcribed from (shared/seeds/000_26bbf4687c7101fc.txt, text extracted from the
/// PDF), copied next to the tests when the shared/ folder is beside the repository. Tests that read it are skipped
/// (xunit v3 dynamic skip) when it is absent.
/// </summary>
internal static class SeedDisclosure
{
    public const string FileName = "000_26bbf4687c7101fc.txt";

    public static string Read()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", FileName);
        if (!File.Exists(path))
        {
            var expected = typeof(SeedDisclosure).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SeedDisclosureText")?.Value ?? $"shared/seeds/{FileName}";
            // A clone without shared/ beside it has no published text to compare with: that is not a failure of
            // the code under test, so the test is reported as skipped, with where the text was looked for.
            // CI has shared/ and runs these tests.
            Assert.Skip(
                $"跳过：缺少公开披露文本 (skipped: seed disclosure text not found). Looked for {path}, copied by the build from "
                + $"{expected} (the shared/ folder beside the repository root). Put shared/ next to the repository and rebuild to run this test.");
        }

        return File.ReadAllText(path);
    }
}
