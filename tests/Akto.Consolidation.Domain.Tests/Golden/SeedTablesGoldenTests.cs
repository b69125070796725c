using System.Globalization;
using System.Text.Json;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Domain.Tests.Golden;

/// <summary>
/// Every figure the seed publishes in tables 1–11 (transcribed independently into seed-tables.expected.json) is
/// reproduced, exactly, by the tables computed from the seed document — and the computed tables print nothing else.
/// </summary>
public sealed class SeedTablesGoldenTests
{
    private static readonly DisclosureSet Computed = DisclosureTables.For(SeedBudget.Load());

    private static readonly Expected Golden = JsonSerializer.Deserialize<Expected>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "seed-tables.expected.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static TheoryData<int> TableIds => [.. Enumerable.Range(1, 11)];

    [Theory]
    [MemberData(nameof(TableIds))]
    public void Every_published_figure_appears_in_its_row_and_column(int tableId)
    {
        var table = Computed.Table(tableId);
        var missing = new List<string>();
        foreach (var cell in Golden.Cells.Where(c => c.Table == tableId))
        {
            var row = FindRow(table, cell.Row, cell.Project);
            var actual = row?.Cells.GetValueOrDefault(cell.Column);
            var expected = decimal.Parse(cell.Value, CultureInfo.InvariantCulture);
            if (actual != expected)
            {
                missing.Add($"{cell.Row} {cell.Project} / {cell.Column}: expected {expected}, computed {actual?.ToString(CultureInfo.InvariantCulture) ?? (row is null ? "no row" : "blank")}");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Theory]
    [MemberData(nameof(TableIds))]
    public void Computed_tables_print_no_figure_the_seed_leaves_blank(int tableId)
    {
        var published = Golden.Cells
            .Where(c => c.Table == tableId)
            .Select(c => (c.Row, Project: Normalize(c.Project), c.Column))
            .ToHashSet();
        var extra = Computed.Table(tableId).Rows
            .SelectMany(r => r.Cells.Where(c => c.Value is not null).Select(c => (Row: r.Code ?? r.Name, Project: Normalize(r.Project), Column: c.Key)))
            .Where(c => !published.Contains(c))
            .ToList();

        Assert.True(extra.Count == 0, string.Join('\n', extra));
    }

    [Fact]
    public void Tables_one_and_four_list_every_function_class_even_when_empty()
    {
        foreach (var blank in Golden.BlankRows)
        {
            var row = Computed.Table(blank.Table).TryFind(blank.Row);
            Assert.NotNull(row);
            Assert.All(row.Cells.Values, v => Assert.Null(v));
        }

        Assert.Equal(30, Computed.Table(1).Rows.Count(r => r.Level == "类"));
        Assert.Equal(30, Computed.Table(4).Rows.Count(r => r.Level == "类"));
    }

    [Theory]
    [InlineData(8, "备注：阿克陶县人力资源和社会保障局2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。")]
    [InlineData(9, "备注：阿克陶县人力资源和社会保障局2024年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出情况表为空表。")]
    public void Empty_budget_type_tables_carry_the_seed_note(int tableId, string note)
    {
        var table = Computed.Table(tableId);
        Assert.Equal(note, table.Note);
        Assert.Equal(["合计"], table.Rows.Select(r => r.Name));
    }

    [Fact]
    public void Titles_are_the_seeds()
    {
        string[] titles =
        [
            "单位收支总体情况表", "单位收入总体情况表", "单位支出总体情况表", "财政拨款收支预算总体情况表", "一般公共预算支出情况表",
            "一般公共预算基本支出情况表", "一般公共预算项目支出情况表", "政府性基金预算支出情况表", "国有资本经营预算支出情况表",
            "财政拨款“三公”经费支出情况表", "上年结转结余情况明细表",
        ];
        Assert.Equal(titles, Computed.Tables.Select(t => t.Title));
    }

    private static DisclosureRow? FindRow(DisclosureTable table, string row, string? project) =>
        table.Rows.FirstOrDefault(r => (r.Code ?? r.Name) == row && Normalize(r.Project) == Normalize(project));

    private static string? Normalize(string? text) => text is null ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private sealed record Expected(IReadOnlyList<ExpectedCell> Cells, IReadOnlyList<BlankRow> BlankRows);

    private sealed record ExpectedCell(int Table, string Row, string? Project, string Column, string Value);

    private sealed record BlankRow(int Table, string Row);
}
