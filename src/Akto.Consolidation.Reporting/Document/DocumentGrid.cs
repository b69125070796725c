namespace Akto.Consolidation.Reporting.Document;

/// <summary>What a grid cell holds, so renderers can align and format it.</summary>
public enum GridCellKind
{
    /// <summary>表头: a column heading (merged like the seed's).</summary>
    Header,

    /// <summary>A label or free text (科目名称, 项目名称, 指标值 as printed).</summary>
    Text,

    /// <summary>A published amount (万元, 2 decimals); <see cref="GridCell.Amount"/> is null for a blank cell.</summary>
    Amount,
}

/// <summary>
/// One cell of a <see cref="DocumentGrid"/> at (<see cref="Row"/>, <see cref="Column"/>), spanning <see cref="RowSpan"/> ×
/// <see cref="ColSpan"/> positions; positions covered by a span hold no cell.
/// </summary>
public sealed record GridCell(int Row, int Column, GridCellKind Kind, string Text, decimal? Amount = null, int RowSpan = 1, int ColSpan = 1);

/// <summary>
/// A table laid out as it is printed: the title and the lines above it (编制单位, 单位; or the year of a 绩效目标表), the
/// header rows with merged cells, the body, and a note below (备注 of an empty table). Both the HTML and the XLSX renderer
/// draw these grids, so the merged headers are decided once (<see cref="GridLayout"/>).
/// </summary>
public sealed record DocumentGrid(
    string Title,
    IReadOnlyList<string> Preamble,
    int ColumnCount,
    int HeaderRowCount,
    IReadOnlyList<GridCell> Cells,
    string? Note = null)
{
    // The index and the cell list it was built from: a copy made with `with { Cells = … }` must not reuse it.
    private (IReadOnlyList<GridCell> Source, ILookup<int, GridCell> Index)? _byRow;

    /// <summary>Grids with more columns than this print on a portrait page; wider ones on a landscape page.</summary>
    public const int PortraitColumns = 8;

    public int RowCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);

    /// <summary>True when the grid is printed on a landscape page (HTML <c>@page wide</c>, XLSX page setup).</summary>
    public bool IsWide => ColumnCount > PortraitColumns;

    /// <summary>The cells that start in one row, left to right (indexed once: a county's table 7 has many rows).</summary>
    public IEnumerable<GridCell> RowCells(int row)
    {
        if (_byRow is not { } index || !ReferenceEquals(index.Source, Cells))
        {
            _byRow = index = (Cells, Cells.ToLookup(c => c.Row));
        }

        return index.Index[row].OrderBy(c => c.Column);
    }
}
