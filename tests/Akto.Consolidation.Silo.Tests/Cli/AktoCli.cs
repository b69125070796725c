using Akto.Consolidation.Client;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Cli;

/// <summary>Runs the <c>akto</c> command line in-process against a silo, with a config file of its own (never the user's).</summary>
internal static class AktoCli
{
    public static string NoConfig { get; } = Path.Combine(Path.GetTempPath(), "akto-no-config-" + Guid.NewGuid().ToString("N"), "config.json");

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = AktoCommandLine.Run(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A networked command against <paramref name="silo"/> with the finance bureau's key.</summary>
    public static (int Exit, string Output, string Error) Against(RunningSilo silo, params string[] args) =>
        Run([.. args, "--server", silo.Http.BaseAddress!.ToString(), "--key", silo.Options.AdminKey, "--config", NoConfig]);
}
