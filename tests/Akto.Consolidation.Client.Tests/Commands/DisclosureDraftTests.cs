using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Akto.Consolidation.Client.Tests.Commands;

/// <summary><c>akto disclosure</c> refuses a document with errors, unless <c>--draft</c> asks for a stamped 草稿.</summary>
public sealed partial class DisclosureDraftTests
{
    /// <summary>The seed with one amount changed: T1-01 (收支不平) and X-100 are errors.</summary>
    private static string Broken() => CliRun.CopyOfSeed(json =>
    {
        var node = JsonNode.Parse(json)!;
        node["lines"]![5]!["amount"] = 0.54m;
        return node.ToJsonString();
    });

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    public void A_document_with_errors_is_refused_with_its_findings_and_no_tables(string format)
    {
        var (exit, output, error) = CliRun.InProcess("disclosure", Broken(), "--format", format);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("T1-01", error, StringComparison.Ordinal);
        Assert.Contains("--draft", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_document_writes_no_file()
    {
        var directory = Directory.CreateTempSubdirectory("akto-refused");

        var (exit, _, _) = CliRun.InProcess("disclosure", Broken(), "--format", "xlsx", "--out", directory.FullName);

        Assert.Equal(1, exit);
        Assert.Empty(directory.GetFiles());
    }

    [Fact]
    public void Html_draft_stamps_every_part_and_table_and_lists_the_errors()
    {
        var (exit, html, _) = CliRun.InProcess("disclosure", Broken(), "--format", "html", "--draft");

        Assert.Equal(1, exit);
        Assert.Contains("class=\"draft-stamp\">草稿</div>", html, StringComparison.Ordinal);
        Assert.Matches("<li>T1-01 错误 [^<]*</li>", html);
        var sections = SectionOpening().Matches(html);
        Assert.Equal(4 + 11 + 9, sections.Count); // 4 parts, tables 1–11, 单位整体 and 8 项目 绩效目标表.
        Assert.All(sections, s => Assert.StartsWith("<p class=\"draft\">草稿：本文档有", s.Groups["next"].Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_draft_stamps_every_sheet_in_its_first_rows_and_page_header()
    {
        var directory = Directory.CreateTempSubdirectory("akto-draft");

        var (exit, _, _) = CliRun.InProcess("disclosure", Broken(), "--format", "xlsx", "--out", directory.FullName, "--draft");

        Assert.Equal(1, exit);
        using var workbook = SpreadsheetDocument.Open(directory.GetFiles("*.xlsx").Single().FullName, false);
        var parts = workbook.WorkbookPart!.WorksheetParts.ToList();
        Assert.Equal(1 + 11 + 9, parts.Count);
        foreach (var part in parts)
        {
            var firstRows = part.Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value <= 3).SelectMany(r => r.Descendants<Text>()).Select(t => t.Text);
            Assert.Contains(firstRows, t => t.StartsWith("草稿：本文档有", StringComparison.Ordinal));
            Assert.Contains("草稿", part.Worksheet.Descendants<OddHeader>().Single().Text, StringComparison.Ordinal);
        }

        var notes = workbook.WorkbookPart.WorksheetParts.First().Worksheet.Descendants<Text>().Select(t => t.Text).ToList();
        Assert.Contains(notes, t => t.StartsWith("T1-01 错误", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_draft_carries_the_stamp_and_the_errors()
    {
        var (exit, output, _) = CliRun.InProcess("disclosure", Broken(), "--format", "json", "--draft");

        Assert.Equal(1, exit);
        var draft = JsonNode.Parse(output)!["draft"]!;
        Assert.Equal("草稿", draft["stamp"]!.GetValue<string>());
        Assert.Contains(draft["errors"]!.AsArray(), e => e!.GetValue<string>().StartsWith("T1-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_and_csv_drafts_are_marked_on_every_table()
    {
        var markdown = CliRun.InProcess("disclosure", Broken(), "--format", "md", "--draft").Output;
        var csv = CliRun.InProcess("disclosure", Broken(), "--format", "csv", "--draft").Output;

        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
        Assert.Contains("> 错误：T1-01", markdown, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Matches(markdown, "^## 表\\d+ .*（草稿）$", RegexOptions.Multiline).Count);
        Assert.StartsWith("# 草稿：本文档有", csv, StringComparison.Ordinal);
        Assert.Contains("# 错误：T1-01", csv, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Matches(csv, "^# 表\\d+ .*（草稿）$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Csv_files_of_a_draft_each_open_with_the_stamp()
    {
        var directory = Directory.CreateTempSubdirectory("akto-draft-csv");

        CliRun.InProcess("disclosure", Broken(), "--format", "csv", "--out", directory.FullName, "--draft");

        var files = directory.GetFiles("*.csv");
        Assert.Equal(11, files.Length);
        Assert.All(files, f => Assert.StartsWith("# 草稿：", File.ReadAllText(f.FullName), StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_without_errors_is_published_unstamped_and_a_requested_draft_is_stamped()
    {
        var published = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "html");
        var draft = CliRun.InProcess("disclosure", CliRun.Seed, "--format", "html", "--draft");

        Assert.Equal(0, published.Exit);
        Assert.DoesNotContain("草稿", published.Output, StringComparison.Ordinal);
        Assert.Equal(0, draft.Exit);
        Assert.Contains("草稿：不得公开", draft.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex("<section class=\"(?:part|grid)[^\"]*\" id=\"[^\"]+\">\n(?<next>[^\n]*)")]
    private static partial Regex SectionOpening();
}
