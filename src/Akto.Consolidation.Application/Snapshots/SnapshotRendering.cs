using System.Security.Cryptography;
using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>One stored file of a snapshot.</summary>
public sealed record SnapshotFile(string Path, string ContentType, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>Prints a disclosure document as PDF (the host's headless Chromium); absent when the host has none.</summary>
public interface ISnapshotPdfPrinter
{
    Task<byte[]> PrintAsync(DisclosureDocument document, CancellationToken cancellationToken);
}

/// <summary>
/// A unit of rendering work: one unit, one department or the county, under <see cref="Folder"/> (<c>units/{code}</c>,
/// <c>departments/{code}</c>, <c>county</c>): its tables 1–11 (json, csv, md) and the whole document (html, xlsx, pdf), both
/// from one computation of the tables.
/// </summary>
public sealed record SnapshotItem(string Folder, Func<DisclosureSet> Tables, Func<DisclosureSet, DisclosureDocument> Document)
{
    public IReadOnlyList<string> Paths(IReadOnlyList<DisclosureFormat> formats) => [.. formats.Select(f => $"{Folder}/{SnapshotRendering.FileName(f)}")];

    public async Task<IReadOnlyList<SnapshotFile>> RenderAsync(IReadOnlyList<DisclosureFormat> formats, ISnapshotPdfPrinter? printer, CancellationToken cancellationToken)
    {
        var set = Tables();
        DisclosureDocument? document = null;
        var files = new List<SnapshotFile>(formats.Count);
        foreach (var format in formats)
        {
            var path = $"{Folder}/{SnapshotRendering.FileName(format)}";
            if (SnapshotRendering.IsDocument(format))
            {
                document ??= Document(set);
                files.Add(new SnapshotFile(path, SnapshotRendering.ContentType(path), await SnapshotRendering.DocumentAsync(document, format, printer, cancellationToken)));
            }
            else
            {
                files.Add(SnapshotRendering.File(path, set, format));
            }
        }

        return files;
    }
}

/// <summary>
/// What a snapshot holds, computed only from the cut's documents: every unit's tables 1–11 and document, every department's
/// and (for a county snapshot) the county's — <see cref="DisclosureTables.Consolidate"/> over the cut, and
/// <see cref="DisclosureDocumentBuilder"/>. Pure: the same cut gives the same bytes (the PDF aside, which carries Chromium's
/// own metadata).
/// </summary>
public static class SnapshotRendering
{
    /// <summary>The formats a snapshot renders unless configured otherwise: everything but the PDF, which needs Chromium.</summary>
    public static IReadOnlyList<DisclosureFormat> DefaultFormats { get; } =
        [DisclosureFormat.Json, DisclosureFormat.Csv, DisclosureFormat.Markdown, DisclosureFormat.Html, DisclosureFormat.Xlsx];

    public static bool IsDocument(DisclosureFormat format) => format is DisclosureFormat.Html or DisclosureFormat.Xlsx or DisclosureFormat.Pdf;

    public static string FileName(DisclosureFormat format) => format switch
    {
        DisclosureFormat.Json => "tables.json",
        DisclosureFormat.Csv => "tables.csv",
        DisclosureFormat.Markdown => "tables.md",
        DisclosureFormat.Html => "document.html",
        DisclosureFormat.Xlsx => "document.xlsx",
        DisclosureFormat.Pdf => "document.pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string ContentType(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".pdf" => "application/pdf",
        _ => "application/json; charset=utf-8",
    };

    /// <summary>A file of the tables alone (json, csv, md).</summary>
    public static SnapshotFile File(string path, DisclosureSet set, DisclosureFormat format)
    {
        var text = format switch
        {
            DisclosureFormat.Csv => DisclosureTextWriter.ToCsv(set),
            DisclosureFormat.Markdown => DisclosureTextWriter.ToMarkdown(set),
            DisclosureFormat.Json => DisclosureJsonWriter.ToJson(set),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a tables format"),
        };
        return new SnapshotFile(path, ContentType(path), Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The whole document (html, xlsx, pdf).</summary>
    public static async Task<byte[]> DocumentAsync(DisclosureDocument document, DisclosureFormat format, ISnapshotPdfPrinter? printer, CancellationToken cancellationToken) => format switch
    {
        DisclosureFormat.Html => Encoding.UTF8.GetBytes(HtmlDisclosureWriter.ToHtml(document)),
        DisclosureFormat.Xlsx => XlsxDisclosureWriter.ToBytes(document),
        DisclosureFormat.Pdf => await (printer ?? throw new InvalidOperationException("快照要求 PDF，但本机没有 PDF 打印程序 (no PDF printer: install chromium)"))
            .PrintAsync(document, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a document format"),
    };

    /// <summary>
    /// The rendering work of a cut, units first (in code order), then departments, then the county (county scope only).
    /// <paramref name="documents"/> holds the document of every unit of the cut, by unit code.
    /// </summary>
    public static IReadOnlyList<SnapshotItem> Items(SnapshotCut cut, IReadOnlyDictionary<string, BudgetDocument> documents, ClassificationCatalog catalog)
    {
        var items = new List<SnapshotItem>();
        foreach (var unit in cut.Units)
        {
            var document = documents[unit.UnitCode];
            items.Add(new SnapshotItem($"units/{unit.UnitCode}", () => DisclosureTables.For(document, catalog), set => DisclosureDocumentBuilder.ForUnit(document, set, catalog)));
        }

        foreach (var department in cut.Units.GroupBy(u => u.DepartmentCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = department.Select(u => documents[u.UnitCode]).ToList();
            var code = department.Key;
            var name = members.FirstOrDefault(d => d.UnitCode == code)?.UnitName ?? $"部门 {code}";
            items.Add(new SnapshotItem($"departments/{code}", () => DisclosureTables.Consolidate(members, DisclosureScope.Department(code, name), catalog), set => DisclosureDocumentBuilder.ForScope(members, set)));
        }

        if (cut.Scope.IsCounty && cut.Units.Count > 0)
        {
            var all = cut.Units.Select(u => documents[u.UnitCode]).ToList();
            items.Add(new SnapshotItem("county", () => DisclosureTables.Consolidate(all, DisclosureScope.County(), catalog), set => DisclosureDocumentBuilder.ForScope(all, set)));
        }

        return items;
    }
}
