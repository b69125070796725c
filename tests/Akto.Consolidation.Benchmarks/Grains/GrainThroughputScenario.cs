using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
using Akto.Consolidation.Grains;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Akto.Consolidation.Benchmarks.Grains;

/// <summary>
/// A measured run, not a BenchmarkDotNet benchmark (it needs a cluster): K random units submit at once to an
/// in-process cluster with memory storage; the run measures submissions per second and the time until both county roots
/// equal the sum computed here from the documents' lines, and reads the root's share of the tree calls. The baseline,
/// in the same process, is the domain computing the same consolidation directly (<see cref="DisclosureTables.Consolidate"/>).
/// </summary>
public static class GrainThroughputScenario
{
    public const int DefaultUnits = 200;

    private const int WarmUpUnits = 10;
    private const int BaselineRuns = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Runs the scenario, writing its progress to <paramref name="output"/>; returns the exit code (0, or 1 when the roots
    /// never came out exact) and the result tables (Markdown).
    /// </summary>
    public static async Task<(int ExitCode, string Report)> RunAsync(int units, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var documents = RandomBudgets.Create(units);
        var errors = RandomBudgets.Errors(documents);
        if (errors.Count > 0)
        {
            return (1, $"the generated documents are not valid:\n{string.Join('\n', errors.Take(20))}");
        }

        output.WriteLine($"grain throughput: {units} units in {Math.Min(units, RandomBudgets.DepartmentCount)} departments, {units / RandomBudgets.TransferEvery} internal transfers; {Environment.ProcessorCount} cores");

        // The validator first to steady state, then the baselines, in this process: the grains then run the domain code
        // as warm as the baselines do (a silo that has been up for a while).
        output.WriteLine("warming up: the validator and the consolidation ...");
        SteadyState.WarmUpValidator(JsonSerializer.SerializeToUtf8Bytes(documents[documents.Count / 2], BudgetJson.Options));
        var consolidate = Median(BaselineRuns, () => DisclosureTables.Consolidate(documents, DisclosureScope.County()));
        var validate = Median(3, () =>
        {
            foreach (var document in documents)
            {
                BudgetValidator.ReadAndValidate(JsonSerializer.SerializeToUtf8Bytes(document, BudgetJson.Options));
            }
        });

        // A throwaway cluster takes the JIT and first-call costs of the grain code, so the measured run starts warm.
        output.WriteLine($"warming up: a throwaway cluster with {WarmUpUnits} units ...");
        await using (var warmUp = await StartClusterAsync())
        {
            var warmDocuments = RandomBudgets.Create(WarmUpUnits, "W", seed: 20249000);
            var warmRun = await SubmitAndWaitAsync(warmUp.Client, warmDocuments);
            if (warmRun is null)
            {
                return (1, "the warm-up cluster's roots never equalled the expected sum");
            }
        }

        output.WriteLine($"measuring: a new cluster, {units} concurrent submissions ...");
        await using var cluster = await StartClusterAsync();
        var run = await SubmitAndWaitAsync(cluster.Client, documents);
        if (run is null)
        {
            return (1, $"the county roots did not equal the expected sum within {Timeout.TotalSeconds:F0} s");
        }

        var consolidation = cluster.Client.GetConsolidation();
        var function = await consolidation.GetTreeLoadAsync(RandomBudgets.Year, ConsolidationScope.County, ClassificationTree.Function);
        var economic = await consolidation.GetTreeLoadAsync(RandomBudgets.Year, ConsolidationScope.County, ClassificationTree.Economic);

        var baseline = consolidate.TotalMilliseconds;
        string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture);
        string Ratio(TimeSpan time) => (time.TotalMilliseconds / baseline).ToString("N1", CultureInfo.InvariantCulture);
        var report = new StringWriter(CultureInfo.InvariantCulture);
        report.WriteLine($"| grains, K = {units} units | ms | ratio to baseline |");
        report.WriteLine("| --- | ---: | ---: |");
        report.WriteLine($"| domain: DisclosureTables.Consolidate of the K units (baseline) | {Ms(consolidate)} | 1.0 |");
        report.WriteLine($"| domain: the K submissions' validation (JSON, ReadAndValidate), one thread | {Ms(validate)} | {Ratio(validate)} |");
        report.WriteLine($"| grains: all K submissions acknowledged | {Ms(run.Value.Submitted)} | {Ratio(run.Value.Submitted)} |");
        report.WriteLine($"| grains: county roots exact (from the first submission) | {Ms(run.Value.Exact)} | {Ratio(run.Value.Exact)} |");
        report.WriteLine($"| grains: of which after the last acknowledgement (cadence) | {Ms(run.Value.Exact - run.Value.Submitted)} | {Ratio(run.Value.Exact - run.Value.Submitted)} |");
        report.WriteLine();
        report.WriteLine($"submissions per second: {(units / run.Value.Submitted.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} (all {units} accepted)");
        report.WriteLine();
        report.WriteLine("| county tree | nodes | calls at the leaves | calls at the root | root/leaf ratio |");
        report.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, load) in new[] { ("function", function), ("economic", economic) })
        {
            report.WriteLine($"| {name} | {load.Nodes} | {load.LeafCalls} | {load.RootCalls} | {load.RootToLeafRatio.ToString("P1", CultureInfo.InvariantCulture)} |");
        }

        return (0, report.ToString());
    }

    /// <summary>One silo with the "budget" memory storage serialized by the Orleans serializer, as the grain tests set it up.</summary>
    private static async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddConsolidationGrains();
            silo.AddMemoryGrainStorage(GrainStorage.ProviderName, options => options.Configure<Serializer>(
                (memory, serializer) => memory.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>
    /// Submits every document at once, then polls both county roots until they equal the expected sum. Returns the time to
    /// the last acknowledgement and to exact roots, both from the first submission; null on a rejection or a timeout.
    /// </summary>
    private static async Task<(TimeSpan Submitted, TimeSpan Exact)?> SubmitAndWaitAsync(IClusterClient client, IReadOnlyList<BudgetDocument> documents)
    {
        var expected = ExpectedRoot(documents);
        var roots = new[] { ClassificationTree.Function, ClassificationTree.Economic }
            .Select(tree => client.GetNode(NodeKey.Root(RandomBudgets.Year, ConsolidationScope.County, tree)))
            .ToArray();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(documents.Select(d =>
            client.GetBudgetUnit(RandomBudgets.Year, d.UnitCode).SubmitAsync(new BudgetSubmission(d, "benchmark", "throughput run", $"{d.UnitCode}-1"))));
        var submitted = clock.Elapsed;
        if (results.Any(r => !r.Accepted))
        {
            var refused = results.First(r => !r.Accepted);
            throw new InvalidOperationException($"a submission was not accepted: {refused.Outcome} {refused.Error} {string.Join("; ", refused.Findings.Take(5))}");
        }

        while (clock.Elapsed < Timeout)
        {
            var snapshots = await Task.WhenAll(roots.Select(r => r.GetAsync()));
            if (snapshots.All(s => s.Measures.Equals(expected)))
            {
                return (submitted, clock.Elapsed);
            }

            await Task.Delay(5);
        }

        return null;
    }

    /// <summary>
    /// The county root computed from the documents' lines alone — not by the grains, nor by the code the grains use: every
    /// line except payments to a unit of the county; 人员经费 is basic spending of economic 301 and 303.
    /// </summary>
    private static Measures ExpectedRoot(IReadOnlyList<BudgetDocument> documents)
    {
        var units = documents.Select(d => d.UnitCode).ToHashSet(StringComparer.Ordinal);
        decimal total = 0m, personnel = 0m, publicSpending = 0m, project = 0m;
        var bySource = new SortedDictionary<FundSource, decimal>();
        foreach (var line in documents.SelectMany(d => d.Lines).Where(l => l.PayeeUnitCode is not { } payee || !units.Contains(payee)))
        {
            total += line.Amount;
            if (line.Category == ExpenditureCategory.Project)
            {
                project += line.Amount;
            }
            else if (line.EconomicCode.StartsWith("301", StringComparison.Ordinal) || line.EconomicCode.StartsWith("303", StringComparison.Ordinal))
            {
                personnel += line.Amount;
            }
            else
            {
                publicSpending += line.Amount;
            }

            bySource[line.FundSource] = bySource.GetValueOrDefault(line.FundSource) + line.Amount;
        }

        return new Measures(total, personnel, publicSpending, project, bySource.Where(p => p.Value != 0m).ToImmutableSortedDictionary());
    }

    /// <summary>The median wall-clock time of <paramref name="runs"/> runs, once the code is warm (<see cref="SteadyState"/>).</summary>
    private static TimeSpan Median(int runs, Action action)
    {
        SteadyState.WarmUp(action, minCalls: 3);
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }
}
