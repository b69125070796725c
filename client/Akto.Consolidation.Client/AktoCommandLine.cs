using System.CommandLine;
using Akto.Consolidation.Client.Commands;

namespace Akto.Consolidation.Client;

/// <summary>The <c>akto</c> command tree, writing to the given streams (tests pass string writers).</summary>
internal static class AktoCommandLine
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("akto — 阿克陶县预算汇总: validate budget documents, render disclosure tables (单位预算公开表) and generate synthetic counties.");
        var catalogs = CliCatalogs.CreateOption();
        root.Options.Add(catalogs);
        root.Subcommands.Add(ValidateCommand.Create(output, error, catalogs));
        root.Subcommands.Add(DisclosureCommand.Create(output, error, catalogs));
        root.Subcommands.Add(ExplainCommand.Create(output, error, catalogs));
        root.Subcommands.Add(CatalogCommand.Create(output, error, catalogs));
        root.Subcommands.Add(KeysCommand.Create(output, error));
        root.Subcommands.Add(ReportsCommand.Create(output, error));
        root.Subcommands.Add(GenerateCountyCommand.Create(output, error, catalogs));
        root.Subcommands.Add(TemplateCommand.Create(output, error, catalogs));
        root.Subcommands.Add(ImportXlsxCommand.Create(output, error, catalogs));
        root.Subcommands.Add(CheckPublishedCommand.Create(output, error));
        root.Subcommands.Add(LoginCommand.Create(output, error));
        root.Subcommands.Add(SubmitCommand.Create(output, error, catalogs));
        root.Subcommands.Add(SubmitDirCommand.Create(output, error, catalogs));
        root.Subcommands.Add(StatusCommand.Create(output, error));
        root.Subcommands.Add(WorkflowCommand.Create(output, error));
        root.Subcommands.Add(VersionsCommand.Create(output, error));
        root.Subcommands.Add(DiffCommand.Create(output, error));
        root.Subcommands.Add(ConsolidationCommand.Create(output, error));
        return root;
    }

    /// <summary>
    /// Runs the command line. A usage error (unknown option, missing argument, a value that does not parse) prints every
    /// error and a pointer to the help, and exits 2 like any other usage problem.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create(output, error).Parse(args);
        return UsageError(parse, error) ?? parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>As <see cref="Run"/>, stopped by <paramref name="cancellationToken"/> as by Ctrl+C (tests of <c>--watch</c>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parse = Create(output, error).Parse(args);
        return UsageError(parse, error) ?? await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static int? UsageError(ParseResult parse, TextWriter error)
    {
        if (parse.Errors.Count == 0)
        {
            return null;
        }

        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"akto: {problem.Message}");
        }

        error.WriteLine("akto --help 查看用法 (see akto --help for usage)");
        return ExitCodes.Unreadable;
    }
}
