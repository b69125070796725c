namespace Akto.Consolidation.LoadDriver.Data;

/// <summary>A line of a budget document as the driver reads it (amount in 万元; <see cref="Payee"/> set for payments to another unit).</summary>
public sealed record LineItem(string FunctionCode, string EconomicCode, string Category, string FundSource, decimal Amount, string? Payee);

/// <summary>
/// One budget unit the load submits. Version v of its document is its base document with every amount multiplied by
/// <see cref="FactorOf"/>(v) (1, 2 or 3, never the same twice in a row), so the driver can recompute any stored
/// version's figures from its version number alone, also after a crash that lost the acknowledgement.
/// </summary>
/// <param name="Index">Position in the set: the first N units form the county of size N.</param>
/// <param name="BaseLines">The base document's lines (factor 1).</param>
public sealed record LoadUnit(int Index, string UnitCode, string DepartmentCode, IReadOnlyList<LineItem> BaseLines)
{
    public int FactorOf(int version) => (Index + version - 1) % 3 + 1;

    /// <summary>
    /// The lines version <paramref name="version"/> adds to the county (none when nothing is stored): payments to a
    /// unit of the county are eliminated.
    /// </summary>
    public IEnumerable<LineItem> CountyLines(int version, Func<string, bool> isCountyUnit)
    {
        if (version <= 0)
        {
            yield break;
        }

        var factor = FactorOf(version);
        foreach (var line in BaseLines)
        {
            if (line.Payee is not { } payee || !isCountyUnit(payee))
            {
                yield return line with { Amount = line.Amount * factor };
            }
        }
    }

    /// <summary>What version <paramref name="version"/> adds to the county's function root, in 万元.</summary>
    public decimal CountyContribution(int version, Func<string, bool> isCountyUnit) => CountyLines(version, isCountyUnit).Sum(l => l.Amount);
}
