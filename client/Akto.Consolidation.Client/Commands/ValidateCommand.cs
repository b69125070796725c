using System.CommandLine;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Client.Commands;

/// <summary><c>akto validate FILE</c>: prints every finding; exit 0 without errors, 1 with errors, 2 when unreadable.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "预算文档 (budget document JSON)" };
        var command = new Command("validate", "审核预算文档: print every finding (rule, severity, location, message).") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(catalogs), output, error));
        return command;
    }

    public static int Run(FileInfo file, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs) || !BudgetFile.TryRead(file, error, out var bytes))
        {
            return ExitCodes.Unreadable;
        }

        if (!CliCatalogs.TryReadAndValidate(bytes, catalogs, error, out var result, out _))
        {
            return ExitCodes.Unreadable;
        }

        var (_, report, unreadable) = result;
        foreach (var finding in report.Findings.OrderBy(f => f.Severity))
        {
            output.WriteLine($"{finding.RuleId}\t{(finding.Severity == Severity.Error ? "错误" : "警告")}\t{string.Join("; ", finding.Locations)}\t{finding.Message}");
        }

        var errors = report.Errors.Count();
        output.WriteLine($"{file.Name}: {errors} 个错误, {report.Warnings.Count()} 个警告 ({errors} errors, {report.Warnings.Count()} warnings)");
        return unreadable ? ExitCodes.Unreadable : report.HasErrors ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
