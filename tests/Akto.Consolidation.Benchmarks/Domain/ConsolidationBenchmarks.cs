using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using BenchmarkDotNet.Attributes;

namespace Akto.Consolidation.Benchmarks.Domain;

/// <summary>
/// Summing N units: <see cref="BudgetFacts.Sum"/> of facts already normalised (the baseline: pure cell-wise addition),
/// the same sum including the normalisation of each document (<see cref="BudgetFacts.FromDocument"/>), and
/// <see cref="Elimination.Consolidate"/> (normalisation, elimination of internal transfers and their inspection).
/// </summary>
[MemoryDiagnoser]
public class ConsolidationBenchmarks
{
    private List<BudgetDocument> _documents = [];
    private List<BudgetFacts> _facts = [];

    [Params(1, 60, DomainBenchmarks.MaxUnits)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = DomainBenchmarks.Units(N);
        _facts = [.. _documents.Select(BudgetFacts.FromDocument)];
        SteadyState.WarmUp(() => Consolidate());
    }

    [Benchmark(Baseline = true)]
    public BudgetFacts Sum() => BudgetFacts.Sum(RandomBudgets.Year, _facts);

    [Benchmark]
    public BudgetFacts FromDocumentsAndSum() => BudgetFacts.Sum(RandomBudgets.Year, _documents.Select(BudgetFacts.FromDocument));

    [Benchmark]
    public ConsolidationResult Consolidate() => Elimination.Consolidate(RandomBudgets.Year, _documents);
}
