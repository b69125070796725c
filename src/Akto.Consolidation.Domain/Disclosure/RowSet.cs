using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>Builds rows from exact amounts: blanks for zero, 类/款/项 subtotals for classification rows.</summary>
internal static class RowSet
{
    public static DisclosureRow Named(string name, IReadOnlyList<string> columns, params decimal[] values) =>
        new(null, name, Cells(columns, values));

    public static DisclosureRow Named(string name, IReadOnlyDictionary<string, decimal> values, IReadOnlyList<string> columns) =>
        new(null, name, Cells(columns, values));

    public static IReadOnlyDictionary<string, decimal?> Cells(IReadOnlyList<string> columns, IReadOnlyList<decimal> values)
    {
        var cells = new Dictionary<string, decimal?>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            cells[columns[i]] = i < values.Count && values[i] != 0m ? values[i] : null;
        }

        return cells;
    }

    public static IReadOnlyDictionary<string, decimal?> Cells(IReadOnlyList<string> columns, IReadOnlyDictionary<string, decimal> values) =>
        Cells(columns, columns.Select(c => values.GetValueOrDefault(c)).ToArray());

    /// <summary>
    /// Classification rows for the leaves in <paramref name="leaves"/> (code → one value per column), with a subtotal row
    /// for every ancestor, in code order; leaves whose values are all zero are left out. Rows are named as table
    /// <paramref name="table"/> prints them (<see cref="ClassificationCatalog.DisplayNameOf"/>).
    /// </summary>
    public static List<DisclosureRow> Tree(
        IReadOnlyDictionary<string, decimal[]> leaves,
        IReadOnlyList<string> columns,
        ClassificationCatalog catalog,
        ClassificationTree tree,
        int table)
    {
        var totals = new SortedDictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var (code, values) in leaves)
        {
            if (values.All(v => v == 0m))
            {
                continue;
            }

            foreach (var node in ClassificationCodes.AncestorsOf(code).Prepend(code))
            {
                if (!totals.TryGetValue(node, out var sum))
                {
                    totals[node] = sum = new decimal[columns.Count];
                }

                for (var i = 0; i < values.Length; i++)
                {
                    sum[i] += values[i];
                }
            }
        }

        return [.. totals.Select(pair => ClassificationRow(pair.Key, pair.Value, columns, catalog, tree, table))];
    }

    public static DisclosureRow ClassificationRow(string code, IReadOnlyList<decimal> values, IReadOnlyList<string> columns, ClassificationCatalog catalog, ClassificationTree tree, int table) =>
        new(code, catalog.DisplayNameOf(tree, code, table), Cells(columns, values)) { Level = LevelName(code) };

    public static string LevelName(string code) => ClassificationCodes.LevelOf(code) switch
    {
        ClassificationLevel.Class => "类",
        ClassificationLevel.Section => "款",
        _ => "项",
    };

    /// <summary>Column sums of the top-level rows (类), for a 合计 row.</summary>
    public static decimal[] TotalOfClasses(IEnumerable<DisclosureRow> rows, IReadOnlyList<string> columns) =>
        [.. columns.Select(c => rows.Where(r => r.Code is { Length: 3 }).Sum(r => r[c]))];
}
