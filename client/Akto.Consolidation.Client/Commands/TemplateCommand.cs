using System.CommandLine;
using Akto.Consolidation.Client.Forms;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto template --year Y --out form.xlsx [--from budget.json]</c>: the Excel form (单位预算填报表) of a year, with the
/// year's catalogs as drop-down lists; <c>--from</c> fills it with a budget document. Exit 0, or 2 when the year has no
/// catalog or a file cannot be read or written.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var year = new Option<int>("--year") { Description = "预算年度 (budget year)", Required = true };
        var outFile = new Option<FileInfo>("--out") { Description = "写入的 XLSX 文件 (the form to write)", Required = true };
        var from = new Option<FileInfo?>("--from") { Description = "用预算文档预填 (fill the form with this budget document)" };
        var command = new Command("template", "生成单位预算填报表 XLSX (write the Excel budget form of a year).") { year, outFile, from };
        command.SetAction(parse => Run(parse.GetValue(year), parse.GetValue(outFile)!, parse.GetValue(from), parse.GetValue(catalogs), output, error));
        return command;
    }

    public static int Run(int year, FileInfo outFile, FileInfo? from, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs))
        {
            return ExitCodes.Unreadable;
        }

        Domain.Documents.BudgetDocument? document = null;
        if (from is not null)
        {
            if (!BudgetFile.TryRead(from, error, out var bytes))
            {
                return ExitCodes.Unreadable;
            }

            var read = Domain.Documents.BudgetDocumentReader.Read(bytes);
            if (read.Document is null)
            {
                foreach (var finding in read.Findings)
                {
                    error.WriteLine($"{from.Name}: {finding}");
                }

                return ExitCodes.Unreadable;
            }

            document = read.Document;
            if (document.Year != year)
            {
                error.WriteLine($"{from.Name}: 预算年度是 {document.Year}，不是 {year} (the document is of {document.Year}, not {year})");
                return ExitCodes.Invalid;
            }
        }

        if (!CliCatalogs.TryGet(catalogs, year, error, out var catalog))
        {
            return ExitCodes.Unreadable;
        }

        try
        {
            outFile.Directory?.Create();
            using var stream = File.Create(outFile.FullName);
            BudgetFormWriter.Write(stream, catalog, document);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{outFile.FullName}: 无法写入 (cannot write): {e.Message}");
            return ExitCodes.Unreadable;
        }

        output.WriteLine($"已写入 {outFile.FullName}");
        return ExitCodes.Ok;
    }
}
