using System.Net;
using System.Text;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// The whole disclosure document as one printable HTML file: A4 print CSS (wide tables on landscape pages, table headers
/// repeated on every page), the four parts with their headings, tables with the seed's merged headers, amounts right-aligned
/// with 2 decimals. Every string that comes from data is HTML-encoded; the file loads nothing from outside.
/// </summary>
public static class HtmlDisclosureWriter
{
    private const string Style = """
        @page { size: A4 portrait; margin: 18mm 15mm; }
        @page wide { size: A4 landscape; margin: 15mm 12mm; }
        body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Songti SC", serif; font-size: 10.5pt; line-height: 1.6; color: #000; }
        h1 { text-align: center; font-size: 18pt; margin: 0 0 12mm; }
        h2 { font-size: 15pt; margin: 8mm 0 4mm; }
        h3 { font-size: 12pt; margin: 4mm 0 2mm; }
        p { text-indent: 2em; margin: 0 0 2mm; }
        section.part { break-before: page; }
        section.part:first-of-type { break-before: auto; }
        section.grid { break-before: page; }
        section.grid.wide { page: wide; }
        h2 + section.grid { break-before: auto; }
        .number { text-align: left; font-weight: bold; }
        .grid h3 { text-align: center; }
        .preamble { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 1mm; }
        .preamble.single { justify-content: center; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.5pt solid #000; padding: 1mm 1.2mm; vertical-align: middle; }
        th { font-weight: normal; background: #f2f2f2; text-align: center; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        p.note { text-indent: 0; font-size: 9pt; margin-top: 2mm; }
        .glossary p { text-indent: 2em; }
        .signoff { margin-top: 12mm; text-align: right; }
        .signoff p { text-indent: 0; margin: 0; }
        .draft { color: #c00; font-weight: bold; border: 1pt solid #c00; text-align: center; padding: 1mm; margin: 0 0 2mm; text-indent: 0; }
        .draft-stamp { position: fixed; top: 0; right: 0; color: #c00; font-weight: bold; font-size: 14pt; border: 1.5pt solid #c00; padding: 0.5mm 2mm; }
        .draft-errors li { color: #c00; }
        """;

    public static string ToHtml(DisclosureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        if (document.Draft is { } draft)
        {
            // A fixed element is repeated on every printed page; each part and table also opens with a banner.
            html.Append("<div class=\"draft-stamp\">").Append(E(DraftNotice.Stamp)).Append("</div>\n");
            html.Append("<div class=\"draft-errors\">\n<p class=\"draft\">").Append(E(draft.Banner)).Append("</p>\n");
            if (draft.Errors.Count > 0)
            {
                html.Append("<h3>").Append(E(DraftNotice.ErrorsHeading)).Append("</h3>\n<ol>\n");
                foreach (var error in draft.Errors)
                {
                    html.Append("<li>").Append(E(error)).Append("</li>\n");
                }

                html.Append("</ol>\n");
            }

            html.Append("</div>\n");
        }


        html.Append("<section class=\"part\" id=\"part-1\">\n").Append(Banner(document)).Append("<h2>").Append(E(document.OverviewHeading)).Append("</h2>\n");
        foreach (var section in OverviewText.Sections(document))
        {
            html.Append("<h3>").Append(E(section.Heading)).Append("</h3>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                Paragraph(html, paragraph);
            }
        }

        html.Append("</section>\n<section class=\"part\" id=\"part-2\">\n").Append(Banner(document)).Append("<h2>").Append(E(document.TablesHeading)).Append("</h2>\n");
        foreach (var table in document.Tables)
        {
            Grid(html, GridLayout.Of(table), $"table-{table.Table.Id}", table.Number, Banner(document));
        }

        html.Append("</section>\n<section class=\"part\" id=\"part-3\">\n").Append(Banner(document)).Append("<h2>").Append(E(document.ExplanationsHeading)).Append("</h2>\n");
        var performance = 0;
        foreach (var block in document.Explanations)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    Paragraph(html, paragraph.Text);
                    break;
                case PerformanceBlock table:
                    Grid(html, GridLayout.Of(table.Table) with { Title = table.Table.Title }, $"performance-{performance++}", null, Banner(document), table.Table.ProjectName);
                    break;
            }
        }

        html.Append("</section>\n<section class=\"part glossary\" id=\"part-4\">\n").Append(Banner(document)).Append("<h2>").Append(E(document.GlossaryHeading)).Append("</h2>\n");
        for (var i = 0; i < document.Glossary.Entries.Count; i++)
        {
            var entry = document.Glossary.Entries[i];
            html.Append("<p>").Append(E(OverviewText.ChineseNumber(i + 1))).Append('、').Append(E(entry.Term)).Append('：').Append(E(entry.Definition)).Append("</p>\n");
        }

        html.Append("<div class=\"signoff\">\n<p>").Append(E(document.SignOff.Name)).Append("</p>\n<p>").Append(E(document.SignOff.DateText)).Append("</p>\n</div>\n");
        html.Append("</section>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void Write(DisclosureDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(false).GetBytes(ToHtml(document));
        output.Write(bytes);
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(E(text)).Append("</p>\n");

    /// <summary>The 草稿 banner that opens each part and table of a draft; empty otherwise.</summary>
    private static string Banner(DisclosureDocument document) =>
        document.Draft is { } draft ? $"<p class=\"draft\">{E(draft.Banner)}</p>\n" : "";

    private static void Grid(StringBuilder html, DocumentGrid grid, string id, string? number, string banner, string? project = null)
    {
        html.Append("<section class=\"grid").Append(grid.IsWide ? " wide" : "").Append("\" id=\"").Append(E(id)).Append("\">\n").Append(banner);
        if (number is not null)
        {
            html.Append("<div class=\"number\">").Append(E(number)).Append("</div>\n");
        }

        html.Append("<h3>").Append(E(grid.Title)).Append("</h3>\n");
        html.Append("<div class=\"preamble").Append(grid.Preamble.Count == 1 ? " single" : "").Append("\">");
        foreach (var line in grid.Preamble)
        {
            html.Append("<span>").Append(E(line)).Append("</span>");
        }

        html.Append("</div>\n<table");
        if (project is not null)
        {
            html.Append(" data-project=\"").Append(E(project)).Append('"');
        }

        html.Append(">\n");
        var rows = grid.RowCount;
        for (var row = 0; row < rows; row++)
        {
            if (row == 0 && grid.HeaderRowCount > 0)
            {
                html.Append("<thead>\n");
            }
            else if (row == grid.HeaderRowCount)
            {
                html.Append("<tbody>\n");
            }

            html.Append("<tr>");
            foreach (var cell in grid.RowCells(row))
            {
                var tag = cell.Kind == GridCellKind.Header ? "th" : "td";
                html.Append('<').Append(tag);
                if (cell.RowSpan > 1)
                {
                    html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                }

                if (cell.ColSpan > 1)
                {
                    html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                }

                if (cell.Kind == GridCellKind.Amount)
                {
                    html.Append(" class=\"num\"");
                }

                html.Append('>').Append(E(cell.Text)).Append("</").Append(tag).Append('>');
            }

            html.Append("</tr>\n");
            if (row == grid.HeaderRowCount - 1)
            {
                html.Append("</thead>\n");
            }
        }

        if (rows > grid.HeaderRowCount)
        {
            html.Append("</tbody>\n");
        }

        html.Append("</table>\n");
        if (grid.Note is not null)
        {
            html.Append("<p class=\"note\">").Append(E(grid.Note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>HTML-encodes text for element content and quoted attribute values.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
