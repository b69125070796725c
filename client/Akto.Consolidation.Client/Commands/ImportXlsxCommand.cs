using System.CommandLine;
using System.Text.Json;
using Akto.Consolidation.Client.Forms;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto import-xlsx form.xlsx --out budget.json</c>: reads a filled 单位预算填报表 into a budget document. Every cell
/// it cannot use is listed (sheet!cell: why) and nothing is written (exit 1). Otherwise the document is written and
/// validated: its findings are printed, exit 1 with errors (the file is still written, to be corrected), else 0.
/// Exit 2 when the file cannot be read as a workbook or the output cannot be written.
/// </summary>
internal static class ImportXlsxCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "填好的填报表 (the filled XLSX form)" };
        var outFile = new Option<FileInfo>("--out") { Description = "写入的预算文档 JSON (the budget document to write)", Required = true };
        var command = new Command("import-xlsx", "读取单位预算填报表，写出预算文档 (read a filled Excel form into a budget document).") { file, outFile };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(outFile)!, parse.GetValue(catalogs), output, error));
        return command;
    }

    public static int Run(FileInfo file, FileInfo outFile, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs))
        {
            return ExitCodes.Unreadable;
        }

        FormReadResult result;
        try
        {
            using var stream = File.OpenRead(file.FullName);
            result = BudgetFormReader.Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{file.FullName}: 无法读取 (cannot read): {e.Message}");
            return ExitCodes.Unreadable;
        }

        if (result.Document is not { } document)
        {
            foreach (var problem in result.Problems)
            {
                error.WriteLine($"{file.Name}: {problem}");
            }

            error.WriteLine($"{file.Name}: {result.Problems.Count} 个单元格无法使用，未写出预算文档 ({result.Problems.Count} cells cannot be used; nothing written)");
            return ExitCodes.Invalid;
        }

        try
        {
            outFile.Directory?.Create();
            File.WriteAllText(outFile.FullName, JsonSerializer.Serialize(document, BudgetJson.Indented) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{outFile.FullName}: 无法写入 (cannot write): {e.Message}");
            return ExitCodes.Unreadable;
        }

        output.WriteLine($"已写入 {outFile.FullName}");
        if (!CliCatalogs.TryGet(catalogs, document.Year, error, out var catalog))
        {
            return ExitCodes.Unreadable;
        }

        var report = BudgetValidator.Validate(document, catalog);
        foreach (var finding in report.Findings.OrderBy(f => f.Severity))
        {
            error.WriteLine($"{outFile.Name}: {finding}");
        }

        return report.HasErrors ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
