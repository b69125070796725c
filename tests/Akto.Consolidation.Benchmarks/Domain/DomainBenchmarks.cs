using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Benchmarks.Domain;

/// <summary>The documents the domain benchmarks share: the first N of one deterministic set of random units.</summary>
public static class DomainBenchmarks
{
    /// <summary>The largest N; the sets of 1 and 60 are its first documents.</summary>
    public const int MaxUnits = 300;

    public static List<BudgetDocument> Units(int count) => RandomBudgets.Create(count);
}
