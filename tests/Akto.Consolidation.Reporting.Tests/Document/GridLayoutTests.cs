using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>The printed layouts: every position of every grid is covered by exactly one cell.</summary>
public sealed class GridLayoutTests
{
    [Fact]
    public void Every_grid_of_the_seed_document_covers_each_position_once()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());
        var grids = document.Tables.Select(GridLayout.Of).Concat(document.PerformanceTables.Select(GridLayout.Of)).ToList();
        Assert.Equal(20, grids.Count);
        foreach (var grid in grids)
        {
            var covered = new int[grid.RowCount, grid.ColumnCount];
            foreach (var cell in grid.Cells)
            {
                for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                {
                    for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++)
                    {
                        covered[r, c]++;
                    }
                }
            }

            Assert.All(covered.Cast<int>(), count => Assert.Equal(1, count));
        }
    }

    [Fact]
    public void A_category_row_leaves_its_section_and_item_codes_blank()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());
        var grid = GridLayout.Of(document.Tables[2]);
        var row = grid.Cells.Single(c => c.Text == "社会保障和就业支出").Row;

        Assert.Equal(["208", "", "", "社会保障和就业支出", "7,258.32", "1,059.57", "6,198.75"], grid.RowCells(row).Select(c => c.Text));
    }

    [Fact]
    public void Code_parts_split_category_section_and_item()
    {
        Assert.Equal(["208", "01", "01"], GridLayout.CodeParts("2080101"));
        Assert.Equal(["301", "02"], GridLayout.CodeParts("30102"));
        Assert.Equal(["201"], GridLayout.CodeParts("201"));
    }
}
