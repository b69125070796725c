using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Client.Forms;

/// <summary>A column of a form sheet: its header, width and, for a drop-down, the list range (<c>'目录'!$A$2:$A$900</c>).</summary>
internal sealed record FormColumn(string Header, double Width = 16, string? List = null);

/// <summary>
/// Writes form sheets with DocumentFormat.OpenXml: a bold header row frozen at the top, drop-down validations that
/// reference ranges, numbers as numeric cells whose XML text is the decimal's own digits (no double in between).
/// </summary>
internal sealed class XlsxFormBuilder : IDisposable
{
    /// <summary>Rows below the data that still get the drop-downs, so a person can add lines.</summary>
    public const int SpareRows = 1000;

    private const uint StyleHeader = 1;
    private const uint StyleText = 2;
    private const uint StyleAmount = 3;
    private const uint StyleInteger = 4;

    private readonly SpreadsheetDocument _package;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets;

    public XlsxFormBuilder(Stream output)
    {
        _package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _workbook = _package.AddWorkbookPart();
        _workbook.Workbook = new Workbook();
        _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
        _sheets = _workbook.Workbook.AppendChild(new Sheets());
    }

    /// <summary>A sheet of rows under one header row; a value is a string, decimal, int or null (blank).</summary>
    public void AddTable(string name, IReadOnlyList<FormColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, bool hidden = false)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(XlsxWorkbookReader.Reference(1, c), columns[c].Header, StyleHeader));
        }

        data.Append(header);
        var rowIndex = 1;
        foreach (var values in rows)
        {
            rowIndex++;
            var row = new Row { RowIndex = (uint)rowIndex };
            for (var c = 0; c < values.Count; c++)
            {
                if (ValueCell(XlsxWorkbookReader.Reference(rowIndex, c), values[c]) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var cols = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true });
        }

        var frozen = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = "A2",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 });
        var worksheet = new Worksheet(frozen, cols, data);
        var validations = new DataValidations();
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].List is { } list)
            {
                var letters = XlsxWorkbookReader.Reference(1, c)[..^1];
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "无效的值",
                    Error = "请从下拉列表中选择 (choose from the list)",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}2:{letters}{rowIndex + SpareRows}" },
                    Formula1 = new Formula1(list),
                });
            }
        }

        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            worksheet.Append(validations);
        }

        var part = _workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var sheet = new Sheet { Id = _workbook.GetIdOfPart(part), SheetId = (uint)(_sheets.ChildElements.Count + 1), Name = name };
        if (hidden)
        {
            sheet.State = SheetStateValues.Hidden;
        }

        _sheets.Append(sheet);
    }

    /// <summary>A sheet of labelled values: 项目 | 值 | 说明, one row per field.</summary>
    public void AddKeyValues(string name, IEnumerable<(string Label, object? Value, string Note)> fields, IReadOnlyDictionary<string, string>? lists = null)
    {
        var rows = fields.Select(f => (IReadOnlyList<object?>)[f.Label, f.Value, f.Note]).ToList();
        AddTable(name, [new FormColumn(BudgetFormLayout.KeyValueHeaders[0], 30), new FormColumn(BudgetFormLayout.KeyValueHeaders[1], 40), new FormColumn(BudgetFormLayout.KeyValueHeaders[2], 50)], rows);
        if (lists is null || lists.Count == 0)
        {
            return;
        }

        // Drop-downs on single value cells (金额单位): one validation per labelled row.
        var worksheet = _workbook.WorksheetParts.Last().Worksheet!;
        var validations = worksheet.GetFirstChild<DataValidations>() ?? worksheet.AppendChild(new DataValidations());
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i][0] is string label && lists.TryGetValue(label, out var list))
            {
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"B{i + 2}" },
                    Formula1 = new Formula1(list),
                });
            }
        }

        validations.Count = (uint)validations.ChildElements.Count;
    }

    public void Dispose()
    {
        _workbook.Workbook!.Save();
        _package.Dispose();
    }

    private static Cell? ValueCell(string reference, object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : TextCell(reference, text, StyleText),
        decimal amount => new Cell { CellReference = reference, StyleIndex = StyleAmount, DataType = CellValues.Number, CellValue = new CellValue(amount.ToString(CultureInfo.InvariantCulture)) },
        int number => new Cell { CellReference = reference, StyleIndex = StyleInteger, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"unsupported form value {value.GetType().Name}", nameof(value)),
    };

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true }) { NumberFormatId = 49, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true });
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00####" }) { Count = 1 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat()),
            formats);
    }
}
