using System.Globalization;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Evaluates formula and hierarchy rules on a set of disclosure tables — computed or published alike.</summary>
public static class TableRules
{
    public static IEnumerable<Finding> Evaluate(AuditRule rule, DisclosureSet tables)
    {
        if (rule.Formula is { } text)
        {
            return EvaluateFormula(rule, CellFormula.Parse(text), tables);
        }

        return rule.Hierarchy is { } tableId ? EvaluateHierarchy(rule, tables.Table(tableId)) : [];
    }

    private static IEnumerable<Finding> EvaluateFormula(AuditRule rule, CellFormula formula, DisclosureSet tables)
    {
        var terms = formula.Left.Concat(formula.Right).ToList();
        IEnumerable<string?> keys = [null];
        if (formula.IsPerRow)
        {
            keys = terms
                .Where(t => t.Row.StartsWith('*'))
                .SelectMany(t => tables.Table(t.Table).Rows.Where(t.Matches).Select(CellTerm.KeyOf))
                .Distinct()
                .ToList();
        }

        var rows = terms.Select(t => t.Table).Distinct().ToDictionary(id => id, id => Index(tables.Table(id)));
        foreach (var key in keys)
        {
            decimal Side(IEnumerable<CellTerm> side) => side.Sum(t => t.Sign * Cell(rows[t.Table], t, key));
            var left = Side(formula.Left);
            var right = Side(formula.Right);
            var holds = formula.Operator switch
            {
                "=" => Math.Abs(left - right) <= rule.Tolerance,
                "<=" => left <= right + rule.Tolerance,
                _ => left + rule.Tolerance >= right,
            };
            if (!holds)
            {
                yield return new Finding(
                    rule.Id,
                    rule.Severity,
                    $"{rule.Message}（{Format(left)} {formula.Operator} {Format(right)} 不成立）",
                    [.. terms.Select(t => t.Location(t.Row.StartsWith('*') ? key! : t.Row)).Distinct()]);
            }
        }
    }

    private static decimal Cell(Dictionary<string, DisclosureRow> rows, CellTerm term, string? perRowKey)
    {
        var key = term.Row.StartsWith('*') ? perRowKey : term.Row;
        return key is not null && rows.TryGetValue(key, out var row) ? row[term.Column] : 0m;
    }

    /// <summary>A table's rows by the key formulas address them with (the first row of a key wins).</summary>
    private static Dictionary<string, DisclosureRow> Index(DisclosureTable table)
    {
        var rows = new Dictionary<string, DisclosureRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            rows.TryAdd(CellTerm.KeyOf(row), row);
        }

        return rows;
    }

    /// <summary>类 = Σ款 = Σ项 (项 rows of Table 7 are its project rows) and 合计 = Σ类, for every column.</summary>
    private static IEnumerable<Finding> EvaluateHierarchy(AuditRule rule, DisclosureTable table)
    {
        var coded = table.Rows.Where(r => r.Code is not null).ToList();
        foreach (var parent in coded.Where(r => r.Code!.Length < 7 && r.Project is null))
        {
            var childLength = parent.Code!.Length == 3 && coded.Any(r => r.Code!.Length == 5) ? 5 : 7;
            if (parent.Code.Length == 5)
            {
                childLength = 7;
            }

            var children = coded.Where(r => r.Code!.Length == childLength && r.Code.StartsWith(parent.Code, StringComparison.Ordinal)).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            foreach (var finding in CompareSum(rule, table, parent, children))
            {
                yield return finding;
            }
        }

        if (table.TryFind("合计") is { } total)
        {
            foreach (var finding in CompareSum(rule, table, total, [.. coded.Where(r => r.Code!.Length == 3)]))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> CompareSum(AuditRule rule, DisclosureTable table, DisclosureRow parent, IReadOnlyList<DisclosureRow> children)
    {
        foreach (var column in table.Columns)
        {
            var sum = children.Sum(c => c[column]);
            if (Math.Abs(sum - parent[column]) > rule.Tolerance)
            {
                var parentKey = CellTerm.KeyOf(parent);
                yield return new Finding(
                    rule.Id,
                    rule.Severity,
                    $"{rule.Message}（{parentKey} {column}: {Format(parent[column])} ≠ 下级合计 {Format(sum)}）",
                    [$"表{table.Id}[{parentKey}].{column}", .. children.Select(c => $"表{table.Id}[{CellTerm.KeyOf(c)}].{column}")]);
            }
        }
    }

    internal static string Format(decimal value) => value.ToString("#,0.00####", CultureInfo.InvariantCulture);
}
