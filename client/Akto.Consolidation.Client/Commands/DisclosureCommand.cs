using System.CommandLine;
using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto disclosure FILE [FILE…] --format json|csv|md [--out DIR]</c>: the eleven tables of one document, or the
/// consolidated tables of several (department when they share a 主管部门, county otherwise).
/// </summary>
internal static class DisclosureCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "预算文档 (one or more)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json | csv | md", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "md");
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "写入目录 (write files here instead of standard output)" };
        var command = new Command("disclosure", "生成预算公开表 1–11 (render disclosure tables).") { files, format, outDirectory };
        command.SetAction(parse =>
        {
            PublishedAmount.TryParseFormat(parse.GetValue(format), out var chosen);
            return Run(parse.GetValue(files)!, chosen, parse.GetValue(outDirectory), parse.GetValue(catalogs), output, error);
        });
        return command;
    }

    public static int Run(IReadOnlyList<FileInfo> files, DisclosureFormat format, DirectoryInfo? outDirectory, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs))
        {
            return ExitCodes.Unreadable;
        }

        var documents = new List<BudgetDocument>();
        ClassificationCatalog? catalog = null;
        var exit = ExitCodes.Ok;
        foreach (var file in files)
        {
            if (!BudgetFile.TryRead(file, error, out var bytes) || !CliCatalogs.TryReadAndValidate(bytes, catalogs, error, out var result, out var fileCatalog))
            {
                return ExitCodes.Unreadable;
            }

            var (document, report, unreadable) = result;
            catalog ??= fileCatalog;
            foreach (var finding in report.Errors)
            {
                error.WriteLine($"{file.Name}: {finding}");
            }

            if (document is null)
            {
                return unreadable ? ExitCodes.Unreadable : ExitCodes.Invalid;
            }

            if (report.HasErrors)
            {
                exit = ExitCodes.Invalid;
            }

            documents.Add(document);
        }

        if (documents.Select(d => d.Year).Distinct().Count() > 1)
        {
            error.WriteLine("不能合并不同年度的预算 (documents are of different years).");
            return ExitCodes.Invalid;
        }

        var set = DisclosureTables.Consolidate(documents, DisclosureTables.ScopeOf(documents), catalog);
        if (outDirectory is null)
        {
            output.Write(Render(set, format));
            return exit;
        }

        outDirectory.Create();
        var stem = $"{set.Year}-{set.Scope.ToString().Replace(':', '-')}";
        if (format == DisclosureFormat.Csv)
        {
            foreach (var table in set.Tables)
            {
                File.WriteAllText(Path.Combine(outDirectory.FullName, $"{stem}-table-{table.Id:00}.csv"), DisclosureTextWriter.ToCsv(table), new UTF8Encoding(true));
            }
        }
        else
        {
            var extension = format == DisclosureFormat.Json ? "json" : "md";
            File.WriteAllText(Path.Combine(outDirectory.FullName, $"{stem}-disclosure.{extension}"), Render(set, format), new UTF8Encoding(false));
        }

        output.WriteLine($"已写入 {outDirectory.FullName}");
        return exit;
    }

    private static string Render(DisclosureSet set, DisclosureFormat format) => format switch
    {
        DisclosureFormat.Csv => DisclosureTextWriter.ToCsv(set),
        DisclosureFormat.Markdown => DisclosureTextWriter.ToMarkdown(set),
        _ => DisclosureJsonWriter.ToJson(set) + "\n",
    };
}
