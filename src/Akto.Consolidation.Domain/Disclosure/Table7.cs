using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表7 一般公共预算项目支出情况表: function code + project × economic 类.</summary>
internal static class Table7
{
    /// <summary>Economic 类 behind each column after 项目支出合计.</summary>
    public static readonly (string Column, string EconomicClass)[] EconomicColumns =
    [
        ("工资福利支出", "301"),
        ("商品和服务支出", "302"),
        ("对个人和家庭的补助", "303"),
        ("债务利息及费用支出", "307"),
        ("资本性支出（基本建设）", "309"),
        ("资本性支出", "310"),
        ("对企业补助（基本建设）", "311"),
        ("对企业补助", "312"),
        ("对社会保障基金补助", "313"),
        ("其他支出", "399"),
    ];

    public static readonly string[] Columns = ["项目支出合计", .. EconomicColumns.Select(c => c.Column)];

    public static DisclosureTable Build(DisclosureContext context)
    {
        var byProject = new Dictionary<(string Function, ProjectRef? Project), decimal[]>();
        foreach (var (key, amount) in context.Facts.Lines)
        {
            if (key.Category != ExpenditureCategory.Project || !DisclosureContext.IsGeneralBudgetOfYear(key))
            {
                continue;
            }

            if (!byProject.TryGetValue((key.FunctionCode, key.Project), out var values))
            {
                byProject[(key.FunctionCode, key.Project)] = values = new decimal[Columns.Length];
            }

            values[0] += amount;
            values[1 + ColumnOf(key.EconomicCode)] += amount;
        }

        var leaves = byProject
            .GroupBy(p => p.Key.Function, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, Columns.Length).Select(i => g.Sum(p => p.Value[i])).ToArray(), StringComparer.Ordinal);
        var tree = RowSet.Tree(leaves, Columns, context.Catalog, ClassificationTree.Function, 7);

        var rows = new List<DisclosureRow>();
        foreach (var row in tree)
        {
            if (row.Code!.Length < 7)
            {
                rows.Add(row);
                continue;
            }

            var projects = byProject
                .Where(p => p.Key.Function == row.Code)
                .OrderBy(p => p.Key.Project?.UnitCode, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Project is { } r && context.Facts.Projects.TryGetValue(r, out var info) ? info.Order : int.MaxValue);
            foreach (var (key, values) in projects)
            {
                var name = key.Project is { } reference && context.Facts.Projects.TryGetValue(reference, out var info) ? info.Name : "（未指定项目）";
                rows.Add(row with { Cells = RowSet.Cells(Columns, values), Project = name, UnitCode = key.Project?.UnitCode });
            }
        }

        rows.Add(RowSet.Named("合计", Columns, RowSet.TotalOfClasses(rows, Columns)));
        return new DisclosureTable(7, "一般公共预算项目支出情况表", Columns, rows);
    }

    /// <summary>The column index (after 项目支出合计) of an economic code; unknown 类 fall under 其他支出.</summary>
    private static int ColumnOf(string economicCode)
    {
        var @class = ClassificationCodes.ClassOf(economicCode);
        var index = Array.FindIndex(EconomicColumns, c => c.EconomicClass == @class);
        return index < 0 ? EconomicColumns.Length - 1 : index;
    }
}
