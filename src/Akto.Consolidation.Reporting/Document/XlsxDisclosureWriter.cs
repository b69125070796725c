using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// The disclosure document as an XLSX workbook (DocumentFormat.OpenXml): a 说明 sheet with 第一部分, 第三部分's paragraphs,
/// 第四部分 and the sign-off, then one sheet per table 1–11 and one per 绩效目标表. Amounts are numeric cells rounded to the
/// published 2 decimals with the number format <c>0.00</c>; merged headers are merged cells; table headers repeat on every
/// printed page (Print_Titles); A4, landscape for wide tables. Sheet names are at most 31 characters and unique.
/// </summary>
public static class XlsxDisclosureWriter
{
    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>The number format of every amount cell.</summary>
    public const string AmountFormat = "0.00";

    /// <summary>The first worksheet row of a grid (after the title, the preamble and a blank row).</summary>
    private const int GridTop = 4;

    private const uint StyleHeader = 1;
    private const uint StyleText = 2;
    private const uint StyleAmount = 3;
    private const uint StyleTitle = 4;
    private const uint StylePlain = 5;
    private const uint AmountFormatId = 164;

    public static void Write(DisclosureDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = package.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
        workbookPart.Workbook = new Workbook();
        // Fixed relationship ids (the SDK draws random ones), so that the same document gives the same bytes (ToBytes).
        workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var definedNames = new DefinedNames();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        AddTextSheet(workbookPart, sheets, Unique("说明", used), document);
        foreach (var table in document.Tables)
        {
            AddGridSheet(workbookPart, sheets, definedNames, Unique($"{table.Number} {table.Title}", used), GridLayout.Of(table), document.Draft);
        }

        var index = 0;
        foreach (var table in document.PerformanceTables)
        {
            index++;
            // A department's or the county's workbook holds every unit's 单位整体 table: name those after their unit.
            var name = table.Kind == PerformanceTableKind.Project ? $"绩效{index} {table.ProjectName}"
                : document.Scope.Kind == Domain.Disclosure.DisclosureScopeKind.Unit ? table.Title
                : $"绩效{index} {table.UnitName}";
            AddGridSheet(workbookPart, sheets, definedNames, Unique(name, used), GridLayout.Of(table), document.Draft);
        }

        if (definedNames.HasChildren)
        {
            workbookPart.Workbook.Append(definedNames);
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>The workbook's bytes, reproducible: the same document always gives the same bytes (<see cref="ReproducibleZip"/>).</summary>
    public static byte[] ToBytes(DisclosureDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return ReproducibleZip.Normalize(stream.ToArray());
    }

    /// <summary>
    /// A valid, unique sheet name: characters Excel forbids (<c>: \ / ? * [ ]</c>) become '_', the name is cut to 31
    /// characters, and a repeated name gets "(2)", "(3)" … within the limit.
    /// </summary>
    public static string SheetName(string wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var clean = new StringBuilder(wanted.Length);
        foreach (var c in wanted)
        {
            clean.Append(c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? '_' : c);
        }

        var name = clean.ToString().Trim().Trim('\'');
        if (name.Length == 0)
        {
            name = "Sheet";
        }

        return Cut(name, MaxSheetNameLength);
    }

    private static string Unique(string wanted, HashSet<string> used)
    {
        var name = SheetName(wanted);
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = Cut(name, MaxSheetNameLength - suffix.Length) + suffix;
        }

        return candidate;
    }

    /// <summary>Cuts to at most <paramref name="length"/> UTF-16 units without splitting a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end];
    }

    private static void AddTextSheet(WorkbookPart workbookPart, Sheets sheets, string name, DisclosureDocument document)
    {
        var lines = new List<(string Text, uint Style)>();
        if (document.Draft is { } draft)
        {
            lines.Add((draft.Banner, StyleTitle));
            if (draft.Errors.Count > 0)
            {
                lines.Add((DraftNotice.ErrorsHeading, StylePlain));
                lines.AddRange(draft.Errors.Select(e => (e, StylePlain)));
            }
        }

        lines.Add((document.Title, StyleTitle));
        lines.Add((document.OverviewHeading, StyleTitle));
        foreach (var section in OverviewText.Sections(document))
        {
            lines.Add((section.Heading, StylePlain));
            lines.AddRange(section.Paragraphs.Select(p => (p, StylePlain)));
        }

        lines.Add((document.TablesHeading, StyleTitle));
        lines.AddRange(document.Tables.Select(t => ($"{t.Number} {t.Title}", StylePlain)));
        lines.Add((document.ExplanationsHeading, StyleTitle));
        foreach (var block in document.Explanations)
        {
            lines.Add(block switch
            {
                ParagraphBlock p => (p.Text, StylePlain),
                PerformanceBlock p => ($"{p.Table.Title}{(p.Table.ProjectName is { } project ? $"（{project}）" : "")}：见工作表", StylePlain),
                _ => ("", StylePlain),
            });
        }

        lines.Add((document.GlossaryHeading, StyleTitle));
        lines.AddRange(document.Glossary.Entries.Select((e, i) => ($"{OverviewText.ChineseNumber(i + 1)}、{e.Term}：{e.Definition}", StylePlain)));
        lines.Add((document.SignOff.Name, StylePlain));
        lines.Add((document.SignOff.DateText, StylePlain));

        var data = new SheetData();
        for (var i = 0; i < lines.Count; i++)
        {
            var row = new Row { RowIndex = (uint)(i + 1) };
            row.Append(TextCell(Reference(i + 1, 0), lines[i].Text, lines[i].Style));
            data.Append(row);
        }

        var worksheet = new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }), data);
        worksheet.Append(new PageMargins { Left = 0.6, Right = 0.6, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Portrait });
        AppendDraftHeader(worksheet, document.Draft);
        AddWorksheet(workbookPart, sheets, name, worksheet);
    }

    private static void AddGridSheet(WorkbookPart workbookPart, Sheets sheets, DefinedNames definedNames, string name, DocumentGrid grid, DraftNotice? draft)
    {
        var data = new SheetData();
        var merges = new List<string>();
        var last = grid.ColumnCount - 1;

        var title = new Row { RowIndex = 1 };
        title.Append(TextCell(Reference(1, 0), grid.Title, StyleTitle));
        data.Append(title);
        if (last > 0)
        {
            merges.Add($"{Reference(1, 0)}:{Reference(1, last)}");
        }

        var preamble = new Row { RowIndex = 2 };
        if (grid.Preamble.Count == 1)
        {
            preamble.Append(TextCell(Reference(2, 0), grid.Preamble[0], StylePlain));
        }
        else if (grid.Preamble.Count > 1)
        {
            preamble.Append(TextCell(Reference(2, 0), grid.Preamble[0], StylePlain));
            preamble.Append(TextCell(Reference(2, last), string.Join(" ", grid.Preamble.Skip(1)), StylePlain));
        }

        data.Append(preamble);
        if (draft is not null)
        {
            // Row 3 is the blank row above the grid: a draft states itself there, on the sheet as well as in its page header.
            var stamp = new Row { RowIndex = 3 };
            stamp.Append(TextCell(Reference(3, 0), draft.Banner, StyleTitle));
            data.Append(stamp);
        }

        // Every position of the grid gets a cell (bordered), the top-left one of a merged range holds the value.
        var rows = grid.RowCount;
        var owner = new GridCell?[rows, grid.ColumnCount];
        foreach (var cell in grid.Cells)
        {
            for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++)
                {
                    owner[r, c] = cell;
                }
            }

            if (cell.RowSpan > 1 || cell.ColSpan > 1)
            {
                merges.Add($"{Reference(GridTop + cell.Row, cell.Column)}:{Reference(GridTop + cell.Row + cell.RowSpan - 1, cell.Column + cell.ColSpan - 1)}");
            }
        }

        for (var r = 0; r < rows; r++)
        {
            var rowIndex = GridTop + r;
            var row = new Row { RowIndex = (uint)rowIndex };
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                var reference = Reference(rowIndex, c);
                var cell = owner[r, c];
                if (cell is null)
                {
                    row.Append(new Cell { CellReference = reference, StyleIndex = StyleText });
                }
                else if (cell.Row != r || cell.Column != c)
                {
                    row.Append(new Cell { CellReference = reference, StyleIndex = StyleOf(cell) });
                }
                else if (cell.Kind == GridCellKind.Amount)
                {
                    row.Append(AmountCell(reference, cell.Amount));
                }
                else
                {
                    row.Append(TextCell(reference, cell.Text, StyleOf(cell)));
                }
            }

            data.Append(row);
        }

        if (grid.Note is not null)
        {
            var noteRow = new Row { RowIndex = (uint)(GridTop + rows + 1) };
            noteRow.Append(TextCell(Reference(GridTop + rows + 1, 0), grid.Note, StylePlain));
            data.Append(noteRow);
        }

        var columns = new Columns();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var amounts = grid.Cells.Any(x => x.Column == c && x.Kind == GridCellKind.Amount && x.ColSpan == 1);
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = amounts ? 14 : 18, CustomWidth = true });
        }

        var worksheet = new Worksheet(columns, data);
        if (merges.Count > 0)
        {
            var mergeCells = new MergeCells();
            foreach (var range in merges)
            {
                mergeCells.Append(new MergeCell { Reference = range });
            }

            worksheet.Append(mergeCells);
        }

        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9,
            Orientation = grid.IsWide ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        AppendDraftHeader(worksheet, draft);
        var sheetIndex = AddWorksheet(workbookPart, sheets, name, worksheet);
        if (grid.HeaderRowCount > 0)
        {
            definedNames.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!${GridTop}:${GridTop + grid.HeaderRowCount - 1}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = sheetIndex,
            });
        }
    }

    /// <summary>A draft's sheets print "草稿" at the top of every page (the page header).</summary>
    private static void AppendDraftHeader(Worksheet worksheet, DraftNotice? draft)
    {
        if (draft is not null)
        {
            worksheet.Append(new HeaderFooter(new OddHeader($"&C&\"-,Bold\"&14{DraftNotice.Stamp}")));
        }
    }

    /// <summary>Adds the worksheet part and its &lt;sheet&gt; entry; returns the sheet's 0-based position.</summary>
    private static uint AddWorksheet(WorkbookPart workbookPart, Sheets sheets, string name, Worksheet worksheet)
    {
        var position = (uint)sheets.ChildElements.Count;
        var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{position + 1}");
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = position + 1, Name = name });
        return position;
    }

    private static uint StyleOf(GridCell cell) => cell.Kind switch
    {
        GridCellKind.Header => StyleHeader,
        GridCellKind.Amount => StyleAmount,
        _ => StyleText,
    };

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell AmountCell(string reference, decimal? amount)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = StyleAmount };
        if (amount is { } value)
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(PublishedAmount.Round(value).ToString(CultureInfo.InvariantCulture));
        }

        return cell;
    }

    /// <summary>"A1"-style reference of a 1-based row and 0-based column.</summary>
    internal static string Reference(int row, int column)
    {
        var letters = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 10 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "宋体" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                BorderId = 1, ApplyBorder = true, ApplyAlignment = true,
            },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Right, Vertical = VerticalAlignmentValues.Center })
            {
                BorderId = 1, NumberFormatId = AmountFormatId, ApplyBorder = true, ApplyNumberFormat = true, ApplyAlignment = true,
            },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true }) { ApplyAlignment = true });
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = AmountFormatId, FormatCode = AmountFormat }) { Count = 1 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat()),
            formats);
    }
}
