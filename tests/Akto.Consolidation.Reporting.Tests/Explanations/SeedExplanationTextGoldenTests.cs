using System.Globalization;
using System.Text.RegularExpressions;

namespace Akto.Consolidation.Reporting.Tests.Explanations;

/// <summary>
/// The rendered 第三部分 单位预算情况说明 equals the seed's, section by section, once white space and the PDF's line breaks
/// are removed. Sentences the data cannot reproduce word for word are listed in <see cref="Deviations"/> with the reason;
/// for those only the figures are compared: every amount and percentage of the seed's sentence must appear in the rendered one.
/// </summary>
public sealed partial class SeedExplanationTextGoldenTests
{
    /// <summary>A seed sentence (identified by a fragment of its normalised text) that is compared by its figures only.</summary>
    public sealed record Deviation(string Section, string Fragment, string Reason);

    public static readonly Deviation[] Deviations =
    [
        new("十一", "非财政拨款0.00万元，其中:",
            "The seed writes \"其中:\" with an ASCII colon here only; every other \"其中：\" of the seed (sections 二, 三, 五, 六, 十, 十二) is full-width, and the writer keeps that common pattern."),
        new("十二", "涉及预算金额4990.00万元",
            "The seed prints 4990.00 and 648.20 ungrouped after 7,499.14 grouped in the same sentence; the writer formats all money \"#,0.00\" (4,990.00)."),
        new("十二", "涉及预算金额2336.12万元",
            "The seed prints 2336.12 ungrouped where every other amount of four digits is grouped (2,336.12 in section 二); the writer formats all money \"#,0.00\"."),
    ];

    /// <summary>The section numbers of 第三部分, in order; "" is the part's own heading.</summary>
    private static readonly string[] SectionNumbers = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Seed = new(() => Sections(SeedPart3(SeedDisclosure.Read())));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Rendered = new(() => Sections(Normalise(SeedBudget.Render(SeedBudget.Load()))));

    public static TheoryData<string> Numbers => [.. SectionNumbers];

    [Fact]
    public void Seed_and_rendering_have_the_same_sections_in_the_same_order()
    {
        Assert.Equal(SectionNumbers, Seed.Value.Keys);
        Assert.Equal(SectionNumbers, Rendered.Value.Keys);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Section_equals_the_seed(string number)
    {
        var seed = Seed.Value[number];
        var rendered = Rendered.Value[number];
        var deviations = Deviations.Where(d => d.Section == number).ToList();
        if (deviations.Count == 0)
        {
            Assert.Equal(seed, rendered);
            return;
        }

        // Sentence by sentence: equal, except the listed deviations, whose figures must all appear in the rendered sentence.
        var seedSentences = Sentences(seed);
        var renderedSentences = Sentences(rendered);
        Assert.Equal(seedSentences.Count, renderedSentences.Count);
        var used = new HashSet<Deviation>();
        for (var i = 0; i < seedSentences.Count; i++)
        {
            var deviation = deviations.FirstOrDefault(d => seedSentences[i].Contains(d.Fragment, StringComparison.Ordinal));
            if (deviation is null)
            {
                Assert.Equal(seedSentences[i], renderedSentences[i]);
                continue;
            }

            used.Add(deviation);
            Assert.NotEqual(seedSentences[i], renderedSentences[i]);
            var renderedFigures = Figures(renderedSentences[i]).ToHashSet();
            var missing = Figures(seedSentences[i]).Where(f => !renderedFigures.Contains(f)).ToList();
            Assert.True(missing.Count == 0, $"figures {string.Join(", ", missing)} of the seed's sentence are missing from the rendered one:\n{seedSentences[i]}\n{renderedSentences[i]}");
        }

        Assert.True(used.Count == deviations.Count, $"stale deviations (no seed sentence has their fragment): {string.Join("; ", deviations.Except(used).Select(d => d.Fragment))}");
    }

    [Fact]
    public void Every_deviation_is_a_seed_sentence_the_writer_does_not_reproduce()
    {
        foreach (var deviation in Deviations)
        {
            Assert.Contains(deviation.Fragment, Seed.Value[deviation.Section], StringComparison.Ordinal);
            Assert.DoesNotContain(deviation.Fragment, Rendered.Value[deviation.Section], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Figures_are_read_with_their_value_and_kind()
    {
        Assert.Equal(
            [(7499.14m, false), (4990.00m, false), (16.36m, true), (18.27m, false)],
            Figures("收支总预算7,499.14万元；4990.00万元，增长16.36%；1.2023年普惠金融发展专项资金项目18.27万元"));
    }

    /// <summary>第三部分 of the seed, normalised, without the performance-target tables (表) that (四) introduces.</summary>
    internal static string SeedPart3(string disclosure)
    {
        var text = Normalise(disclosure);
        var start = text.IndexOf("第三部分", StringComparison.Ordinal);
        var end = text.IndexOf("第四部分", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the seed disclosure has no 第三部分 … 第四部分");
        text = text[start..end];

        // The explanations end (四) with "具体情况见下表（按项目分别填报）："; the tables that follow up to (五) are disclosure
        // tables (单位整体 / 项目支出绩效目标表), not explanation text.
        const string tablesFollow = "具体情况见下表（按项目分别填报）：";
        var tables = text.IndexOf(tablesFollow, StringComparison.Ordinal) + tablesFollow.Length;
        var next = text.IndexOf("（五）其他需说明的事项", StringComparison.Ordinal);
        Assert.True(tables >= tablesFollow.Length && next > tables, "the seed's 十二 has no performance tables before (五)");
        return text[..tables] + text[next..];
    }

    /// <summary>Removes all white space, which also joins the lines the PDF broke.</summary>
    internal static string Normalise(string text) => WhiteSpace().Replace(text, "");

    /// <summary>Splits normalised text at the section headings "一、关于…" … "十二、其他重要事项…".</summary>
    internal static IReadOnlyDictionary<string, string> Sections(string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var headings = SectionHeading().Matches(text).ToList();
        sections[""] = headings.Count == 0 ? text : text[..headings[0].Index];
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            Assert.True(sections.TryAdd(headings[i].Groups["n"].Value, text[headings[i].Index..end]), $"section {headings[i].Groups["n"].Value} appears twice");
        }

        return sections;
    }

    /// <summary>Sentences ending in "。" (the last one may end otherwise).</summary>
    internal static IReadOnlyList<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Where(s => s.Length > 0)];

    /// <summary>The amounts (2 decimals, grouped or not) and percentages of a text, with their value and whether they are a percentage.</summary>
    internal static IReadOnlyList<(decimal Value, bool Percent)> Figures(string text) =>
        [.. Figure().Matches(text).Select(m => (decimal.Parse(m.Groups["v"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), m.Groups["p"].Success))];

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("(?<n>十二|十一|十|九|八|七|六|五|四|三|二|一)、(关于|其他重要事项)")]
    private static partial Regex SectionHeading();

    [GeneratedRegex("(?<=。)")]
    private static partial Regex SentenceEnd();

    // Not preceded by a digit or a decimal point ("1.2023年" is an item number and a year, not 1.20).
    [GeneratedRegex(@"(?<![\d.]|\d,)(?<v>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?!\d)(?<p>%)?")]
    private static partial Regex Figure();
}
