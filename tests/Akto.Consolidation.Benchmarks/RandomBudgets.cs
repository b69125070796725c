using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Benchmarks;

/// <summary>
/// Deterministic sets of valid realistic unit budgets of the 2024 catalog (the synthetic-county generator's units),
/// with internal transfers so that elimination has work to do, and the seed document.
/// </summary>
public static class RandomBudgets
{
    public const int Year = 2024;

    /// <summary>Units are spread over this many departments (D01 … D12), as in the grain load test.</summary>
    public const int DepartmentCount = 12;

    /// <summary>Every <c>TransferEvery</c>-th unit pays 上级补助 to the unit before it (both in the set).</summary>
    public const int TransferEvery = 10;

    private static readonly Lazy<byte[]> SeedBytes = new(() =>
    {
        using var stream = typeof(RandomBudgets).Assembly.GetManifestResourceStream("seeds/akto-hrss.budget.json")
            ?? throw new InvalidOperationException("the seed document is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The seed's JSON (阿克陶县人力资源和社会保障局 2024), as uploaded.</summary>
    public static byte[] SeedJson => SeedBytes.Value;

    /// <summary>
    /// <paramref name="count"/> units <c>{prefix}001</c> … in <see cref="DepartmentCount"/> departments; the same arguments
    /// always give the same documents, and the first n of a set are the set of n.
    /// </summary>
    public static List<BudgetDocument> Create(int count, string prefix = "U", int seed = 20240000)
    {
        var documents = new List<BudgetDocument>(count);
        for (var i = 1; i <= count; i++)
        {
            var random = new Random(seed + i);
            var document = Random(random, $"{prefix}{i:000}", $"D{(i % DepartmentCount) + 1:00}");
            if (i % TransferEvery == 0)
            {
                var amount = random.Next(1, 100_000) / 100m;
                (document, documents[^1]) = WithTransfer(document, documents[^1], amount);
            }

            documents.Add(document);
        }

        return documents;
    }

    /// <summary>Every error of every document; empty when the set is valid.</summary>
    public static List<string> Errors(IEnumerable<BudgetDocument> documents) =>
        [.. documents.SelectMany(d => BudgetValidator.Validate(d).Errors.Select(e => $"{d.UnitCode}: {e}"))];

    /// <summary>
    /// A valid realistic budget (the shared generator's <c>Realistic</c>: a unit of a drawn department kind from the
    /// synthetic-county generator, with its typical function 项, economic mix, projects, carry-over and 三公).
    /// </summary>
    public static BudgetDocument Random(Random random, string unitCode, string departmentCode) =>
        Testing.RandomBudgets.Realistic(random, unitCode, departmentCode);

    /// <summary>内部往来 between two units of the set (the shared generator's).</summary>
    public static (BudgetDocument Payer, BudgetDocument Payee) WithTransfer(BudgetDocument payer, BudgetDocument payee, decimal amount) =>
        Testing.RandomBudgets.WithTransfer(payer, payee, amount);
}
