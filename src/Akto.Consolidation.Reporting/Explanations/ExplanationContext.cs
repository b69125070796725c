using System.Globalization;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Reporting.Explanations;

/// <summary>What the sections of the explanations read: the document, its tables, the computed figures and the reasons.</summary>
internal sealed class ExplanationContext
{
    private readonly Dictionary<string, decimal> _figures;
    private readonly Dictionary<string, YearOnYearComparison> _comparisons;
    private readonly ClassificationCatalog? _catalog;

    public ExplanationContext(BudgetDocument document, DisclosureSet tables, ClassificationCatalog? catalog)
    {
        Document = document;
        Tables = tables;
        _figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var figure in ExplanationFigures.Compute(document, tables))
        {
            _figures[figure.Key] = figure.Value;
        }

        _comparisons = YearOnYear.Comparisons(document).ToDictionary(c => c.Subject, StringComparer.Ordinal);
        _catalog = catalog;
    }

    public BudgetDocument Document { get; }

    public DisclosureSet Tables { get; }

    /// <summary>单位名称 (or the scope's name for consolidated tables).</summary>
    public string Unit => Document.UnitName.Length > 0 ? Document.UnitName : Tables.Scope.Name;

    public int Year => Document.Year;

    /// <summary>"阿克陶县人力资源和社会保障局2024年".</summary>
    public string UnitYear => $"{Unit}{Year}年";

    /// <summary>The figure under <paramref name="key"/>, if <see cref="ExplanationFigures"/> computed one.</summary>
    public decimal? Figure(string key) => _figures.TryGetValue(key, out var value) ? value : null;

    /// <summary>A figure that is always computed.</summary>
    public decimal Required(string key) =>
        Figure(key) ?? throw new InvalidOperationException($"说明数字 {key} 未计算 (figure '{key}' was not computed).");

    /// <summary>
    /// 比上年预算增减 of <paramref name="key"/>: the figures <c>{key}/change</c> and <c>{key}/changePercent</c>, else the
    /// <see cref="YearOnYear"/> comparison (a 项 the prior year had and this year has not); null without a prior year.
    /// </summary>
    public (decimal Change, decimal Percent)? Change(string key)
    {
        if (Figure($"{key}/change") is { } change && Figure($"{key}/changePercent") is { } percent)
        {
            return (change, percent);
        }

        return _comparisons.TryGetValue(key, out var comparison) ? (comparison.Change, comparison.ChangePercent) : null;
    }

    /// <summary>主要原因 of <paramref name="subject"/>.</summary>
    public string? Reason(string subject) => Text(subject, ExplanationKind.Reason);

    /// <summary>主要用于 of <paramref name="subject"/>.</summary>
    public string? Purpose(string subject) => Text(subject, ExplanationKind.Purpose);

    /// <summary>The name of a classification code: the catalog's, else a table row's, else the code.</summary>
    public string NameOf(ClassificationTree tree, string code)
    {
        if (_catalog?.Find(tree, code) is { } entry)
        {
            return entry.Name;
        }

        var tableIds = tree == ClassificationTree.Function ? new[] { 5, 3, 4 } : [6];
        return tableIds.Select(id => Tables.Table(id).TryFind(code)?.Name).FirstOrDefault(n => n is not null) ?? code;
    }

    private string? Text(string subject, ExplanationKind kind)
    {
        var text = Document.Explanations.FirstOrDefault(e => e.Subject == subject && e.Kind == kind)?.Text;
        return ExplanationText.Clause(text);
    }
}

/// <summary>How the explanations write money, percentages, changes and clauses.</summary>
internal static class ExplanationText
{
    /// <summary>"#,0.00" 万元 amounts, half away from zero.</summary>
    public static string Money(decimal value) => PublishedAmount.Format(value, grouped: true);

    /// <summary>"0.00%".</summary>
    public static string Percent(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>平方米 "#,0.00".</summary>
    public static string Area(decimal value) =>
        decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A count ("19").</summary>
    public static string Count(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>
    /// "增加 X 万元，增长 Y%" or "减少 X 万元，下降 Y%" with absolute values; no change reads as an increase of 0.00, as the
    /// seed writes it. <paramref name="separator"/> is the comma between the two halves.
    /// </summary>
    public static string Change((decimal Change, decimal Percent) change, string separator = "，") =>
        change.Change < 0m
            ? $"减少{Money(-change.Change)}万元{separator}下降{Percent(Math.Abs(change.Percent))}"
            : $"增加{Money(change.Change)}万元{separator}增长{Percent(Math.Abs(change.Percent))}";

    /// <summary>"比上年预算增加 X 万元，增长 Y%".</summary>
    public static string ComparedWithPriorYear((decimal Change, decimal Percent) change, string separator = "，") =>
        "比上年预算" + Change(change, separator);

    /// <summary>Text quoted inside a sentence: trimmed, without its closing punctuation; null when empty.</summary>
    public static string? Clause(string? text)
    {
        var clause = text?.Trim().TrimEnd('。', '；', ';', '，', ',', '.');
        return string.IsNullOrWhiteSpace(clause) ? null : clause;
    }

    /// <summary>"2024年1月1日".</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";
}
