using System.Globalization;
using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>The printable HTML of the seed unit against the published seed text.</summary>
public sealed class HtmlDisclosureWriterTests
{
    private static readonly Lazy<(DisclosureDocument Document, string Html)> Seed = new(() =>
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());
        return (document, HtmlDisclosureWriter.ToHtml(document));
    });

    public static TheoryData<int> TableIds() => [.. Enumerable.Range(1, 11)];

    [Theory]
    [MemberData(nameof(TableIds))]
    public void Every_figure_of_each_seed_table_is_in_that_html_table(int id)
    {
        var expected = SeedSections.Figures(SeedSections.Table(id));
        var cells = SeedSections.HtmlCells(Seed.Value.Html, $"table-{id}");
        var actual = cells.SelectMany(SeedSections.Figures).ToList();

        SeedSections.ContainsAll(expected, actual, $"表{id}");
        if (id is not (8 or 9))
        {
            Assert.NotEmpty(expected);
        }
    }

    [Fact]
    public void Every_figure_and_indicator_of_the_nine_performance_tables_is_in_its_html_table()
    {
        var seed = SeedSections.PerformanceTables();
        var tables = Seed.Value.Document.PerformanceTables.ToList();
        Assert.Equal(9, seed.Count);
        Assert.Equal(seed.Count, tables.Count);
        var matched = new HashSet<int>();
        foreach (var section in seed)
        {
            // The seed prints the project tables in an order of its own (not the projects' order): match them by name.
            var squeezedSeed = SeedSections.Squeeze(section);
            var index = section.Contains("单位整体绩效目标表", StringComparison.Ordinal)
                ? tables.FindIndex(t => t.Kind == PerformanceTableKind.Unit)
                : tables.FindIndex(t => t.ProjectName is { } name && squeezedSeed.Contains("项目名称" + SeedSections.Squeeze(name), StringComparison.Ordinal));
            Assert.True(index >= 0, $"no table for {squeezedSeed[..Math.Min(60, squeezedSeed.Length)]}");
            Assert.True(matched.Add(index), $"two seed tables match table {index}");

            var table = tables[index];
            var cells = SeedSections.HtmlCells(Seed.Value.Html, $"performance-{index}");
            var text = SeedSections.Squeeze(string.Concat(cells));
            if (table.ProjectName is { } project)
            {
                Assert.Contains(SeedSections.Squeeze(project), text, StringComparison.Ordinal);
            }

            SeedSections.ContainsAll(SeedSections.Figures(section), cells.SelectMany(SeedSections.Figures), $"绩效目标表 {index}");
            foreach (var indicator in table.Indicators)
            {
                foreach (var value in new[] { indicator.Level3, indicator.Value, indicator.Basis ?? "", indicator.PriorValue ?? "" })
                {
                    // Both: the structured seed says what the published table says, and the HTML table prints it.
                    Assert.Contains(SeedSections.Squeeze(value), squeezedSeed, StringComparison.Ordinal);
                    Assert.Contains(SeedSections.Squeeze(value), text, StringComparison.Ordinal);
                }

                if (indicator.Weight is { } weight)
                {
                    Assert.Contains(weight.ToString("0.##", CultureInfo.InvariantCulture), cells);
                }
            }
        }
    }

    [Fact]
    public void Part_one_reads_as_the_seed_prints_it()
    {
        var document = Seed.Value.Document;
        var text = document.OverviewHeading + string.Concat(OverviewText.Sections(document).Select(s => s.Heading + string.Concat(s.Paragraphs)));
        Assert.Equal(SeedSections.Squeeze(SeedSections.Overview()), SeedSections.Squeeze(text));
        Assert.Contains("编制数27，实有人数76人", SeedSections.HtmlSection(Seed.Value.Html, "part-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Part_four_and_the_sign_off_read_as_the_seed_prints_them()
    {
        var part = SeedSections.HtmlSection(Seed.Value.Html, "part-4");
        var paragraphs = System.Text.RegularExpressions.Regex.Matches(part, "<(?:h2|p)>(.*?)</(?:h2|p)>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Equal(SeedSections.Squeeze(SeedSections.Glossary()), SeedSections.Squeeze(string.Concat(paragraphs)));
    }

    [Fact]
    public void Each_table_prints_its_number_title_preparer_and_unit_line()
    {
        foreach (var table in Seed.Value.Document.Tables)
        {
            var section = SeedSections.HtmlSection(Seed.Value.Html, $"table-{table.Table.Id}");
            Assert.Contains($"<div class=\"number\">表{table.Table.Id}</div>", section, StringComparison.Ordinal);
            Assert.Contains($"<h3>{System.Net.WebUtility.HtmlEncode($"表{table.Table.Id} {table.Title}")}</h3>", section, StringComparison.Ordinal);
            Assert.Contains("<span>编制单位：阿克陶县人力资源和社会保障局</span><span>单位：万元</span>", section, StringComparison.Ordinal);
            Assert.Contains(SeedSections.Squeeze(table.Title), SeedSections.Squeeze(SeedSections.Table(table.Table.Id)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Headers_are_merged_as_in_the_seed()
    {
        var table2 = SeedSections.HtmlSection(Seed.Value.Html, "table-2");
        Assert.Contains("<th colspan=\"3\">功能分类科目编码</th>", table2, StringComparison.Ordinal);
        Assert.Contains("<th colspan=\"7\">财政拨款(补助)</th>", table2, StringComparison.Ordinal);
        Assert.Contains("<th rowspan=\"2\">总计</th>", table2, StringComparison.Ordinal);
        var table1 = SeedSections.HtmlSection(Seed.Value.Html, "table-1");
        Assert.Contains("<th colspan=\"2\">收入</th>", table1, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">6,836.95</td>", table1, StringComparison.Ordinal);
        var table11 = SeedSections.HtmlSection(Seed.Value.Html, "table-11");
        Assert.Contains("<th colspan=\"2\">基本支出</th>", table11, StringComparison.Ordinal);
        Assert.Contains("<th rowspan=\"3\">项目名称</th>", table11, StringComparison.Ordinal);
    }

    [Fact]
    public void Performance_tables_sit_between_budget_performance_and_other_matters()
    {
        var html = Seed.Value.Html;
        var part = html[html.IndexOf("id=\"part-3\"", StringComparison.Ordinal)..html.IndexOf("id=\"part-4\"", StringComparison.Ordinal)];
        var performance = part.IndexOf("（四）预算绩效情况", StringComparison.Ordinal);
        var first = part.IndexOf("id=\"performance-0\"", StringComparison.Ordinal);
        var last = part.IndexOf("id=\"performance-8\"", StringComparison.Ordinal);
        var other = part.IndexOf("（五）其他需说明的事项", StringComparison.Ordinal);
        Assert.True(performance >= 0 && performance < first && first < last && last < other, $"{performance} {first} {last} {other}");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    public void An_empty_table_carries_the_seeds_note(int id)
    {
        var section = SeedSections.HtmlSection(Seed.Value.Html, $"table-{id}");
        var note = System.Text.RegularExpressions.Regex.Match(section, "<p class=\"note\">(.*?)</p>").Groups[1].Value;
        var seed = SeedSections.Squeeze(SeedSections.Table(id));

        Assert.StartsWith("备注：", note, StringComparison.Ordinal);
        Assert.EndsWith(SeedSections.Squeeze(note), seed, StringComparison.Ordinal);
    }

    [Fact]
    public void Part_three_holds_the_explanations_paragraph_by_paragraph()
    {
        var budget = SeedBudget.Load();
        var expected = SeedBudget.Render(budget).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var html = Seed.Value.Html;
        var part = html[html.IndexOf("id=\"part-3\"", StringComparison.Ordinal)..html.IndexOf("id=\"part-4\"", StringComparison.Ordinal)];
        var actual = System.Text.RegularExpressions.Regex.Matches(part, "<(h2|p)>(.*?)</\\1>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_script_in_a_project_name_is_escaped()
    {
        var budget = SeedBudget.Load();
        const string Evil = "<script>alert('x')</script>";
        var projects = budget.Projects.Select(p => p.Code == "P01" ? p with { Name = Evil } : p).ToList();
        var html = HtmlDisclosureWriter.ToHtml(DisclosureDocumentBuilder.ForUnit(budget with { Projects = projects }));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", SeedSections.HtmlSection(html, "table-7"), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", SeedSections.HtmlSection(html, "performance-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_loads_nothing_from_outside_and_prints_on_a4()
    {
        var html = Seed.Value.Html;
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
    }
}
