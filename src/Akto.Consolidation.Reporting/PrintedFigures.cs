using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Reporting;

/// <summary>
/// 尾差分配: turns a table's exact 万元 amounts (up to 6 decimals) into the 2-decimal figures it prints, such that every
/// printed relation holds — 项 sum to their 款, 款 to their 类, 类 to 合计/总计, the named lines of tables 1, 4, 10 and 11
/// to theirs, and a row's total column to its columns (合计 = 基本支出 + 项目支出 …).
/// </summary>
/// <remarks>
/// <para>Method (largest remainder, top down):</para>
/// <list type="number">
/// <item>A table has a row forest (children under their parent row) and a column forest (a total column over its parts).</item>
/// <item>On a root row (合计, 总计, or a row without parent) the root columns are rounded half away from zero; each total
/// column's figure is then shared among its part columns by the largest-remainder method.</item>
/// <item>In every column without parts, each parent row's printed figure is shared among its child rows the same way,
/// from the root rows down.</item>
/// <item>On the other rows a total column is the sum of its printed parts.</item>
/// </list>
/// <para>Largest remainder: every child gets its exact amount cut down to the 分 (0.01); the 分 still missing to reach the
/// parent's printed figure go one each to the children with the largest cut-off remainder, ties to the earlier row or
/// column (code order). A child whose exact amount is a whole number of 分 therefore prints exactly, so amounts that
/// already have 2 decimals print unchanged, and every printed figure is less than 0.01 from its exact amount (a total
/// column of a non-root row: less than 0.01 per part). Children are shared out only when their exact amounts add up to the
/// parent; otherwise (no relation to keep) each is rounded on its own.</para>
/// </remarks>
public static class PrintedFigures
{
    private const decimal Fen = 0.01m;

    /// <summary>Every table of <paramref name="set"/> with its printed figures.</summary>
    public static DisclosureSet Of(DisclosureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set with { Tables = [.. set.Tables.Select(Of)] };
    }

    /// <summary>The table with its printed figures: same rows and columns, every amount to 2 decimals, blanks kept.</summary>
    public static DisclosureTable Of(DisclosureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        var columns = table.Columns;
        var exact = new decimal[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                exact[r, c] = rows[r].Cells.GetValueOrDefault(columns[c]) ?? 0m;
            }
        }

        var columnParts = ColumnParts(table);
        var rowChildren = RowChildren(table, out var rowRoots);
        var printed = new decimal[rows.Count, columns.Count];
        var columnRoots = Enumerable.Range(0, columns.Count).Where(c => !columnParts.Any(parts => parts.Contains(c))).ToList();

        foreach (var r in rowRoots)
        {
            foreach (var c in columnRoots)
            {
                printed[r, c] = Round(exact[r, c]);
                ShareColumns(r, c);
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (columnParts[c].Length == 0)
            {
                foreach (var r in rowRoots)
                {
                    ShareRows(r, c);
                }
            }
        }

        var roots = rowRoots.ToHashSet();
        for (var r = 0; r < rows.Count; r++)
        {
            if (!roots.Contains(r))
            {
                foreach (var c in columnRoots)
                {
                    SumColumns(r, c);
                }
            }
        }

        return table with
        {
            Rows = [.. rows.Select((row, r) => row with
            {
                Cells = columns.Select((column, c) => (column, c)).ToDictionary(
                    x => x.column,
                    x => row.Cells.GetValueOrDefault(x.column) is null && printed[r, x.c] == 0m ? (decimal?)null : printed[r, x.c] + 0.00m,
                    StringComparer.Ordinal),
            })],
        };

        void ShareColumns(int r, int c)
        {
            var parts = columnParts[c];
            if (parts.Length == 0)
            {
                return;
            }

            var shares = Share(printed[r, c], exact[r, c], [.. parts.Select(p => exact[r, p])]);
            for (var i = 0; i < parts.Length; i++)
            {
                printed[r, parts[i]] = shares[i];
                ShareColumns(r, parts[i]);
            }
        }

        void ShareRows(int r, int c)
        {
            var children = rowChildren[r];
            if (children.Count == 0)
            {
                return;
            }

            var shares = Share(printed[r, c], exact[r, c], [.. children.Select(child => exact[child, c])]);
            for (var i = 0; i < children.Count; i++)
            {
                printed[children[i], c] = shares[i];
                ShareRows(children[i], c);
            }
        }

        void SumColumns(int r, int c)
        {
            var parts = columnParts[c];
            if (parts.Length == 0)
            {
                return;
            }

            foreach (var p in parts)
            {
                SumColumns(r, p);
            }

            printed[r, c] = parts.Sum(p => exact[r, p]) == exact[r, c] ? parts.Sum(p => printed[r, p]) : Round(exact[r, c]);
        }
    }

    /// <summary>
    /// Shares a parent's printed figure among children by the largest-remainder method (ties to the earlier child);
    /// children that do not add up to the parent exactly are rounded one by one.
    /// </summary>
    public static decimal[] Share(decimal parentPrinted, decimal parentExact, IReadOnlyList<decimal> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (children.Sum() != parentExact)
        {
            return [.. children.Select(Round)];
        }

        var shares = children.Select(x => decimal.Floor(x / Fen) * Fen).ToArray();
        var missing = (parentPrinted - shares.Sum()) / Fen;
        if (missing < 0m || missing > children.Count || missing != decimal.Truncate(missing))
        {
            throw new InvalidOperationException($"尾差分配失败：{parentPrinted} 与下级 {string.Join(" + ", children)} 相差超过 1 分 (rounding residue out of range).");
        }

        var order = Enumerable.Range(0, children.Count)
            .OrderByDescending(i => children[i] - shares[i])
            .ThenBy(i => i)
            .Take((int)missing);
        foreach (var i in order)
        {
            shares[i] += Fen;
        }

        return shares;
    }

    private static decimal Round(decimal value) => PublishedAmount.Round(value);

    /// <summary>For every column, the columns it is the total of (none for a column that is not a total).</summary>
    private static int[][] ColumnParts(DisclosureTable table)
    {
        var parts = table.Columns.Select(_ => Array.Empty<int>()).ToArray();
        int Index(string column)
        {
            var index = Array.IndexOf([.. table.Columns], column);
            return index >= 0 ? index : throw new DisclosureRowNotFoundException(table, "（列）", null, column);
        }

        void Group(string total, params string[] components) => parts[Index(total)] = [.. components.Select(Index)];

        switch (table.Id)
        {
            case 1:
                break; // 收入 ‖ 支出: two independent columns.
            case 2:
                Group("总计", "财政拨款(补助)/小计", "财政专户（教育收费）", "单位资金", "财政拨款结转", "非财政拨款结转结余");
                Group("财政拨款(补助)/小计", [.. table.Columns.Where(c => c.StartsWith("财政拨款(补助)/", StringComparison.Ordinal) && c != "财政拨款(补助)/小计")]);
                break;
            case 4:
                Group("财政拨款支出/合计", "财政拨款支出/一般公共预算", "财政拨款支出/政府性基金预算", "财政拨款支出/国有资本经营预算");
                break;
            case 11:
                Group("总计", "财政拨款/合计", "非财政拨款/合计");
                foreach (var side in new[] { "财政拨款", "非财政拨款" })
                {
                    Group($"{side}/合计", $"{side}/基本支出/人员经费", $"{side}/基本支出/公用经费", $"{side}/项目支出");
                }

                break;
            default:
                // Tables 3, 5–10: the first column (合计, 项目支出合计) is the total of all the others.
                parts[0] = [.. Enumerable.Range(1, table.Columns.Count - 1)];
                break;
        }

        return parts;
    }

    /// <summary>
    /// For every row, its child rows in table (code) order: a coded row under its nearest coded ancestor (Table 7's
    /// project rows under their 款), a 类 under 合计/总计, and the named lines of tables 1, 4, 10 and 11 under theirs.
    /// </summary>
    private static List<int>[] RowChildren(DisclosureTable table, out List<int> roots)
    {
        var rows = table.Rows;
        var children = rows.Select(_ => new List<int>()).ToArray();
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Code is { } code && rows[r].Project is null)
            {
                byCode.TryAdd(code, r);
            }
            else if (rows[r].Code is null)
            {
                byName.TryAdd(rows[r].Name, r);
            }
        }

        int? total = byName.TryGetValue("合计", out var sum) ? sum : byName.TryGetValue("总计", out var grand) ? grand : null;
        var named = NamedParents(table.Id);
        roots = [];
        for (var r = 0; r < rows.Count; r++)
        {
            int? parent = null;
            if (rows[r].Code is { } code)
            {
                parent = ClassificationCodes.AncestorsOf(code).Select(a => byCode.TryGetValue(a, out var i) ? i : (int?)null).FirstOrDefault(i => i is not null) ?? total;
            }
            else if (r != total)
            {
                parent = named.TryGetValue(rows[r].Name, out var label) ? (byName.TryGetValue(label, out var i) ? i : null)
                    : table.Id == 11 ? total // project rows and 基本支出结转结余
                    : null;
            }

            if (parent is { } p)
            {
                children[p].Add(r);
            }
            else
            {
                roots.Add(r);
            }
        }

        return children;
    }

    /// <summary>The named lines of a table and the line they are part of (the seed's 一、/1./其中 structure).</summary>
    private static IReadOnlyDictionary<string, string> NamedParents(int tableId) => tableId switch
    {
        1 => Table1Parents,
        4 => Table4Parents,
        10 => Table10Parents,
        _ => Empty,
    };

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Table1Parents = new(StringComparer.Ordinal)
    {
        ["一、本年收入"] = "总计",
        ["二、上年结转结余"] = "总计",
        ["1.一般公共预算拨款"] = "一、本年收入",
        ["2.政府性基金预算拨款"] = "一、本年收入",
        ["3.国有资本经营预算拨款"] = "一、本年收入",
        ["4.财政专户核拨"] = "一、本年收入",
        ["5.单位资金"] = "一、本年收入",
        ["其中：一般财力"] = "1.一般公共预算拨款",
        ["上级一般公共预算安排转移支付"] = "1.一般公共预算拨款",
        ["其中：政府性基金收入"] = "2.政府性基金预算拨款",
        ["上级政府性基金安排转移支付"] = "2.政府性基金预算拨款",
        ["其中：国有资本经营收入"] = "3.国有资本经营预算拨款",
        ["上级国有资本经营预算安排转移支付"] = "3.国有资本经营预算拨款",
        ["其中：事业收入"] = "5.单位资金",
        ["上级补助收入"] = "5.单位资金",
        ["附属单位上缴收入"] = "5.单位资金",
        ["事业单位经营收入"] = "5.单位资金",
        ["其他收入"] = "5.单位资金",
        ["1.财政拨款结转"] = "二、上年结转结余",
        ["2.非财政拨款结余"] = "二、上年结转结余",
        ["其中：一般公共预算拨款"] = "1.财政拨款结转",
        ["政府性基金预算拨款"] = "1.财政拨款结转",
        ["国有资本经营预算拨款"] = "1.财政拨款结转",
        ["其中：财政专户核拨"] = "2.非财政拨款结余",
        ["单位资金"] = "2.非财政拨款结余",
    };

    private static readonly Dictionary<string, string> Table4Parents = new(StringComparer.Ordinal)
    {
        ["一、财政拨款（补助）"] = "总计",
        ["一般公共预算"] = "一、财政拨款（补助）",
        ["政府性基金预算"] = "一、财政拨款（补助）",
        ["国有资本经营预算"] = "一、财政拨款（补助）",
    };

    private static readonly Dictionary<string, string> Table10Parents = new(StringComparer.Ordinal)
    {
        ["因公出国（境）费"] = "合计",
        ["公务接待费"] = "合计",
        ["公务用车购置及运行费（小计）"] = "合计",
        ["其中：公务用车购置费"] = "公务用车购置及运行费（小计）",
        ["公务用车运行费"] = "公务用车购置及运行费（小计）",
    };
}
