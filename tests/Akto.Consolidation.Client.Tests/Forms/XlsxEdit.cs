using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Client.Tests.Forms;

/// <summary>Test-side editing of a workbook the way a person fills it: cells by sheet name and address, written with OpenXml.</summary>
internal sealed class XlsxEdit : IDisposable
{
    private readonly SpreadsheetDocument _package;

    public XlsxEdit(string path) => _package = SpreadsheetDocument.Open(path, isEditable: true);

    public SheetData Sheet(string namePrefix)
    {
        var workbook = _package.WorkbookPart!;
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().First(s => s.Name!.Value!.StartsWith(namePrefix, StringComparison.Ordinal));
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet!.GetFirstChild<SheetData>()!;
    }

    /// <summary>The headers of row 1 by column letter.</summary>
    public Dictionary<string, string> Headers(string sheet) =>
        Sheet(sheet).Elements<Row>().First(r => r.RowIndex!.Value == 1).Elements<Cell>()
            .ToDictionary(c => Text(c), c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]));

    /// <summary>Sets a cell: a string as text, a decimal or int as a number (its invariant digits).</summary>
    public void Set(string sheet, string reference, object value)
    {
        var data = Sheet(sheet);
        var rowIndex = uint.Parse(new string([.. reference.SkipWhile(char.IsAsciiLetter)]), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }

        row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference)?.Remove();
        var cell = value switch
        {
            string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
            decimal or int => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
            _ => throw new ArgumentException(value.GetType().Name),
        };
        var next = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!.Value!) > Column(reference));
        if (next is null)
        {
            row.Append(cell);
        }
        else
        {
            next.InsertBeforeSelf(cell);
        }
    }

    /// <summary>The rows of a sheet as text by column letter.</summary>
    public IEnumerable<(Row Row, Dictionary<string, string> Cells)> Rows(string sheet) =>
        Sheet(sheet).Elements<Row>().Select(r => (r, r.Elements<Cell>().ToDictionary(c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]), Text)));

    public void Dispose() => _package.Dispose();

    private static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static int Column(string reference) => reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
