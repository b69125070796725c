using System.Diagnostics;

namespace Akto.Consolidation.Client.Tests.Commands;

/// <summary>Runs <c>akto</c> in-process (the real command tree) or as the built executable.</summary>
internal static class CliRun
{
    public static string Seed { get; } = Path.Combine(AppContext.BaseDirectory, "seeds", "2024", "akto-hrss.budget.json");

    public static (int Exit, string Output, string Error) InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = AktoCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The built <c>akto.dll</c>, started with <c>dotnet</c> like a user would.</summary>
    public static Task<(int Exit, string Output, string Error)> ProcessAsync(params string[] args) => ProcessAsync(new Dictionary<string, string>(), args);

    /// <summary>akto in a process of its own with <paramref name="environment"/> added to the test's.</summary>
    public static async Task<(int Exit, string Output, string Error)> ProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8 };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "akto.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    public static string CopyOfSeed(Func<string, string> edit)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("akto-cli").FullName, "budget.json");
        File.WriteAllText(path, edit(File.ReadAllText(Seed)));
        return path;
    }
}
