using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>表11 上年结转结余情况明细表: prior-year project × (财政拨款 / 非财政拨款) × (基本: 人员/公用; 项目).</summary>
internal static class Table11
{
    public static readonly string[] Columns =
    [
        "总计",
        "财政拨款/合计", "财政拨款/基本支出/人员经费", "财政拨款/基本支出/公用经费", "财政拨款/项目支出",
        "非财政拨款/合计", "非财政拨款/基本支出/人员经费", "非财政拨款/基本支出/公用经费", "非财政拨款/项目支出",
    ];

    /// <summary>Row name for carried-over basic spending that belongs to no project.</summary>
    public const string WithoutProject = "基本支出结转结余";

    public static DisclosureTable Build(DisclosureContext context)
    {
        var byProject = new Dictionary<ProjectRef, decimal[]>();
        var unassigned = new decimal[Columns.Length];
        foreach (var (key, amount) in context.Facts.Lines)
        {
            if (!key.FundSource.IsCarryOver())
            {
                continue;
            }

            var values = unassigned;
            if (key.Project is { } project && !byProject.TryGetValue(project, out values))
            {
                byProject[project] = values = new decimal[Columns.Length];
            }

            var group = key.FundSource.IsFiscalCarryOver() ? 1 : 5;
            var part = key.Category == ExpenditureCategory.Project ? 3 : DisclosureContext.IsPersonnel(key) ? 1 : 2;
            values[0] += amount;
            values[group] += amount;
            values[group + part] += amount;
        }

        var rows = byProject
            .Select(p => (Info: context.Facts.Projects.GetValueOrDefault(p.Key), p.Key, p.Value))
            .OrderBy(p => p.Key.UnitCode, StringComparer.Ordinal)
            .ThenBy(p => p.Info?.Order ?? int.MaxValue)
            .Select(p => RowSet.Named(p.Info?.Name ?? p.Key.ProjectCode, Columns, p.Value) with { UnitCode = p.Key.UnitCode })
            .ToList();
        if (unassigned[0] != 0m)
        {
            rows.Add(RowSet.Named(WithoutProject, Columns, unassigned));
        }

        var total = Enumerable.Range(0, Columns.Length).Select(i => rows.Sum(r => r[Columns[i]])).ToArray();
        rows.Add(RowSet.Named("合计", Columns, total));
        return new DisclosureTable(11, "上年结转结余情况明细表", Columns, rows);
    }
}
