using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using BenchmarkDotNet.Attributes;

namespace Akto.Consolidation.Benchmarks.Domain;

/// <summary>
/// The consolidated disclosure tables 1–11 of N units (elimination included), against the tables of one unit as the
/// baseline: the ratio says how much a county's tables cost compared with a unit's.
/// </summary>
[MemoryDiagnoser]
public class DisclosureBenchmarks
{
    private readonly ClassificationCatalog _catalog = ClassificationCatalogs.Shipped.Get(RandomBudgets.Year);
    private List<BudgetDocument> _documents = [];

    [Params(1, 60, DomainBenchmarks.MaxUnits)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _documents = DomainBenchmarks.Units(N);
        SteadyState.WarmUp(() => Consolidated());
    }

    /// <summary>Tables 1–11 of the first unit.</summary>
    [Benchmark(Baseline = true)]
    public DisclosureSet OneUnit() => DisclosureTables.For(_documents[0], _catalog);

    /// <summary>Tables 1–11 of the N units consolidated as the county.</summary>
    [Benchmark]
    public DisclosureSet Consolidated() => DisclosureTables.Consolidate(_documents, DisclosureScope.County(), _catalog);
}
