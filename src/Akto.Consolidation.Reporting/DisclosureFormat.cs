using System.Globalization;

namespace Akto.Consolidation.Reporting;

/// <summary>The formats a disclosure renders to.</summary>
public enum DisclosureFormat
{
    Json,
    Csv,
    Markdown,

    /// <summary>The whole document (第一部分 to 第四部分) as one printable HTML file (<see cref="Document.HtmlDisclosureWriter"/>).</summary>
    Html,

    /// <summary>The whole document as an XLSX workbook, one sheet per table (<see cref="Document.XlsxDisclosureWriter"/>).</summary>
    Xlsx,

    /// <summary>The whole document printed to PDF by headless chromium (Akto.Consolidation.Reporting.Pdf).</summary>
    Pdf,
}

/// <summary>Published amounts: 万元, two decimals, half away from zero.</summary>
public static class PublishedAmount
{
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>"7,258.32" for Markdown; <paramref name="grouped"/> false gives "7258.32" for CSV.</summary>
    public static string Format(decimal? value, bool grouped) =>
        value is { } v ? Round(v).ToString(grouped ? "#,0.00" : "0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// The formats of the tables alone (json, csv, md), as the API's <c>format=</c> accepts them; the document formats
    /// (html, xlsx) are parsed by <see cref="TryParseDocumentFormat"/>.
    /// </summary>
    public static bool TryParseFormat(string? text, out DisclosureFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "json":
                format = DisclosureFormat.Json;
                return true;
            case "csv":
                format = DisclosureFormat.Csv;
                return true;
            case "md" or "markdown":
                format = DisclosureFormat.Markdown;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>Every format <c>akto disclosure --format</c> and the API's <c>format=</c> accept: the table formats and html, xlsx, pdf.</summary>
    public static bool TryParseDocumentFormat(string? text, out DisclosureFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case "html" or "htm":
                format = DisclosureFormat.Html;
                return true;
            case "xlsx":
                format = DisclosureFormat.Xlsx;
                return true;
            case "pdf":
                format = DisclosureFormat.Pdf;
                return true;
            default:
                return TryParseFormat(text, out format);
        }
    }
}
