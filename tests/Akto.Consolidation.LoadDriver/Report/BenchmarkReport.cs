using System.Globalization;
using System.Text;

namespace Akto.Consolidation.LoadDriver.Report;

/// <summary>One figure of the report: what was measured where, its value and percentiles, the baseline and the target.</summary>
public sealed record Figure(string Measure, string Storage, string Units, string Clients, string Value, string P50, string P99, string Baseline, string Target, string Verdict);

/// <summary>Collects the run's figures and writes them as a console table and as docs/benchmarks.md.</summary>
public sealed class BenchmarkReport(DriverOptions options, string dataDescription)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly string _loadAtStart = Machine.LoadAverage();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.Measure} [{figure.Storage}, {figure.Units} units, {figure.Clients} clients]: {figure.Value}"
            + (figure.P50.Length > 0 ? $" p50 {figure.P50} p99 {figure.P99}" : "") + (figure.Baseline.Length > 0 ? $"; baseline {figure.Baseline}" : "") + (figure.Target.Length > 0 ? $" (target {figure.Target}: {figure.Verdict})" : ""));
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks (issue 9)");
        md.AppendLine();
        md.AppendLine("Written by `scripts/bench.sh` (the load driver `tests/Akto.Consolidation.LoadDriver`); do not edit by hand.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Run: `{options.Mode}`, {_started:yyyy-MM-dd HH:mm} UTC, {Math.Round((DateTimeOffset.UtcNow - _started).TotalMinutes, 1)} min, git commit `{Machine.GitCommit()}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores (nproc), {Machine.MemoryText()}, {Machine.CpuModel()}; load average at start {_loadAtStart}, at end {Machine.LoadAverage()}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: {dataDescription}; submission runs of {options.Duration.TotalSeconds:0} s, preload budget {options.PreloadBudget.TotalSeconds:0} s per size, reads {options.ReadDuration.TotalSeconds:0} s");
        md.AppendLine("- Latencies in ms, percentiles exact over every sample (nearest rank); money in 万元, exact decimals.");
        if (double.TryParse(_loadAtStart.Split(' ')[0], CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Measured on a busy machine** (load average {load:0.0} on {Environment.ProcessorCount} cores at the start): the figures are noisy; compare ratios within this run only.");
        }

        if (Environment.GetEnvironmentVariable("AKTO_BENCH_LABEL") is { Length: > 0 } label)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{label}**");
        }

        md.AppendLine();
        md.AppendLine("| measure | storage | units | clients | value | p50 | p99 | baseline (same run) | target | verdict |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |");
        foreach (var f in _figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Measure} | {f.Storage} | {f.Units} | {f.Clients} | {f.Value} | {f.P50} | {f.P99} | {f.Baseline} | {f.Target} | {f.Verdict} |");
        }

        if (_notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in _notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        md.AppendLine();
        md.AppendLine("""
            ## How each figure is measured

            - **submissions/s, ack**: closed-loop clients PUT whole budget documents (each client owns its units; after the
              first version every PUT carries `If-Match`); ack = PUT sent → 200/201 received. The rate counts acknowledged
              submissions over the run's wall time.
            - **staleness**: probe unit 999001, alone in its department, books one line on a function 项 and economic 款 no
              other unit uses; it is resubmitted every 250 ms with a new amount during the first submission run of a size, and
              from each acknowledgement the county and department function trees (depth 3) are polled back to back until the
              probe's 项 shows the new amount.
            - **tree read / ROLLUP**: one client, sequential GETs of the county function tree to depth 3 after 5 warm-up reads;
              the baseline is `GROUP BY ROLLUP (类, 款, 项)` over `bench_line_items` in the same PostgreSQL, holding the
              acknowledged documents' lines (payments to a unit of the county eliminated; its grand total is checked against
              the driver's own sum). ratio = ROLLUP p50 / tree p50.
            - **working set**: VmRSS of the silo process after the reads of a size.
            - **bytes/submission**: PostgreSQL: WAL bytes (`pg_current_wal_lsn()` difference) over the submission run /
              acknowledged submissions; SQLite: `write_bytes` of the silo's /proc/pid/io over the same.
            - **recovery**: SIGKILL during a 16-client load, restart, read back every loaded unit's version (none may be below
              its acknowledged version), recompute the county root from the stored versions, and time until the silo shows it.
            """);
        return md.ToString();
    }

    public static string Ms(double? value) => value is { } v ? v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "—";

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"met"; "not met" (noting when the size was not reached either); "not reached" when the figure met its target on fewer units than the size.</summary>
    public static string Verdict(bool reached, bool met) => (reached, met) switch
    {
        (true, true) => "met",
        (true, false) => "not met",
        (false, true) => "not reached",
        (false, false) => "not met (size not reached)",
    };
}

/// <summary>What the report says about the machine.</summary>
public static class Machine
{
    public static string CpuModel() => ReadField("/proc/cpuinfo", "model name") ?? "CPU model unknown";

    public static string MemoryText() => ReadField("/proc/meminfo", "MemTotal") is { } total
        ? $"{long.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB memory"
        : "memory unknown";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static string GitCommit() => Environment.GetEnvironmentVariable("AKTO_BENCH_COMMIT") is { Length: > 0 } commit ? commit : "unknown";

    private static string? ReadField(string path, string name) => File.Exists(path)
        ? File.ReadLines(path).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
        : null;
}
