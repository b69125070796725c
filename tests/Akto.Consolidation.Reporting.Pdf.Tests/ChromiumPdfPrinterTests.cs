using System.Globalization;
using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Reporting.Pdf.Tests;

/// <summary>The seed unit's document printed by Debian's chromium and read back with pdftotext and pdffonts.</summary>
public sealed class ChromiumPdfPrinterTests(PrintedSeed seed) : IClassFixture<PrintedSeed>
{
    public static TheoryData<int> TableIds() => [.. Enumerable.Range(1, 11)];

    /// <summary>Tables 1–11 in order, then 第三部分 (which ends table 11).</summary>
    private IReadOnlyList<IReadOnlyList<string>> TableSections() =>
        PdfSections.Cut(seed.Lines, [.. seed.Document.Tables.Select(t => $"{t.Number} {t.Title}"), seed.Document.ExplanationsHeading]);

    /// <summary>The nine 绩效目标表 in document order, the last ending at （五）其他需说明的事项.</summary>
    private IReadOnlyList<IReadOnlyList<string>> PerformanceSections() =>
        PdfSections.Cut(seed.Lines, [seed.Document.ExplanationsHeading, .. seed.Document.PerformanceTables.Select(t => t.Title), "（五）其他需说明的事项"]).Skip(1).ToList();

    [Theory]
    [MemberData(nameof(TableIds))]
    public void Every_figure_of_each_seed_table_is_printed_on_that_tables_pages_in_row_order(int id)
    {
        var section = TableSections()[id - 1];
        var printed = section.SelectMany(SeedSections.Figures).ToList();

        // Every figure the published table prints is on this table's pages …
        SeedSections.ContainsAll(SeedSections.Figures(SeedSections.Table(id)), printed, $"表{id}");
        // … and the document's figures come row by row, left to right, as its grid lays them out.
        var grid = GridLayout.Of(seed.Document.Tables[id - 1]);
        var expected = grid.Cells.Where(c => c.Amount is not null).Select(c => c.Amount!.Value).ToList();
        Assert.True(PdfSections.IsSubsequence(expected, printed), $"表{id}: figures out of row order");
        Assert.Contains(section, l => l.Contains("单位：万元", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_figure_and_weight_of_the_nine_performance_tables_is_printed_on_its_pages()
    {
        var sections = PerformanceSections();
        var tables = seed.Document.PerformanceTables.ToList();
        var seedTables = SeedSections.PerformanceTables();
        Assert.Equal(9, tables.Count);
        Assert.Equal(9, seedTables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            var text = string.Join('\n', sections[i]);
            var squeezed = SeedSections.Squeeze(text);
            var table = tables[i];
            Assert.Contains(SeedSections.Squeeze(table.UnitName), squeezed, StringComparison.Ordinal);
            var seedSection = table.ProjectName is { } project
                ? seedTables.Single(s => SeedSections.Squeeze(s).Contains("项目名称" + SeedSections.Squeeze(project), StringComparison.Ordinal))
                : seedTables.Single(s => s.Contains("单位整体绩效目标表", StringComparison.Ordinal));
            SeedSections.ContainsAll(SeedSections.Figures(seedSection), SeedSections.Figures(text), $"绩效目标表 {i}");
            var expected = GridLayout.Of(table).Cells.Where(c => c.Amount is not null).Select(c => c.Amount!.Value).ToList();
            Assert.True(PdfSections.IsSubsequence(expected, SeedSections.Figures(text)), $"绩效目标表 {i}: funds out of order");

            var tokens = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var indicator in table.Indicators.Where(x => x.Weight is not null))
            {
                Assert.Contains(indicator.Weight!.Value.ToString("0.##", CultureInfo.InvariantCulture), tokens);
            }
        }
    }

    [Fact]
    public void A_table_that_runs_over_pages_repeats_its_header_on_each()
    {
        var pages = seed.Pages.Select(SeedSections.Squeeze).ToList();
        var headings = seed.Document.Tables.Select(t => SeedSections.Squeeze($"{t.Number} {t.Title}")).ToList();
        var starts = headings.Select(h => pages.FindIndex(p => p.Contains(h, StringComparison.Ordinal))).ToList();
        starts.Add(pages.FindIndex(p => p.Contains(SeedSections.Squeeze(seed.Document.ExplanationsHeading), StringComparison.Ordinal)));
        var continued = 0;
        for (var i = 0; i < seed.Document.Tables.Count; i++)
        {
            // Header cells long enough not to be mistaken for a body label ("支出预算", "功能分类科目编码", "财政拨款(补助)").
            var header = GridLayout.Of(seed.Document.Tables[i]).Cells
                .Where(c => c.Kind == GridCellKind.Header && c.Text.Length >= 4)
                .Select(c => SeedSections.Squeeze(c.Text))
                .ToList();
            for (var page = starts[i] + 1; page < starts[i + 1]; page++)
            {
                continued++;
                Assert.True(header.Any(h => pages[page].Contains(h, StringComparison.Ordinal)), $"表{i + 1}: page {page + 1} has no header");
            }
        }

        Assert.True(continued > 0, "no table of the seed runs over a page");
    }

    [Fact]
    public void Every_font_is_embedded_and_the_text_is_extractable()
    {
        var fonts = PopplerTools.Fonts(seed.Pdf);
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            // Columns from the right: object ID (2 tokens), uni, sub, emb.
            var columns = font.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(columns[^5] == "yes", $"font not embedded: {font}");
            Assert.True(columns[^3] == "yes", $"font without a ToUnicode map (text not extractable): {font}");
        }

        Assert.Contains(seed.Lines, l => l.Contains("阿克陶县人力资源和社会保障局", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_is_a4_and_numbered_in_its_footer()
    {
        for (var i = 0; i < seed.Pages.Count; i++)
        {
            Assert.Contains($"第 {i + 1} 页 / 共 {seed.Pages.Count} 页", seed.Pages[i], StringComparison.Ordinal);
        }

        Assert.True(seed.Pages.Count > 20);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(seed.Pdf, 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_a_project_name_is_printed_as_text()
    {
        const string Evil = "<script>alert('x')</script>";
        var budget = SeedBudget.Load();
        var projects = budget.Projects.Select(p => p.Code == "P01" ? p with { Name = Evil } : p).ToList();
        var pdf = await seed.Printer.PrintAsync(DisclosureDocumentBuilder.ForUnit(budget with { Projects = projects }), TestContext.Current.CancellationToken);
        var text = SeedSections.Squeeze(string.Concat(PopplerTools.Pages(pdf)));

        Assert.Contains(SeedSections.Squeeze(Evil), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_stamped_on_every_page()
    {
        var document = seed.Document with { Draft = new DraftNotice(["B-01 测试错误"]) };
        var pages = PopplerTools.Pages(await seed.Printer.PrintAsync(document, TestContext.Current.CancellationToken));

        Assert.All(pages, page => Assert.Contains(DraftNotice.Stamp, page, StringComparison.Ordinal));
        Assert.Contains("B-01 测试错误", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Pages, page => page.Contains(DraftNotice.Stamp, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_chromium_is_a_clear_error_naming_the_install_script()
    {
        await using var printer = new ChromiumPdfPrinter(new ChromiumOptions("/nonexistent/chromium"));

        var error = await Assert.ThrowsAsync<PdfPrinterUnavailableException>(() => printer.PrintAsync(seed.Document, TestContext.Current.CancellationToken));

        Assert.Contains("scripts/ensure-browser.sh", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
