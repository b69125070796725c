using System.Globalization;
using Akto.Consolidation.Benchmarks;
using Akto.Consolidation.Benchmarks.Domain;
using Akto.Consolidation.Benchmarks.Grains;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

const string Usage = """
    usage: dotnet run -c Release --project tests/Akto.Consolidation.Benchmarks -- <command>

      domain [BenchmarkDotNet args]   the domain benchmarks (all of them unless --filter is given),
                                      e.g. domain --filter '*Disclosure*' --job short
      grains [--units K]              the grain throughput run (K = 200 by default)
      quick                           grains with 50 units, then the domain benchmarks with a short job,
                                      then both results again as one summary
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

switch (args[0])
{
    case "domain":
        return RunDomain(args[1..]).ExitCode;
    case "grains":
        var units = GrainThroughputScenario.DefaultUnits;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--units" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out units) && units > 0)
            {
                i++;
            }
            else
            {
                Console.Error.WriteLine($"grains: unknown or invalid argument '{args[i]}'\n{Usage}");
                return 2;
            }
        }

        var run = await GrainThroughputScenario.RunAsync(units, Console.Out);
        Console.WriteLine();
        Console.WriteLine(run.Report);
        return run.ExitCode;
    case "quick":
        // ShortRun (1 launch, 3 warm-ups, 3 iterations) with 250 ms iterations: rough numbers, 2–3 minutes on 2 cores.
        var grains = await GrainThroughputScenario.RunAsync(50, Console.Out);
        Console.WriteLine();
        Console.WriteLine(grains.Report);
        var domain = RunDomain(["--job", "short", "--iterationTime", "250"]);
        Console.WriteLine();
        Console.WriteLine("// * quick: summary *");
        Console.WriteLine();
        Console.WriteLine(domain.Report);
        Console.WriteLine(grains.Report);
        return Math.Max(grains.ExitCode, domain.ExitCode);
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

static (int ExitCode, string Report) RunDomain(string[] arguments)
{
    var errors = RandomBudgets.Errors(DomainBenchmarks.Units(DomainBenchmarks.MaxUnits));
    if (errors.Count > 0)
    {
        Console.Error.WriteLine($"the generated documents are not valid:\n{string.Join('\n', errors.Take(20))}");
        return (1, "");
    }

    if (!arguments.Any(a => a is "--filter" or "-f"))
    {
        arguments = [.. arguments, "--filter", "*"];
    }

    // Artifacts (logs, reports) go beside the binaries, which the repository ignores; --artifacts overrides.
    var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(DomainBenchmarks).Assembly).Run(arguments, config).ToList();
    var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
    return (failed ? 1 : 0, RatioTable(summaries));
}

// Every benchmark's mean time and allocation over its class's baseline with the same parameters (ratios of the means).
static string RatioTable(IEnumerable<Summary> summaries)
{
    var table = new StringWriter(CultureInfo.InvariantCulture);
    table.WriteLine("| domain benchmark | params | mean | ratio | allocated | alloc ratio |");
    table.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
    foreach (var summary in summaries)
    {
        foreach (var group in summary.Reports.GroupBy(r => r.BenchmarkCase.Parameters.DisplayInfo))
        {
            var baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            foreach (var report in group)
            {
                var mean = report.ResultStatistics?.Mean;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                var baseMean = baseline?.ResultStatistics?.Mean;
                var baseAllocated = baseline?.GcStats.GetBytesAllocatedPerOperation(baseline.BenchmarkCase);
                var descriptor = report.BenchmarkCase.Descriptor;
                table.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {descriptor.Type.Name}.{descriptor.WorkloadMethod.Name}{(descriptor.Baseline ? " (baseline)" : "")} | {group.Key} | {Time(mean)} | {Ratio(mean, baseMean)} | {Bytes(allocated)} | {Ratio(allocated, baseAllocated)} |"));
            }
        }
    }

    return table.ToString();

    static string Ratio(double? value, double? baseline) =>
        value is { } v && baseline is > 0 ? (v / baseline.Value).ToString("N2", CultureInfo.InvariantCulture) : "?";

    static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:N2} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:N2} μs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:N0} ns"),
    };

    static string Bytes(long? bytes) => bytes is { } b
        ? string.Create(CultureInfo.InvariantCulture, $"{b / 1024d:N1} KB")
        : "?";
}
