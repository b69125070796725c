using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Client.Forms;

/// <summary>One cell as stored: its text (a number's text as written in the XML) and whether it is a numeric cell.</summary>
internal sealed record XlsxValue(string Text, bool IsNumber);

/// <summary>
/// A worksheet read into memory: values by 1-based row and 0-based column, the merged ranges and the print-title rows.
/// Numbers stay text (the XML's own digits), so amounts are parsed into decimal without passing through double.
/// </summary>
internal sealed class XlsxSheet(string name, Dictionary<(int Row, int Column), XlsxValue> cells, IReadOnlyList<(int Top, int Left, int Bottom, int Right)> merges, int? printTitleLastRow)
{
    public string Name { get; } = name;

    public IReadOnlyList<(int Top, int Left, int Bottom, int Right)> Merges { get; } = merges;

    /// <summary>The last row of the header that repeats on every printed page (<c>_xlnm.Print_Titles</c>), if any.</summary>
    public int? PrintTitleLastRow { get; } = printTitleLastRow;

    public int LastRow { get; } = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Row);

    public int LastColumn { get; } = cells.Count == 0 ? -1 : cells.Keys.Max(k => k.Column);

    public XlsxValue? Value(int row, int column) => cells.GetValueOrDefault((row, column));

    /// <summary>The trimmed text of a cell; empty for a blank or absent one.</summary>
    public string Text(int row, int column) => Value(row, column)?.Text.Trim() ?? "";

    /// <summary>The text shown at a position, the top-left value of a merged range covering it.</summary>
    public string ShownText(int row, int column)
    {
        foreach (var (top, left, bottom, right) in Merges)
        {
            if (row >= top && row <= bottom && column >= left && column <= right)
            {
                return Text(top, left);
            }
        }

        return Text(row, column);
    }

    public bool RowIsEmpty(int row) => Enumerable.Range(0, LastColumn + 1).All(c => Text(row, c).Length == 0);
}

/// <summary>Reads the sheets of an XLSX workbook (DocumentFormat.OpenXml) into <see cref="XlsxSheet"/>s.</summary>
internal static class XlsxWorkbookReader
{
    /// <summary>Every sheet in workbook order. Throws <see cref="InvalidDataException"/> when the file is not a workbook.</summary>
    public static IReadOnlyList<XlsxSheet> Read(Stream stream)
    {
        try
        {
            return ReadSheets(stream);
        }
        catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or FormatException)
        {
            // A zip whose parts are not the XML they claim to be: as unreadable as a file that is no zip at all.
            throw new InvalidDataException($"XLSX 内容损坏 (damaged workbook): {e.Message}", e);
        }
    }

    private static IReadOnlyList<XlsxSheet> ReadSheets(Stream stream)
    {
        SpreadsheetDocument package;
        try
        {
            package = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.FileFormatException or InvalidDataException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"不是有效的 XLSX 工作簿 (not an XLSX workbook): {e.Message}", e);
        }

        using (package)
        {
            var workbookPart = package.WorkbookPart ?? throw new InvalidDataException("XLSX 没有工作簿部分 (no workbook part)");
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            var titles = PrintTitles(workbookPart);
            var result = new List<XlsxSheet>();
            for (var index = 0; index < sheets.Count; index++)
            {
                var sheet = sheets[index];
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var cells = new Dictionary<(int, int), XlsxValue>();
                foreach (var cell in part.Worksheet?.Descendants<Cell>() ?? [])
                {
                    if (cell.CellReference?.Value is not { } reference || !TryParseReference(reference, out var row, out var column))
                    {
                        continue;
                    }

                    if (ValueOf(cell, shared) is { } value)
                    {
                        cells[(row, column)] = value;
                    }
                }

                var merges = new List<(int, int, int, int)>();
                foreach (var merge in part.Worksheet?.Descendants<MergeCell>() ?? [])
                {
                    var range = merge.Reference?.Value?.Split(':');
                    if (range is { Length: 2 } && TryParseReference(range[0], out var top, out var left) && TryParseReference(range[1], out var bottom, out var right))
                    {
                        merges.Add((top, left, bottom, right));
                    }
                }

                result.Add(new XlsxSheet(sheet.Name?.Value ?? $"Sheet{index + 1}", cells, merges, titles.GetValueOrDefault((uint)index)));
            }

            return result;
        }
    }

    private static XlsxValue? ValueOf(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return new XlsxValue(cell.InlineString?.InnerText ?? "", false);
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? new XlsxValue(shared[i], false) : null;
        }

        if (type == CellValues.Boolean)
        {
            return new XlsxValue(raw == "1" ? "TRUE" : "FALSE", false);
        }

        var isNumber = type is null || type == CellValues.Number;
        return new XlsxValue(raw, isNumber);
    }

    /// <summary>The last print-title row per sheet position (<c>'name'!$4:$6</c>).</summary>
    private static Dictionary<uint, int> PrintTitles(WorkbookPart workbookPart)
    {
        var titles = new Dictionary<uint, int>();
        foreach (var name in workbookPart.Workbook?.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.Name?.Value != "_xlnm.Print_Titles" || name.LocalSheetId?.Value is not { } sheet)
            {
                continue;
            }

            var text = name.Text ?? "";
            var last = text.LastIndexOf('$');
            if (last >= 0 && int.TryParse(text[(last + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            {
                titles[sheet] = row;
            }
        }

        return titles;
    }

    /// <summary>"AB12" → row 12, column 27 (0-based: 27).</summary>
    public static bool TryParseReference(string reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        var letters = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            letters = (letters * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        column = letters - 1;
        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }

    /// <summary>"A1"-style reference of a 1-based row and 0-based column.</summary>
    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
