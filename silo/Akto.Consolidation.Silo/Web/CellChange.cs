using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Silo.Web;

/// <summary>One printed cell of the disclosure tables that differs between two versions (版本比较).</summary>
public sealed record CellChange(int Table, string Row, string Column, decimal? From, decimal? To)
{
    /// <summary>Every cell whose printed figure differs, rows matched by code, project and name; a row on one side only counts as blank on the other.</summary>
    public static IEnumerable<CellChange> Between(DisclosureSet from, DisclosureSet to)
    {
        foreach (var table in to.Tables)
        {
            var before = from.Tables.FirstOrDefault(t => t.Id == table.Id);
            var oldRows = (before?.Rows ?? []).GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            var newRows = table.Rows.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var key in oldRows.Keys.Union(newRows.Keys))
            {
                var oldRow = oldRows.GetValueOrDefault(key);
                var newRow = newRows.GetValueOrDefault(key);
                var label = (newRow ?? oldRow)!;
                foreach (var column in table.Columns)
                {
                    var a = oldRow?.Cells.GetValueOrDefault(column);
                    var b = newRow?.Cells.GetValueOrDefault(column);
                    if ((a ?? 0m) != (b ?? 0m))
                    {
                        yield return new CellChange(table.Id, $"{label.Code} {label.Project ?? label.Name}".Trim(), column, a, b);
                    }
                }
            }
        }
    }

    private static string Key(DisclosureRow row) => $"{row.Code}|{row.Project}|{row.Name}|{row.UnitCode}";
}
