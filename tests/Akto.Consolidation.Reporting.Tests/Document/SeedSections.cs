using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>
/// Cuts the published seed text into the parts the document tests compare with: the text of each table 1–11, of each
/// 绩效目标表 (seed order), 第一部分 and 第四部分, and extracts the figures (numbers with decimals) a section prints.
/// </summary>
internal static partial class SeedSections
{
    public static string[] Lines() => JoinWrappedNumbers(SeedDisclosure.Read().Split('\n'));

    /// <summary>
    /// The PDF's text wraps amounts in narrow columns ("632.6", blank line, "7" for 632.67; "648." then "20"): a line whose
    /// last token is a number cut short (a '.' or ',' and fewer than 2 decimals) is joined with the digits that open the
    /// next non-empty line.
    /// </summary>
    private static string[] JoinWrappedNumbers(string[] lines)
    {
        var result = new List<string>(lines);
        for (var i = 0; i < result.Count; i++)
        {
            var cut = CutNumber().Match(result[i]);
            if (!cut.Success)
            {
                continue;
            }

            var next = i + 1;
            while (next < result.Count && result[next].Trim().Length == 0)
            {
                next++;
            }

            if (next < result.Count && Continuation().Match(result[next]) is { Success: true } rest)
            {
                result[i] = result[i].TrimEnd() + rest.Groups[1].Value;
                result[next] = result[next][rest.Length..];
            }
        }

        return [.. result];
    }

    /// <summary>The seed text of table <paramref name="id"/>: from its "表 N" line to the next table or 第三部分.</summary>
    public static string Table(int id)
    {
        var lines = Lines();
        var start = Array.FindIndex(lines, l => TableMarker().Match(l) is { Success: true } m && m.Groups[1].Value == id.ToString(CultureInfo.InvariantCulture));
        Assert.True(start >= 0, $"seed has no 表 {id}");
        var end = Array.FindIndex(lines, start + 1, l => TableMarker().IsMatch(l) || l.Contains("第三部分", StringComparison.Ordinal));
        return string.Join('\n', lines[start..end]);
    }

    /// <summary>The nine 绩效目标表 of the seed, in order: 单位整体 first, then the eight 项目支出.</summary>
    public static IReadOnlyList<string> PerformanceTables()
    {
        var lines = Lines();
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() is "单位整体绩效目标表" or "项目支出绩效目标表").ToList();
        var end = Array.FindIndex(lines, starts[^1], l => l.Contains("（五）其他需说明的事项", StringComparison.Ordinal));
        return [.. starts.Select((s, i) => string.Join('\n', lines[s..(i + 1 < starts.Count ? starts[i + 1] : end)]))];
    }

    /// <summary>第一部分 from its heading to 第二部分 (exclusive).</summary>
    public static string Overview()
    {
        var lines = Lines();
        var end = Array.FindIndex(lines, l => l.Contains("第二部分", StringComparison.Ordinal));
        return string.Join('\n', lines[..end]);
    }

    /// <summary>第四部分 from its heading to the end (glossary and sign-off).</summary>
    public static string Glossary()
    {
        var lines = Lines();
        var start = Array.FindIndex(lines, l => l.Contains("第四部分", StringComparison.Ordinal));
        return string.Join('\n', lines[start..]);
    }

    /// <summary>Every number with decimals a text prints ("6,836.95", "3852.63", "=1130.54万元" → 1130.54), as decimals.</summary>
    public static List<decimal> Figures(string text) =>
        [.. Figure().Matches(text).Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))];

    /// <summary>The text with all white space removed, for comparing wording across the PDF's line breaks.</summary>
    public static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    /// <summary>The decoded texts of every cell of one HTML section (by id).</summary>
    public static List<string> HtmlCells(string html, string sectionId)
    {
        var section = HtmlSection(html, sectionId);
        return [.. HtmlCell().Matches(section).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    public static string HtmlSection(string html, string sectionId)
    {
        var match = Regex.Match(html, $"<section class=\"[^\"]*\" id=\"{Regex.Escape(sectionId)}\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(match.Success, $"HTML has no section {sectionId}");
        return match.Groups[1].Value;
    }

    /// <summary>Asserts that every figure of <paramref name="expected"/> occurs in <paramref name="actual"/> at least as often.</summary>
    public static void ContainsAll(IEnumerable<decimal> expected, IEnumerable<decimal> actual, string where)
    {
        var available = actual.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var missing = new List<decimal>();
        foreach (var value in expected)
        {
            if (available.TryGetValue(value, out var count) && count > 0)
            {
                available[value] = count - 1;
            }
            else
            {
                missing.Add(value);
            }
        }

        Assert.True(missing.Count == 0, $"{where}: missing {string.Join(", ", missing.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}");
    }

    [GeneratedRegex(@"(?:^|\s)\d[\d,]*(?:\.\d?|,\d{0,2})\s*$")]
    private static partial Regex CutNumber();

    [GeneratedRegex(@"^\s*(\d[\d,.]*)")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"^\s*表\s*(\d+)\s*$")]
    private static partial Regex TableMarker();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex HtmlCell();
}
