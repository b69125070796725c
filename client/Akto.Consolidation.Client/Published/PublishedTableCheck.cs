using System.Globalization;
using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Client.Published;

/// <summary>One inconsistency of printed tables: the cell it is reported on, what the rule expects there and what is printed.</summary>
internal sealed record PublishedInconsistency(Finding Finding, int Table, string Row, string Column, decimal? Expected, decimal Printed)
{
    public override string ToString()
    {
        var expected = Expected is { } e ? Format(e) : "?";
        return $"表{Table} 行 {Row} 列 {Column}: expected {expected} printed {Format(Printed)} — {Finding.RuleId} {Finding.Message} [涉及 {string.Join("; ", Finding.Locations)}]";
    }

    internal static string Format(decimal value) => value.ToString("#,0.00####", CultureInfo.InvariantCulture);
}

/// <summary>
/// Runs every 审核公式 that speaks of table cells (the shipped rules with a formula or a hierarchy — the same definitions
/// the validator runs on computed tables) on tables as printed. A rule over a table the file does not hold is not run and
/// is named as skipped. Each violation is reported on its first cell (the left-hand side of a formula, the parent of a
/// hierarchy) with the value that would satisfy the rule there.
/// </summary>
internal static partial class PublishedTableCheck
{
    public static (IReadOnlyList<PublishedInconsistency> Inconsistencies, IReadOnlyList<string> Skipped) Run(DisclosureSet printed, IReadOnlyList<AuditRule>? rules = null)
    {
        var present = printed.Tables.Select(t => t.Id).ToHashSet();
        Dictionary<int, Dictionary<string, DisclosureRow>>? indexes = null;
        var found = new List<PublishedInconsistency>();
        var skipped = new List<string>();
        foreach (var rule in rules ?? AuditRules.All)
        {
            var formula = rule.Formula is { } text ? CellFormula.Parse(text) : null;
            IEnumerable<int> tables = formula is not null ? formula.Left.Concat(formula.Right).Select(t => t.Table) : rule.Hierarchy is { } h ? [h] : [];
            var needed = tables.Distinct().ToList();
            if (needed.Count == 0)
            {
                continue;
            }

            if (needed.FirstOrDefault(id => !present.Contains(id)) is var missing and > 0)
            {
                skipped.Add($"{rule.Id}: 文件中没有表{missing} (table {missing} not in the file)");
                continue;
            }

            List<Finding> findings;
            try
            {
                findings = [.. TableRules.Evaluate(rule, printed)];
            }
            catch (KeyNotFoundException e)
            {
                // A printed table whose header lacks a column the rule names (renamed or left out): cannot be evaluated.
                skipped.Add($"{rule.Id}: {e.Message}");
                continue;
            }

            if (findings.Count > 0)
            {
                // The printed rows by key, built once for all the findings (not per finding).
                indexes ??= printed.Tables.ToDictionary(t => t.Id, Index);
                found.AddRange(findings.Select(f => Describe(f, rule, formula, indexes)));
            }
        }

        return (found, skipped);
    }

    /// <summary>The cells every inconsistency involves: with one wrong cell, that cell is among them.</summary>
    public static IReadOnlyList<string> CommonCells(IReadOnlyList<PublishedInconsistency> inconsistencies)
    {
        if (inconsistencies.Count == 0)
        {
            return [];
        }

        IEnumerable<string> common = inconsistencies[0].Finding.Locations;
        foreach (var item in inconsistencies.Skip(1))
        {
            common = common.Intersect(item.Finding.Locations, StringComparer.Ordinal);
        }

        return [.. common.Select(Readable)];
    }

    /// <summary>"表5[2080101].一般公共预算支出/合计" → "表5 行 2080101 列 一般公共预算支出/合计".</summary>
    public static string Readable(string location)
    {
        var match = LocationPattern().Match(location);
        return match.Success ? $"表{match.Groups["table"].Value} 行 {match.Groups["row"].Value} 列 {match.Groups["column"].Value}" : location;
    }

    private static PublishedInconsistency Describe(Finding finding, AuditRule rule, CellFormula? formula, Dictionary<int, Dictionary<string, DisclosureRow>> sets)
    {
        var match = LocationPattern().Match(finding.Locations.Count > 0 ? finding.Locations[0] : "");
        if (!match.Success)
        {
            return new PublishedInconsistency(finding, 0, "", "", null, 0m);
        }

        var table = int.Parse(match.Groups["table"].Value, CultureInfo.InvariantCulture);
        var row = match.Groups["row"].Value;
        var column = match.Groups["column"].Value;
        var index = sets[table];
        var printedValue = Cell(index, row, column);
        decimal? expected = null;
        if (formula is not null)
        {
            // The first location is the first left-hand term; the key of a per-row formula is that location's row.
            decimal Side(IEnumerable<CellTerm> side) => side.Sum(t => t.Sign * Cell(sets[t.Table], t.Row.StartsWith('*') ? row : t.Row, t.Column));
            var first = formula.Left[0];
            var rest = Side(formula.Left) - (first.Sign * printedValue);
            expected = first.Sign * (Side(formula.Right) - rest);
        }
        else if (rule.Hierarchy is not null)
        {
            var children = finding.Locations.Skip(1).Select(l => LocationPattern().Match(l)).Where(m => m.Success);
            expected = children.Sum(m => Cell(index, m.Groups["row"].Value, m.Groups["column"].Value));
        }

        return new PublishedInconsistency(finding, table, row, column, expected, printedValue);
    }

    private static Dictionary<string, DisclosureRow> Index(DisclosureTable table)
    {
        var rows = new Dictionary<string, DisclosureRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            rows.TryAdd(CellTerm.KeyOf(row), row);
        }

        return rows;
    }

    private static decimal Cell(Dictionary<string, DisclosureRow> rows, string key, string column) =>
        rows.TryGetValue(key, out var row) && row.Cells.TryGetValue(column, out var value) ? value ?? 0m : 0m;

    [GeneratedRegex(@"^表(?<table>\d+)\[(?<row>[^\]]+)\]\.(?<column>.+)$")]
    private static partial Regex LocationPattern();
}
