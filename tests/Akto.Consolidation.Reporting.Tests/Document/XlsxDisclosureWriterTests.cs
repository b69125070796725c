using System.Globalization;
using Akto.Consolidation.Reporting.Document;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>The XLSX of the seed unit, read back with the OpenXml SDK.</summary>
public sealed class XlsxDisclosureWriterTests
{
    private static readonly Lazy<(DisclosureDocument Document, byte[] Bytes)> Seed = new(() =>
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());
        return (document, XlsxDisclosureWriter.ToBytes(document));
    });

    public static TheoryData<int> TableIds() => [.. Enumerable.Range(1, 11)];

    [Theory]
    [MemberData(nameof(TableIds))]
    public void Every_figure_of_each_seed_table_is_a_numeric_cell_of_that_sheet(int id)
    {
        var expected = SeedSections.Figures(SeedSections.Table(id));
        using var workbook = Open();
        var sheet = SheetNamed(workbook, name => name.StartsWith($"表{id} ", StringComparison.Ordinal));
        var numbers = NumericCells(workbook, sheet).ToList();

        SeedSections.ContainsAll(expected, numbers.Select(n => n.Value), $"表{id}");
        Assert.All(numbers, n => Assert.Equal(XlsxDisclosureWriter.AmountFormat, n.Format));
    }

    [Fact]
    public void There_is_one_sheet_per_table_and_per_performance_table_with_names_excel_accepts()
    {
        using var workbook = Open();
        var names = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        Assert.Equal(1 + 11 + 9, names.Count);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.InRange(n.Length, 1, XlsxDisclosureWriter.MaxSheetNameLength));
        Assert.All(names, n => Assert.True(n.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0, n));
        Assert.Equal("表1 单位收支总体情况表", names[1]);
        Assert.Equal("单位整体绩效目标表", names[12]);
    }

    [Fact]
    public void The_performance_sheets_hold_the_funds_as_numbers_and_every_indicator()
    {
        using var workbook = Open();
        var tables = Seed.Value.Document.PerformanceTables.ToList();
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Skip(12).ToList();
        Assert.Equal(tables.Count, sheets.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var numbers = NumericCells(workbook, sheets[i]).Select(n => n.Value).ToList();
            SeedSections.ContainsAll(tables[i].Funds.Select(f => decimal.Round(f.Amount, 2)), numbers, sheets[i].Name!);
            var texts = TextCells(workbook, sheets[i]).ToHashSet(StringComparer.Ordinal);
            Assert.All(tables[i].Indicators, indicator =>
            {
                Assert.Contains(indicator.Level3, texts);
                Assert.Contains(indicator.Value, texts);
            });
        }
    }

    [Fact]
    public void Merged_headers_are_merged_cells()
    {
        using var workbook = Open();
        var sheet = SheetNamed(workbook, name => name.StartsWith("表2 ", StringComparison.Ordinal));
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(sheet.Id!);
        var merges = part.Worksheet.Elements<MergeCells>().Single().Elements<MergeCell>().Select(m => m.Reference!.Value!).ToList();

        // Row 4 is the first header row: 功能分类科目编码 over 类/款/项 (A4:C4), 科目名称 (D) and 总计 (E) down both header
        // rows, 财政拨款(补助) over its seven columns (F4:L4).
        Assert.Contains("A4:C4", merges);
        Assert.Contains("D4:D5", merges);
        Assert.Contains("E4:E5", merges);
        Assert.Contains("F4:L4", merges);
        Assert.Equal("功能分类科目编码", TextAt(workbook, part, "A4"));
        Assert.Equal("总计", TextAt(workbook, part, "E4"));
        Assert.Equal("财政拨款(补助)", TextAt(workbook, part, "F4"));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes_whenever_it_is_written()
    {
        var first = XlsxDisclosureWriter.ToBytes(DisclosureDocumentBuilder.ForUnit(SeedBudget.Load()));
        Thread.Sleep(2_100); // zip entry times have a 2-second resolution
        var second = XlsxDisclosureWriter.ToBytes(DisclosureDocumentBuilder.ForUnit(SeedBudget.Load()));

        Assert.True(first.AsSpan().SequenceEqual(second), "two writes of one document differ");
        using var package = SpreadsheetDocument.Open(new MemoryStream(first), false);
        Assert.Equal(21, package.WorkbookPart!.Workbook.Sheets!.ChildElements.Count);
    }

    [Fact]
    public void Sheet_names_are_cut_and_cleaned()
    {
        Assert.Equal("a_b_c", XlsxDisclosureWriter.SheetName("a:b/c"));
        Assert.Equal(31, XlsxDisclosureWriter.SheetName(new string('字', 40)).Length);
    }

    [Fact]
    public void In_yuan_every_table_sheet_says_so_and_holds_the_yuan_figures()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load(), unit: PublishedUnit.Yuan);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxDisclosureWriter.ToBytes(document)), false);
        for (var id = 1; id <= 11; id++)
        {
            var sheet = SheetNamed(workbook, name => name.StartsWith($"表{id} ", StringComparison.Ordinal));
            Assert.Contains(TextCells(workbook, sheet), t => t.Contains("单位：元", StringComparison.Ordinal));
            var expected = SeedSections.Figures(SeedSections.Table(id)).Select(v => v * 10_000m);
            SeedSections.ContainsAll(expected, NumericCells(workbook, sheet).Select(n => n.Value), $"表{id} 元");
        }
    }

    private static SpreadsheetDocument Open() => SpreadsheetDocument.Open(new MemoryStream(Seed.Value.Bytes), false);

    private static Sheet SheetNamed(SpreadsheetDocument workbook, Func<string, bool> match) =>
        workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => match(s.Name!.Value!));

    private static IEnumerable<(decimal Value, string? Format)> NumericCells(SpreadsheetDocument workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(sheet.Id!);
        var stylesheet = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var codes = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value) ?? [];
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            if (cell.DataType?.Value == CellValues.Number && cell.CellValue is { } value)
            {
                var format = formats[(int)(cell.StyleIndex?.Value ?? 0)].NumberFormatId?.Value;
                yield return (decimal.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture), format is { } f ? codes.GetValueOrDefault(f) : null);
            }
        }
    }

    private static IEnumerable<string> TextCells(SpreadsheetDocument workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Cell>().Where(c => c.InlineString is not null).Select(c => c.InlineString!.InnerText);
    }

    private static string? TextAt(SpreadsheetDocument workbook, WorksheetPart part, string reference) =>
        part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference).InlineString?.InnerText;
}
