using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Akto.Consolidation.Client.Forms;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Client.Published;

/// <summary>Tables 1–11 as printed, and the cells that could not be read as amounts (sheet!cell: why).</summary>
internal sealed record PublishedTables(DisclosureSet Set, IReadOnlyList<string> Problems);

/// <summary>
/// Reads printed disclosure tables back into <see cref="DisclosureTable"/>s so the 审核公式 run on what was printed: the
/// XLSX the project renders (one sheet per table, named “表N …”, the grid from row 4 with merged headers), or a workbook
/// laid out the same way, or the disclosure JSON contract. Rows are keyed as the rules address them: 科目 code (类/款/项
/// cells joined), or the printed label; columns are the header path joined with '/'.
/// </summary>
internal static partial class PublishedTablesReader
{
    private const int GridTop = 4;

    public static PublishedTables ReadJson(Stream stream)
    {
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var tables = new List<DisclosureTable>();
        foreach (var table in root.GetProperty("tables").EnumerateArray())
        {
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
            var rows = new List<DisclosureRow>();
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var cells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
                var values = row.GetProperty("cells");
                foreach (var column in columns)
                {
                    cells[column] = values.TryGetProperty(column, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
                }

                rows.Add(new DisclosureRow(Optional(row, "code"), Optional(row, "name") ?? "", cells)
                {
                    Level = Optional(row, "level"),
                    Project = Optional(row, "project"),
                    UnitCode = Optional(row, "unitCode"),
                });
            }

            tables.Add(new DisclosureTable(table.GetProperty("id").GetInt32(), Optional(table, "title") ?? "", columns, rows));
        }

        var year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : 0;
        var unit = Optional(root, "currencyUnit") ?? "万元";
        return new PublishedTables(new DisclosureSet(year, DisclosureScope.County(""), unit, tables), []);
    }

    public static PublishedTables ReadXlsx(Stream stream)
    {
        var problems = new List<string>();
        var tables = new List<DisclosureTable>();
        foreach (var sheet in XlsxWorkbookReader.Read(stream))
        {
            var match = TableSheet().Match(sheet.Name);
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is < 1 or > 11
                || tables.Any(t => t.Id == id))
            {
                continue;
            }

            tables.Add(ReadGrid(sheet, id, problems));
        }

        if (tables.Count == 0)
        {
            throw new InvalidDataException("工作簿中没有“表1”至“表11”的工作表 (no sheet named 表1 … 表11)");
        }

        return new PublishedTables(new DisclosureSet(0, DisclosureScope.County(""), "万元", tables), problems);
    }

    private static DisclosureTable ReadGrid(XlsxSheet sheet, int id, List<string> problems)
    {
        var width = sheet.LastColumn + 1;
        var headerBottom = sheet.PrintTitleLastRow ?? FirstAmountRow(sheet) - 1;
        var paths = Enumerable.Range(0, width).Select(c => HeaderPath(sheet, c, headerBottom)).ToList();
        var title = sheet.Text(1, 0);
        return id is 1 or 4 ? TwoSided(sheet, id, title, paths, headerBottom, problems) : Ordinary(sheet, id, title, paths, headerBottom, problems);
    }

    /// <summary>The distinct header texts from the top of the grid down (a merged cell counts once).</summary>
    private static List<string> HeaderPath(XlsxSheet sheet, int column, int headerBottom)
    {
        var path = new List<string>();
        for (var row = GridTop; row <= headerBottom; row++)
        {
            var text = sheet.ShownText(row, column);
            if (text.Length > 0 && (path.Count == 0 || path[^1] != text))
            {
                path.Add(text);
            }
        }

        return path;
    }

    private static DisclosureTable Ordinary(XlsxSheet sheet, int id, string title, List<List<string>> paths, int headerBottom, List<string> problems)
    {
        var codeColumns = Enumerable.Range(0, paths.Count).Where(c => paths[c].Count > 0 && paths[c][0].EndsWith("科目编码", StringComparison.Ordinal)).ToList();
        var nameColumn = paths.FindIndex(p => p.Count == 1 && p[0].EndsWith("科目名称", StringComparison.Ordinal));
        var projectColumn = -1;
        if (nameColumn < 0)
        {
            nameColumn = paths.FindIndex(p => p.Count == 1 && (p[0] == "项目名称" || p[0].EndsWith("支出内容", StringComparison.Ordinal)));
        }
        else
        {
            projectColumn = paths.FindIndex(p => p.Count == 1 && p[0] == "项目名称");
        }

        var lead = new HashSet<int>([.. codeColumns, nameColumn, projectColumn]);
        var amountColumns = Enumerable.Range(0, paths.Count).Where(c => !lead.Contains(c) && paths[c].Count > 0).ToList();
        var columns = amountColumns.Select(c => string.Join('/', paths[c])).ToList();
        var rows = new List<DisclosureRow>();
        for (var r = headerBottom + 1; r <= sheet.LastRow && !sheet.RowIsEmpty(r); r++)
        {
            var code = string.Concat(codeColumns.Select(c => sheet.Text(r, c)));
            var project = projectColumn >= 0 ? sheet.Text(r, projectColumn) : "";
            rows.Add(new DisclosureRow(code.Length == 0 ? null : code, nameColumn >= 0 ? sheet.Text(r, nameColumn) : "", Amounts(sheet, id, r, amountColumns, columns, problems))
            {
                Level = code.Length == 0 ? null : LevelOf(code),
                Project = project.Length == 0 ? null : project,
            });
        }

        return new DisclosureTable(id, title, columns, rows);
    }

    /// <summary>收入 on the left (label, amounts), 支出 on the right ("208 社会保障和就业支出", amounts), 收入总计 ‖ 支出总计 last.</summary>
    private static DisclosureTable TwoSided(XlsxSheet sheet, int id, string title, List<List<string>> paths, int headerBottom, List<string> problems)
    {
        var split = paths.FindIndex(1, p => p.Count >= 2 && p[^1] == "功能分类");
        if (split < 0)
        {
            problems.Add($"{sheet.Name}: 找不到“功能分类”列 (no 功能分类 column: not laid out as the project prints table {id})");
            return new DisclosureTable(id, title, [], []);
        }

        var incomeColumns = Enumerable.Range(1, split - 1).ToList();
        var expenditureColumns = Enumerable.Range(split + 1, paths.Count - split - 1).ToList();
        var incomeNames = incomeColumns.Select(c => string.Join('/', paths[c])).ToList();
        var expenditureNames = expenditureColumns.Select(c => string.Join('/', paths[c])).ToList();
        List<string> columns = [.. incomeNames, .. expenditureNames];
        var rows = new List<DisclosureRow>();
        for (var r = headerBottom + 1; r <= sheet.LastRow && !sheet.RowIsEmpty(r); r++)
        {
            var left = sheet.Text(r, 0);
            var right = sheet.Text(r, split);
            var income = Amounts(sheet, id, r, incomeColumns, incomeNames, problems);
            var expenditure = Amounts(sheet, id, r, expenditureColumns, expenditureNames, problems);
            if (left.EndsWith("总计", StringComparison.Ordinal) && right.EndsWith("总计", StringComparison.Ordinal))
            {
                rows.Add(new DisclosureRow(null, "总计", Merge(columns, income, expenditure)));
                continue;
            }

            if (left.Length > 0)
            {
                rows.Add(new DisclosureRow(null, left, Merge(columns, income)));
            }

            if (right.Length > 0)
            {
                var parts = right.Split(' ', 2);
                var coded = parts[0].All(char.IsAsciiDigit);
                rows.Add(new DisclosureRow(coded ? parts[0] : null, coded && parts.Length > 1 ? parts[1] : right, Merge(columns, expenditure))
                {
                    Level = coded ? LevelOf(parts[0]) : null,
                });
            }
        }

        return new DisclosureTable(id, title, columns, rows);
    }

    private static Dictionary<string, decimal?> Merge(List<string> columns, params Dictionary<string, decimal?>[] parts)
    {
        var cells = columns.ToDictionary(c => c, _ => (decimal?)null, StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (column, value) in part)
            {
                cells[column] = value;
            }
        }

        return cells;
    }

    private static Dictionary<string, decimal?> Amounts(XlsxSheet sheet, int id, int row, List<int> sheetColumns, List<string> names, List<string> problems)
    {
        var cells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        for (var i = 0; i < sheetColumns.Count; i++)
        {
            var text = sheet.Text(row, sheetColumns[i]).Replace(",", "", StringComparison.Ordinal);
            decimal? value = null;
            if (text.Length > 0)
            {
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    problems.Add($"表{id} {sheet.Name}!{XlsxWorkbookReader.Reference(row, sheetColumns[i])} 列 {names[i]}: 不是金额 (not an amount): “{text}”");
                }
            }

            cells.TryAdd(names[i], value);
        }

        return cells;
    }

    /// <summary>Without print titles: the header ends above the first row holding a numeric cell.</summary>
    private static int FirstAmountRow(XlsxSheet sheet)
    {
        for (var r = GridTop; r <= sheet.LastRow; r++)
        {
            if (Enumerable.Range(0, sheet.LastColumn + 1).Any(c => sheet.Value(r, c) is { IsNumber: true, Text.Length: > 0 }))
            {
                return r;
            }
        }

        return sheet.LastRow + 1;
    }

    /// <summary>类 / 款 / 项 by the length of a 科目 code, as the computed tables set it.</summary>
    private static string? LevelOf(string code) => code.Length switch
    {
        3 => "类",
        5 => "款",
        7 => "项",
        _ => null,
    };

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^表(\d+)(\s|$)")]
    private static partial Regex TableSheet();
}
