using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Facts;

/// <summary>
/// A running cell-wise sum of unit facts: a unit's facts are added when it contributes and removed (the same facts, cell
/// by cell) when it contributes again or leaves, so the sum costs what one unit's cells cost, never what the scope's
/// units cost. Exact: decimal addition of 万元 amounts, zero cells dropped as <see cref="BudgetFacts.Sum"/> drops them.
/// </summary>
public sealed class FactsAccumulator(int year)
{
    private readonly Dictionary<FundSource, decimal> _income = [];
    private readonly Dictionary<LineKey, decimal> _lines = [];
    private readonly Dictionary<ProjectRef, ProjectInfo> _projects = [];
    private readonly Dictionary<(ThreePublicItem Item, BudgetType BudgetType), decimal> _threePublic = [];
    private decimal _office;
    private int _units;

    public int Year { get; } = year;

    /// <summary>How many unit facts the sum holds.</summary>
    public int UnitCount => _units;

    /// <summary>Distinct non-zero cells of the sum (income, lines and 三公 cells).</summary>
    public int CellCount => _income.Count + _lines.Count + _threePublic.Count;

    public void Add(BudgetFacts facts) => Apply(facts, 1);

    /// <summary>Takes out facts added before (the same object or equal cells).</summary>
    public void Remove(BudgetFacts facts) => Apply(facts, -1);

    /// <summary>The sum as facts; a copy, unaffected by later changes.</summary>
    public BudgetFacts ToFacts() =>
        BudgetFacts.FromCells(Year, _income, _lines, _projects.Values, _threePublic, _office, _units);

    private void Apply(BudgetFacts facts, int sign)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Year != Year)
        {
            throw new ArgumentException($"不能合并不同年度的预算 (cannot consolidate {facts.Year} into {Year}).", nameof(facts));
        }

        foreach (var (key, value) in facts.Income)
        {
            Add(_income, key, sign * value);
        }

        foreach (var (key, value) in facts.Lines)
        {
            Add(_lines, key, sign * value);
        }

        foreach (var (key, value) in facts.ThreePublic)
        {
            Add(_threePublic, key, sign * value);
        }

        foreach (var (key, info) in facts.Projects)
        {
            if (sign > 0)
            {
                _projects[key] = info;
            }
            else
            {
                _projects.Remove(key);
            }
        }

        _office += sign * facts.OfficeOperatingAmount;
        _units += sign * facts.UnitCount;
    }

    private static void Add<TKey>(Dictionary<TKey, decimal> cells, TKey key, decimal value)
        where TKey : notnull
    {
        var next = cells.GetValueOrDefault(key) + value;
        if (next == 0m)
        {
            cells.Remove(key);
        }
        else
        {
            cells[key] = next;
        }
    }
}
