using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// Lays tables out as the seed prints them: tables 1 and 4 two-sided (收入 ‖ 支出), classification tables with 科目编码 split
/// into 类/款/项 under one heading, column groups ('/' in <see cref="DisclosureTable.Columns"/>) merged across, and the
/// 绩效目标表 with their funds block above the indicators, equal 一级/二级指标 merged down.
/// </summary>
public static class GridLayout
{
    /// <summary>Tables whose rows are 科目 (类/款/项 codes).</summary>
    private static readonly HashSet<int> ClassificationTables = [2, 3, 5, 6, 7, 8, 9];

    public static DocumentGrid Of(PrintedTable printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var table = printed.Table;
        var builder = table.Id is 1 or 4 ? TwoSided(table) : Ordinary(table);
        return new DocumentGrid($"{printed.Number} {printed.Title}", [printed.PreparerLine, printed.UnitLine], builder.ColumnCount, builder.HeaderRows, builder.Filled(), table.Note);
    }

    /// <summary>收入 on the left, 支出 by function 类 on the right, 收入总计 ‖ 支出总计 last (tables 1 and 4).</summary>
    private static GridBuilder TwoSided(DisclosureTable table)
    {
        var incomeGroup = Segments(table.Columns[0])[0];
        var income = table.Columns.Where(c => Segments(c)[0] == incomeGroup).ToList();
        var expenditure = table.Columns.Where(c => Segments(c)[0] != incomeGroup).ToList();
        var expenditureGroup = Segments(expenditure[0])[0];
        var grid = new GridBuilder(2 + income.Count + expenditure.Count, 2);
        grid.Header(0, 0, incomeGroup, colSpan: 1 + income.Count);
        grid.Header(0, 1 + income.Count, expenditureGroup, colSpan: 1 + expenditure.Count);
        grid.Header(1, 0, "项目");
        for (var i = 0; i < income.Count; i++)
        {
            grid.Header(1, 1 + i, Segments(income[i])[^1]);
        }

        grid.Header(1, 1 + income.Count, "功能分类");
        for (var i = 0; i < expenditure.Count; i++)
        {
            grid.Header(1, 2 + income.Count + i, Segments(expenditure[i])[^1]);
        }

        var total = table.Rows[^1];
        var left = table.Rows.Where(r => r.Code is null && !ReferenceEquals(r, total)).ToList();
        var right = table.Rows.Where(r => r.Code is not null).ToList();
        var row = 2;
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++, row++)
        {
            if (i < left.Count)
            {
                grid.Text(row, 0, left[i].Name);
                grid.Amounts(row, 1, left[i], income);
            }

            if (i < right.Count)
            {
                grid.Text(row, 1 + income.Count, $"{right[i].Code} {right[i].Name}");
                grid.Amounts(row, 2 + income.Count, right[i], expenditure);
            }
        }

        grid.Text(row, 0, "收入总计");
        grid.Amounts(row, 1, total, income);
        grid.Text(row, 1 + income.Count, "支出总计");
        grid.Amounts(row, 2 + income.Count, total, expenditure);
        return grid;
    }

    /// <summary>Lead columns (科目编码 类/款/项 and 名称, 项目名称, or the row label), then the table's columns with merged groups.</summary>
    private static GridBuilder Ordinary(DisclosureTable table)
    {
        var classification = ClassificationTables.Contains(table.Id);
        var economic = table.Id == 6;
        var codeLevels = classification ? (economic ? 2 : 3) : 0;
        var withProject = table.Id == 7;
        var lead = codeLevels + 1 + (withProject ? 1 : 0);
        var segments = table.Columns.Select(Segments).ToList();
        var depth = Math.Max(segments.Max(s => s.Length), classification ? 2 : 1);
        var grid = new GridBuilder(lead + table.Columns.Count, depth);

        if (classification)
        {
            var kind = economic ? "经济分类" : "功能分类";
            grid.Header(0, 0, $"{kind}科目编码", rowSpan: depth - 1, colSpan: codeLevels);
            string[] levels = ["类", "款", "项"];
            for (var i = 0; i < codeLevels; i++)
            {
                grid.Header(depth - 1, i, levels[i]);
            }

            grid.Header(0, codeLevels, $"{kind}科目名称", rowSpan: depth);
            if (withProject)
            {
                grid.Header(0, codeLevels + 1, "项目名称", rowSpan: depth);
            }
        }
        else
        {
            grid.Header(0, 0, table.Id == 10 ? "“三公”经费支出内容" : "项目名称", rowSpan: depth);
        }

        for (var level = 0; level < depth; level++)
        {
            var column = 0;
            while (column < segments.Count)
            {
                var path = segments[column];
                if (path.Length <= level)
                {
                    column++;
                    continue;
                }

                if (level == path.Length - 1)
                {
                    grid.Header(level, lead + column, path[level], rowSpan: depth - level);
                    column++;
                    continue;
                }

                var span = 1;
                while (column + span < segments.Count && SharesPrefix(segments[column + span], path, level))
                {
                    span++;
                }

                grid.Header(level, lead + column, path[level], colSpan: span);
                column += span;
            }
        }

        var row = depth;
        foreach (var data in table.Rows)
        {
            if (classification && data.Code is { } code)
            {
                var parts = CodeParts(code);
                for (var i = 0; i < parts.Count && i < codeLevels; i++)
                {
                    grid.Text(row, i, parts[i]);
                }
            }

            grid.Text(row, codeLevels, data.Name);
            if (withProject)
            {
                grid.Text(row, codeLevels + 1, data.Project ?? "");
            }

            grid.Amounts(row, lead, data, table.Columns);
            row++;
        }

        return grid;
    }

    /// <summary>
    /// A 绩效目标表: the identifying rows, the funds, the goal, then the indicator heading and one row per indicator with
    /// consecutive equal 一级指标 (and 二级指标 under the same 一级) merged down, as the seed prints them.
    /// </summary>
    public static DocumentGrid Of(PerformanceTargetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.IndicatorColumns;
        var width = columns.Count;
        var grid = new GridBuilder(width, 0);
        var row = 0;
        if (table.Kind == PerformanceTableKind.Unit)
        {
            grid.Header(row, 0, "单位名称（盖章）");
            grid.Text(row++, 1, table.UnitName, colSpan: width - 1);
            grid.Header(row, 0, "单位联系人");
            grid.Text(row, 1, table.Contact ?? "", colSpan: 2);
            grid.Header(row, 3, "联系电话");
            grid.Text(row++, 4, table.Phone ?? "", colSpan: width - 4);
            grid.Header(row, 0, "年度绩效目标");
            grid.Text(row++, 1, table.Goal ?? "", colSpan: width - 1);

            grid.Header(row, 0, $"年度预算（{table.CurrencyUnit}）", rowSpan: 1 + table.Funds.Count);
            grid.Header(row, 1, "资金来源", colSpan: 2);
            grid.Header(row++, 3, $"资金总额（{table.CurrencyUnit}）", colSpan: width - 3);
            foreach (var group in table.Funds.GroupBy(f => f.Group))
            {
                var lines = group.ToList();
                grid.Header(row, 1, $"{group.Key}（{table.CurrencyUnit}）", rowSpan: lines.Count);
                foreach (var fund in lines)
                {
                    grid.Header(row, 2, fund.Label);
                    grid.Amount(row++, 3, fund.Amount, colSpan: width - 3);
                }
            }
        }
        else
        {
            grid.Header(row, 0, "预算单位");
            grid.Text(row++, 1, table.UnitName, colSpan: width - 1);
            grid.Header(row, 0, "项目名称");
            grid.Text(row, 1, table.ProjectName ?? "", colSpan: 4);
            grid.Header(row, 5, "项目负责人");
            grid.Text(row++, 6, table.Contact ?? "", colSpan: width - 6);

            grid.Header(row, 0, $"项目资金（{table.CurrencyUnit}）");
            var column = 1;
            for (var i = 0; i < table.Funds.Count; i++)
            {
                var last = i == table.Funds.Count - 1;
                grid.Header(row, column++, table.Funds[i].Label);
                var span = last ? width - column : 1;
                grid.Amount(row, column, table.Funds[i].Amount, colSpan: span);
                column += span;
            }

            row++;
            grid.Header(row, 0, "项目总体目标");
            grid.Text(row++, 1, table.Goal ?? "", colSpan: width - 1);
        }

        for (var i = 0; i < width; i++)
        {
            grid.Header(row, i, columns[i]);
        }

        row++;
        var indicators = table.Indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            var cells = table.CellsOf(indicators[i]);
            if (i == 0 || indicators[i - 1].Level1 != indicators[i].Level1)
            {
                var span = CountWhile(indicators, i, x => x.Level1 == indicators[i].Level1);
                grid.Text(row + i, 0, cells[0], rowSpan: span);
            }

            if (i == 0 || indicators[i - 1].Level1 != indicators[i].Level1 || indicators[i - 1].Level2 != indicators[i].Level2)
            {
                var span = CountWhile(indicators, i, x => x.Level1 == indicators[i].Level1 && x.Level2 == indicators[i].Level2);
                grid.Text(row + i, 1, cells[1], rowSpan: span);
            }

            for (var c = 2; c < width; c++)
            {
                grid.Text(row + i, c, cells[c]);
            }
        }

        return new DocumentGrid(table.ProjectName is { } name ? $"{table.Title}（{name}）" : table.Title, [table.YearLine], width, 0, grid.Filled());
    }

    /// <summary>"208/01/01" parts of a 科目 code: 类 (3 digits), then 2 digits per level.</summary>
    public static IReadOnlyList<string> CodeParts(string code)
    {
        var parts = new List<string>();
        if (code.Length >= 3)
        {
            parts.Add(code[..3]);
            for (var i = 3; i + 2 <= code.Length; i += 2)
            {
                parts.Add(code.Substring(i, 2));
            }
        }
        else
        {
            parts.Add(code);
        }

        return parts;
    }

    private static int CountWhile(IReadOnlyList<PerformanceIndicator> items, int start, Func<PerformanceIndicator, bool> same)
    {
        var count = 0;
        while (start + count < items.Count && same(items[start + count]))
        {
            count++;
        }

        return count;
    }

    private static string[] Segments(string column) => column.Split('/');

    private static bool SharesPrefix(string[] candidate, string[] path, int level)
    {
        if (candidate.Length < level + 2)
        {
            return false;
        }

        for (var i = 0; i <= level; i++)
        {
            if (candidate[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Collects cells; amounts are rounded to the published 2 decimals here, once.</summary>
    private sealed class GridBuilder(int columnCount, int headerRows)
    {
        public int ColumnCount { get; } = columnCount;

        public int HeaderRows { get; } = headerRows;

        public List<GridCell> Cells { get; } = [];

        public void Header(int row, int column, string text, int rowSpan = 1, int colSpan = 1) =>
            Cells.Add(new GridCell(row, column, GridCellKind.Header, text, null, rowSpan, colSpan));

        public void Text(int row, int column, string text, int rowSpan = 1, int colSpan = 1) =>
            Cells.Add(new GridCell(row, column, GridCellKind.Text, text, null, rowSpan, colSpan));

        public void Amount(int row, int column, decimal? amount, int colSpan = 1)
        {
            var rounded = amount is { } a ? PublishedAmount.Round(a) : (decimal?)null;
            Cells.Add(new GridCell(row, column, GridCellKind.Amount, PublishedAmount.Format(rounded, grouped: true), rounded, 1, colSpan));
        }

        /// <summary>
        /// The cells with every position no cell covers filled by an empty one (a blank 款/项 code, the short side of a
        /// two-sided table), so each row has all its columns; in row-major order.
        /// </summary>
        public IReadOnlyList<GridCell> Filled()
        {
            var rows = Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);
            var covered = new bool[rows, ColumnCount];
            foreach (var cell in Cells)
            {
                for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                {
                    for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++)
                    {
                        if (covered[r, c])
                        {
                            throw new InvalidOperationException($"表格单元重叠 (cells overlap at row {r}, column {c}).");
                        }

                        covered[r, c] = true;
                    }
                }
            }

            var all = new List<GridCell>(Cells);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < ColumnCount; c++)
                {
                    if (!covered[r, c])
                    {
                        all.Add(new GridCell(r, c, r < HeaderRows ? GridCellKind.Header : GridCellKind.Text, ""));
                    }
                }
            }

            return [.. all.OrderBy(c => c.Row).ThenBy(c => c.Column)];
        }

        public void Amounts(int row, int column, DisclosureRow data, IReadOnlyList<string> columns)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                Amount(row, column + i, data.Cells.GetValueOrDefault(columns[i]));
            }
        }
    }
}
