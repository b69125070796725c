using System.CommandLine;
using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Reporting.Document;
using Akto.Consolidation.Reporting.Pdf;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto disclosure FILE [FILE…] --format json|csv|md|html|xlsx|pdf [--unit 万元|元] [--out DIR] [--glossary FILE] [--draft]</c>:
/// the eleven tables of one document, or the consolidated tables of several (department when they share a 主管部门, county
/// otherwise); html, xlsx and pdf render the whole disclosure document (第一部分 to 第四部分, <see cref="DisclosureDocumentBuilder"/>),
/// pdf printed by headless chromium (<see cref="ChromiumPdfPrinter"/>; exit 2 with one line when chromium is missing).
/// A document with errors is refused (exit 1, the findings on standard error, nothing rendered) unless <c>--draft</c>,
/// which renders it stamped 草稿 with its errors listed (<see cref="DraftNotice"/>) and still exits 1.
/// </summary>
internal static class DisclosureCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "预算文档 (one or more)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "json | csv | md | html | xlsx | pdf", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "md", "html", "xlsx", "pdf");
        var unit = new Option<string>("--unit") { Description = "公开金额单位 (published unit): 万元 | 元", DefaultValueFactory = _ => "万元" };
        unit.AcceptOnlyFromAmong("万元", "元", "wanyuan", "yuan");
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "写入目录 (write files here instead of standard output; required for xlsx and pdf)" };
        var glossary = new Option<FileInfo?>("--glossary") { Description = "名词解释文件 (html/xlsx: a glossary JSON file instead of the shipped one of the year)" };
        var draft = new Option<bool>("--draft") { Description = "草稿: 有错误也生成，每页标注“草稿”并列出错误 (render a document with errors as a stamped draft)" };
        var command = new Command("disclosure", "生成预算公开表 1–11 或整份公开文档 (render disclosure tables, or the whole document as html/xlsx).") { files, format, unit, outDirectory, glossary, draft };
        command.SetAction(parse =>
        {
            PublishedAmount.TryParseDocumentFormat(parse.GetValue(format), out var chosen);
            PublishedUnits.TryParse(parse.GetValue(unit), out var published);
            return Run(parse.GetValue(files)!, chosen, parse.GetValue(outDirectory), parse.GetValue(catalogs), output, error, parse.GetValue(glossary), parse.GetValue(draft), published);
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
        FileInfo? glossaryFile = null,
        bool draft = false,
        PublishedUnit unit = PublishedUnit.TenThousandYuan)
    {
        if (format is DisclosureFormat.Xlsx or DisclosureFormat.Pdf && outDirectory is null)
        {
            error.WriteLine($"{format.ToString().ToLowerInvariant()} 须指定 --out 目录 ({format.ToString().ToLowerInvariant()} is written to a directory: give --out DIR).");
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
        var errors = new List<string>();
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
                errors.Add(files.Count > 1 ? $"{file.Name}: {finding}" : finding.ToString());
            }

            if (document is null)
            {
                return unreadable ? ExitCodes.Unreadable : ExitCodes.Invalid;
            }

            documents.Add(document);
        }

        if (documents.Select(d => d.Year).Distinct().Count() > 1)
        {
            error.WriteLine("不能合并不同年度的预算 (documents are of different years).");
            return ExitCodes.Invalid;
        }

        // Tables of a document with errors would be published with wrong or misnamed rows: refuse, unless asked for a draft.
        if (errors.Count > 0 && !draft)
        {
            error.WriteLine($"文档有 {errors.Count} 项错误，不生成公开表；修正后重试，或用 --draft 生成草稿 (the document has errors: nothing rendered; use --draft for a stamped draft).");
            return ExitCodes.Invalid;
        }

        var notice = draft ? new DraftNotice(errors) : null;
        var exit = errors.Count > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
        if (format is DisclosureFormat.Html or DisclosureFormat.Xlsx or DisclosureFormat.Pdf)
        {
            try
            {
                WriteDocument(DisclosureDocumentBuilder.ForScope(documents, catalog, glossary, unit) with { Draft = notice }, format, outDirectory, output);
            }
            catch (PdfPrinterUnavailableException e)
            {
                error.WriteLine($"akto: {e.Message}");
                return ExitCodes.Unreadable;
            }

            return exit;
        }

        var set = DisclosureTables.Consolidate(documents, DisclosureTables.ScopeOf(documents), catalog).In(unit);
        if (outDirectory is null)
        {
            output.Write(Render(set, format, notice));
            return exit;
        }

        outDirectory.Create();
        var stem = $"{set.Year}-{set.Scope.ToString().Replace(':', '-')}";
        if (format == DisclosureFormat.Csv)
        {
            foreach (var table in set.Tables)
            {
                File.WriteAllText(Path.Combine(outDirectory.FullName, $"{stem}-table-{table.Id:00}.csv"), DisclosureTextWriter.ToCsv(table, notice), new UTF8Encoding(true));
            }
        }
        else
        {
            var extension = format == DisclosureFormat.Json ? "json" : "md";
            File.WriteAllText(Path.Combine(outDirectory.FullName, $"{stem}-disclosure.{extension}"), Render(set, format, notice), new UTF8Encoding(false));
        }

        output.WriteLine($"已写入 {outDirectory.FullName}");
        return exit;
    }

    /// <summary>The whole document as HTML (standard output or DIR/…-disclosure.html), XLSX or PDF (DIR/…-disclosure.xlsx|pdf).</summary>
    private static void WriteDocument(DisclosureDocument document, DisclosureFormat format, DirectoryInfo? outDirectory, TextWriter output)
    {
        if (outDirectory is null)
        {
            output.Write(HtmlDisclosureWriter.ToHtml(document));
            return;
        }

        outDirectory.Create();
        var stem = $"{document.Year}-{document.Scope.ToString().Replace(':', '-')}";
        var path = Path.Combine(outDirectory.FullName, $"{stem}-disclosure.{format.ToString().ToLowerInvariant()}");
        if (format == DisclosureFormat.Pdf)
        {
            // The command line is a console process without a synchronization context: waiting here cannot deadlock.
            var pdf = PrintAsync(document).GetAwaiter().GetResult();
            File.WriteAllBytes(path, pdf);
            output.WriteLine($"已写入 {path}");
            return;
        }

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

    private static async Task<byte[]> PrintAsync(DisclosureDocument document)
    {
        await using var printer = new ChromiumPdfPrinter();
        return await printer.PrintAsync(document);
    }

    private static string Render(DisclosureSet set, DisclosureFormat format, DraftNotice? draft) => format switch
    {
        DisclosureFormat.Csv => DisclosureTextWriter.ToCsv(set, draft),
        DisclosureFormat.Markdown => DisclosureTextWriter.ToMarkdown(set, draft),
        _ => DisclosureJsonWriter.ToJson(set, draft) + "\n",
    };
}
