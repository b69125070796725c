using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Explanations;

namespace Akto.Consolidation.Domain.Tests.Disclosure;

/// <summary>Lookups by label fail loudly: a renamed row is an error naming the table and the label, never a printed zero.</summary>
public sealed class DisclosureTableLookupTests
{
    private static readonly DisclosureSet Seed = DisclosureTables.For(SeedBudget.Load());

    /// <summary>The seed's tables with one row of one table renamed, as a template change would.</summary>
    private static DisclosureSet Renamed(int tableId, string from, string to) => Seed with
    {
        Tables = [.. Seed.Tables.Select(t => t.Id != tableId ? t : t with { Rows = [.. t.Rows.Select(r => r.Code is null && r.Name == from ? r with { Name = to } : r)] })],
    };

    [Fact]
    public void A_renamed_row_makes_the_lookup_throw_naming_table_and_label()
    {
        var table = Renamed(10, "公务接待费", "公务接待费用").Table(10);

        var thrown = Assert.Throws<DisclosureRowNotFoundException>(() => table.Value("公务接待费", "合计"));

        Assert.Equal(10, thrown.TableId);
        Assert.Equal("公务接待费", thrown.Label);
        Assert.Contains("表10 财政拨款“三公”经费支出情况表", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("“公务接待费”", thrown.Message, StringComparison.Ordinal);
        Assert.Throws<DisclosureRowNotFoundException>(() => table.Find("公务接待费"));
    }

    [Fact]
    public void Explanation_figures_throw_on_a_renamed_row_instead_of_quoting_zero()
    {
        var thrown = Assert.Throws<DisclosureRowNotFoundException>(() => ExplanationFigures.Compute(SeedBudget.Load(), Renamed(10, "公务接待费", "接待费")));

        Assert.Equal(10, thrown.TableId);
        Assert.Equal("公务接待费", thrown.Label);
    }

    [Theory]
    [InlineData(1, "总计")]
    [InlineData(3, "合计")]
    [InlineData(4, "一般公共预算")]
    [InlineData(11, "合计")]
    public void Every_label_the_figures_read_is_required(int tableId, string label)
    {
        Assert.Throws<DisclosureRowNotFoundException>(() => ExplanationFigures.Compute(SeedBudget.Load(), Renamed(tableId, label, label + "（改）")));
    }

    [Fact]
    public void An_unknown_column_throws_and_a_blank_cell_is_zero()
    {
        var table10 = Seed.Table(10);

        var thrown = Assert.Throws<DisclosureRowNotFoundException>(() => table10.Value("合计", "总额"));
        Assert.Equal("总额", thrown.Column);
        Assert.Throws<KeyNotFoundException>(() => table10.Find("合计")["总额"]);
        Assert.Equal(0m, table10.Value("因公出国（境）费", "合计"));
    }

    [Fact]
    public void A_row_printed_only_when_non_zero_is_read_explicitly_as_optional()
    {
        var table11 = Seed.Table(11);

        Assert.Null(table11.TryFind("不存在的行"));
        Assert.Equal(0m, table11.ValueOrZero("不存在的行", table11.Columns[0]));
        Assert.Throws<DisclosureRowNotFoundException>(() => table11.ValueOrZero("合计", "总额"));
        Assert.Equal(table11.Value("合计", table11.Columns[0]), table11.ValueOrZero("合计", table11.Columns[0]));
    }
}
