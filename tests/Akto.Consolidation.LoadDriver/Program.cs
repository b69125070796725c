using Akto.Consolidation.LoadDriver;
using Akto.Consolidation.LoadDriver.Data;
using Akto.Consolidation.LoadDriver.Report;
using Akto.Consolidation.LoadDriver.Silo;

// Issue 9's load driver: see README.md beside this file and scripts/bench.sh.

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(DriverOptions.Usage);
    return 0;
}

DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(DriverOptions.Usage);
    return 2;
}

if (!File.Exists(options.SiloDll))
{
    Console.Error.WriteLine($"the silo is not built: {options.SiloDll} (dotnet build -c Release silo/Akto.Consolidation.Silo)");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Directory.CreateDirectory(options.WorkDirectory);
var maxUnits = options.Sizes.Max();
Console.WriteLine($"preparing {options.Data} data for {maxUnits:N0} units…");
var set = UnitSet.Create(options.Data, maxUnits);
set.CheckValid();
var probe = ProbeUnit.For(set);
Console.WriteLine($"{set.Description}; probe {ProbeUnit.UnitCode} on function {probe.FunctionCode}, economic {probe.EconomicCode}");

var report = new BenchmarkReport(options, set.Description);
var run = new BenchmarkRun(options, set, probe, report);
foreach (var storage in options.Storages)
{
    var target = storage == "postgres"
        ? new StorageTarget("PostgreSQL (durable)", options.Postgres, null)
        : new StorageTarget("SQLite (embedded)", null, Path.Combine(options.WorkDirectory, $"sqlite-{DateTime.UtcNow:HHmmss}"));
    await run.RunAsync(target, stop.Token);
}

var markdown = report.Markdown();
Console.WriteLine();
Console.WriteLine(markdown);
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, markdown, stop.Token);
    Console.WriteLine($"wrote {output}");
}

foreach (var failure in run.Failures)
{
    Console.Error.WriteLine($"FAILED: {failure}");
}

return run.Failures.Count == 0 ? 0 : 1;
