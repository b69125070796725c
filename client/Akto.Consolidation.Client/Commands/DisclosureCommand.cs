using System.CommandLine;
using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto disclosure FILE [FILE…] --format json|csv|md|html|xlsx [--out DIR] [--glossary FILE]</c>: the eleven tables of
/// one document, or the consolidated tables of several (department when they share a 主管部门, county otherwise); html and
/// xlsx render the whole disclosure document (第一部分 to 第四部分, <see cref="DisclosureDocumentBuilder"/>).
/// </summary>
internal static class DisclosureCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "预算文档 (one or more)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json | csv | md | html | xlsx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "md", "html", "xlsx");
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "写入目录 (write files here instead of standard output; required for xlsx)" };
        var glossary = new Option<FileInfo?>("--glossary") { Description = "名词解释文件 (html/xlsx: a glossary JSON file instead of the shipped one of the year)" };
        var command = new Command("disclosure", "生成预算公开表 1–11 或整份公开文档 (render disclosure tables, or the whole document as html/xlsx).") { files, format, outDirectory, glossary };
        command.SetAction(parse =>
        {
            PublishedAmount.TryParseDocumentFormat(parse.GetValue(format), out var chosen);
            return Run(parse.GetValue(files)!, chosen, parse.GetValue(outDirectory), parse.GetValue(catalogs), output, error, parse.GetValue(glossary));
        });
        return command;
    }

    public static int Run(
        IReadOnlyList<FileInfo> files,
        DisclosureFormat format,
        DirectoryInfo? outDirectory,
        DirectoryInfo? catalogDirectory,
        TextWriter output,
        TextWriter error,
        FileInfo? glossaryFile = null)
    {
        if (format == DisclosureFormat.Xlsx && outDirectory is null)
        {
            error.WriteLine("xlsx 须指定 --out 目录 (xlsx is written to a directory: give --out DIR).");
            return ExitCodes.Invalid;
        }

        Glossary? glossary = null;
        if (glossaryFile is not null)
        {
            try
            {
                glossary = Glossary.ReadFile(glossaryFile.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
            {
                error.WriteLine($"{glossaryFile.Name}: 无法读取名词解释 (cannot read the glossary): {e.Message}");
                return ExitCodes.Unreadable;
            }
        }

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

        if (format is DisclosureFormat.Html or DisclosureFormat.Xlsx)
        {
            WriteDocument(DisclosureDocumentBuilder.ForScope(documents, catalog, glossary), format, outDirectory, output);
            return exit;
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

    /// <summary>The whole document as HTML (standard output or DIR/…-disclosure.html) or XLSX (DIR/…-disclosure.xlsx).</summary>
    private static void WriteDocument(DisclosureDocument document, DisclosureFormat format, DirectoryInfo? outDirectory, TextWriter output)
    {
        if (outDirectory is null)
        {
            output.Write(HtmlDisclosureWriter.ToHtml(document));
            return;
        }

        outDirectory.Create();
        var stem = $"{document.Year}-{document.Scope.ToString().Replace(':', '-')}";
        var path = Path.Combine(outDirectory.FullName, $"{stem}-disclosure.{(format == DisclosureFormat.Xlsx ? "xlsx" : "html")}");
        using (var stream = File.Create(path))
        {
            if (format == DisclosureFormat.Xlsx)
            {
                XlsxDisclosureWriter.Write(document, stream);
            }
            else
            {
                HtmlDisclosureWriter.Write(document, stream);
            }
        }

        output.WriteLine($"已写入 {path}");
    }

    private static string Render(DisclosureSet set, DisclosureFormat format) => format switch
    {
        DisclosureFormat.Csv => DisclosureTextWriter.ToCsv(set),
        DisclosureFormat.Markdown => DisclosureTextWriter.ToMarkdown(set),
        _ => DisclosureJsonWriter.ToJson(set) + "\n",
    };
}
