using Akto.Consolidation.Domain.Disclosure;
using System.Globalization;
using Akto.Consolidation.Reporting.Document;
using Akto.Consolidation.Reporting.Tests.Document;

namespace Akto.Consolidation.Reporting.Tests;

/// <summary>Publishing in 元: every renderer prints 元 figures (exact, 2 decimals) under "单位：元".</summary>
public sealed class PublishedUnitTests
{
    [Theory]
    [InlineData("元", PublishedUnit.Yuan)]
    [InlineData("yuan", PublishedUnit.Yuan)]
    [InlineData("万元", PublishedUnit.TenThousandYuan)]
    [InlineData("WanYuan", PublishedUnit.TenThousandYuan)]
    [InlineData(null, PublishedUnit.TenThousandYuan)]
    public void Parses_the_unit_names(string? text, PublishedUnit expected)
    {
        Assert.True(PublishedUnits.TryParse(text, out var unit));
        Assert.Equal(expected, unit);
    }

    [Fact]
    public void Rejects_other_units() => Assert.False(PublishedUnits.TryParse("千元", out _));

    [Fact]
    public void Every_seed_amount_in_yuan_is_ten_thousand_times_the_wanyuan_amount()
    {
        var set = DisclosureTables.For(SeedBudget.Load());
        var yuan = set.In(PublishedUnit.Yuan);

        Assert.Equal("元", yuan.CurrencyUnit);
        Assert.Equal(set.Tables.Count, yuan.Tables.Count);
        for (var t = 0; t < set.Tables.Count; t++)
        {
            for (var r = 0; r < set.Tables[t].Rows.Count; r++)
            {
                foreach (var (column, value) in set.Tables[t].Rows[r].Cells)
                {
                    Assert.Equal(value * 10_000m, yuan.Tables[t].Rows[r].Cells[column]);
                }
            }
        }

        Assert.Same(set, set.In(PublishedUnit.TenThousandYuan));
        Assert.Equal(set.Tables[0].Rows[0].Cells.Values, yuan.In(PublishedUnit.TenThousandYuan).Tables[0].Rows[0].Cells.Values);
    }

    [Fact]
    public void The_html_document_in_yuan_says_so_on_every_table_and_prints_yuan_figures()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load(), unit: PublishedUnit.Yuan);
        var html = HtmlDisclosureWriter.ToHtml(document);

        foreach (var table in document.Tables)
        {
            Assert.Contains("<span>单位：元</span>", SeedSections.HtmlSection(html, $"table-{table.Table.Id}"), StringComparison.Ordinal);
        }

        // 收入总计 7,499.14 万元.
        Assert.Contains("<td class=\"num\">74,991,400.00</td>", SeedSections.HtmlSection(html, "table-1"), StringComparison.Ordinal);
        Assert.DoesNotContain("单位：万元", html, StringComparison.Ordinal);
        var unitTable = SeedSections.HtmlSection(html, "performance-0");
        Assert.Contains("年度预算（元）", unitTable, StringComparison.Ordinal);
        var funds = document.PerformanceTables.First().Funds;
        Assert.All(funds, f => Assert.Contains($"<td colspan=\"3\" class=\"num\">{f.Amount.ToString("#,0.00", CultureInfo.InvariantCulture)}</td>", unitTable, StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_in_yuan_heads_each_table_with_its_unit()
    {
        var markdown = DisclosureTextWriter.ToMarkdown(DisclosureTables.For(SeedBudget.Load()).In(PublishedUnit.Yuan));

        Assert.Equal(11, markdown.Split("单位：元\n").Length - 1);
        Assert.Contains("74,991,400.00", markdown, StringComparison.Ordinal);
    }
}
