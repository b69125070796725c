using System.Text.Json;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>A unit whose version differs between two snapshots (null: not in that snapshot).</summary>
public sealed record UnitVersionChange(string UnitCode, int? From, int? To);

/// <summary>A table cell whose published figure (万元) differs: <c>row</c> is the row's code (or name) and project.</summary>
public sealed record CellChange(string Path, int Table, string Row, string Column, decimal? From, decimal? To);

/// <summary>两次快照的差异: units that changed version and table cells that changed, from the stored JSON tables.</summary>
public sealed record SnapshotDiff(string From, string To, IReadOnlyList<UnitVersionChange> Units, IReadOnlyList<CellChange> Cells, bool Truncated)
{
    /// <summary>At most this many cells are listed; <see cref="Truncated"/> says there were more.</summary>
    public const int MaxCells = 5000;

    /// <summary>Compares two snapshots' units and their <c>tables.json</c> files (path → JSON).</summary>
    public static SnapshotDiff Compare(
        string from,
        string to,
        IReadOnlyList<CutUnit> fromUnits,
        IReadOnlyList<CutUnit> toUnits,
        IReadOnlyDictionary<string, byte[]> fromTables,
        IReadOnlyDictionary<string, byte[]> toTables)
    {
        var before = fromUnits.ToDictionary(u => u.UnitCode, u => u.Version, StringComparer.Ordinal);
        var after = toUnits.ToDictionary(u => u.UnitCode, u => u.Version, StringComparer.Ordinal);
        var units = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(code => new UnitVersionChange(code, before.TryGetValue(code, out var a) ? a : null, after.TryGetValue(code, out var b) ? b : null))
            .Where(c => c.From != c.To)
            .ToList();

        var cells = new List<CellChange>();
        foreach (var path in fromTables.Keys.Union(toTables.Keys).Order(StringComparer.Ordinal))
        {
            var old = fromTables.TryGetValue(path, out var o) ? ReadCells(o) : [];
            var current = toTables.TryGetValue(path, out var n) ? ReadCells(n) : [];
            foreach (var key in old.Keys.Union(current.Keys).OrderBy(k => k.Table).ThenBy(k => k.Row, StringComparer.Ordinal).ThenBy(k => k.Column, StringComparer.Ordinal))
            {
                var was = old.GetValueOrDefault(key);
                var now = current.GetValueOrDefault(key);
                if (was != now)
                {
                    cells.Add(new CellChange(path, key.Table, key.Row, key.Column, was, now));
                }
            }
        }

        return new SnapshotDiff(from, to, units, [.. cells.Take(MaxCells)], cells.Count > MaxCells);
    }

    private static Dictionary<(int Table, string Row, string Column), decimal?> ReadCells(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var cells = new Dictionary<(int, string, string), decimal?>();
        foreach (var table in document.RootElement.GetProperty("tables").EnumerateArray())
        {
            var id = table.GetProperty("id").GetInt32();
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var key = Text(row, "code") ?? Text(row, "name") ?? "";
                if (Text(row, "project") is { } project)
                {
                    key += " / " + project;
                }

                if (Text(row, "unitCode") is { } unit)
                {
                    key += " @" + unit;
                }

                foreach (var cell in row.GetProperty("cells").EnumerateObject())
                {
                    // A row key repeated within a table keeps its first cells: the tables list each row once.
                    cells.TryAdd((id, key, cell.Name), cell.Value.ValueKind == JsonValueKind.Number ? cell.Value.GetDecimal() : null);
                }
            }
        }

        return cells;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
