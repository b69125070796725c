using System.CommandLine;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Reporting.Explanations;

namespace Akto.Consolidation.Client.Commands;

/// <summary><c>akto explain FILE</c>: 第三部分 预算情况说明 of one unit, written from its data.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "预算文档 (budget document JSON)" };
        var command = new Command("explain", "生成预算情况说明 (write the explanations, 第三部分).") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(catalogs), output, error));
        return command;
    }

    public static int Run(FileInfo file, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs) || !BudgetFile.TryRead(file, error, out var bytes))
        {
            return ExitCodes.Unreadable;
        }

        if (!CliCatalogs.TryReadAndValidate(bytes, catalogs, error, out var result, out var catalog))
        {
            return ExitCodes.Unreadable;
        }

        var (document, report, unreadable) = result;
        foreach (var finding in report.Errors)
        {
            error.WriteLine($"{file.Name}: {finding}");
        }

        if (document is null)
        {
            return unreadable ? ExitCodes.Unreadable : ExitCodes.Invalid;
        }

        output.Write(ExplanationWriter.Render(document, DisclosureTables.For(document, catalog), catalog));
        return report.HasErrors ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
