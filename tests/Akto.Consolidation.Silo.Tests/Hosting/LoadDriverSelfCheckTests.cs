using System.Diagnostics;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>
/// The benchmark's load driver in its self-check mode, as part of the suite: the real silo process on the embedded
/// SQLite, 50 units over HTTP, every tree node of the county and of every department against the driver's own sums,
/// then SIGKILL at the peak of a load, restart, every acknowledged version read back and every tree node again.
/// </summary>
public sealed class LoadDriverSelfCheckTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("akto-selfcheck-").FullName;

    [Fact]
    public async Task The_self_check_loses_nothing_and_every_tree_node_equals_the_drivers_sums_before_and_after_a_SIGKILL()
    {
        var report = Path.Combine(_work, "report.md");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BuildOutput.Of("tests", "Akto.Consolidation.LoadDriver", "Akto.Consolidation.LoadDriver.dll"));
        foreach (var argument in new[] { "--self-check", "--silo", BuildOutput.Silo(), "--work", _work, "--out", report })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var log = await output + await errors;
        Assert.True(process.ExitCode == 0, $"the self-check failed (exit {process.ExitCode}):\n{log}");
        var rows = File.ReadAllLines(report).Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Contains(rows, r => r.StartsWith("| every tree node = driver's sum, after the load |", StringComparison.Ordinal) && r.EndsWith("| met |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| every tree node = driver's sum, after SIGKILL and restart |", StringComparison.Ordinal) && r.EndsWith("| met |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| recovery after SIGKILL: acknowledged data kept |", StringComparison.Ordinal) && r.EndsWith("| met |", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A silo still closing its files: the temporary directory is left behind.
        }
    }
}
