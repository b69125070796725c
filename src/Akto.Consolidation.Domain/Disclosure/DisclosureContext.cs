using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>What every table builder reads: the facts, the year's catalog and whose tables they are.</summary>
internal sealed record DisclosureContext(BudgetFacts Facts, ClassificationCatalog Catalog, DisclosureScope Scope)
{
    /// <summary>"单位", "部门" or "全县": the seed's tables 1–3 are titled for a unit.</summary>
    public string TitlePrefix => Scope.Kind switch
    {
        DisclosureScopeKind.Unit => "单位",
        DisclosureScopeKind.Department => "部门",
        _ => "全县",
    };

    /// <summary>Σ per function 项 of the lines that pass <paramref name="filter"/>, spread over columns by <paramref name="column"/> (−1: skip).</summary>
    public Dictionary<string, decimal[]> ByFunction(Func<LineKey, bool> filter, int columnCount, Func<LineKey, IEnumerable<int>> column)
    {
        var result = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var (key, amount) in Facts.Lines)
        {
            if (!filter(key))
            {
                continue;
            }

            if (!result.TryGetValue(key.FunctionCode, out var values))
            {
                result[key.FunctionCode] = values = new decimal[columnCount];
            }

            foreach (var index in column(key))
            {
                values[index] += amount;
            }
        }

        return result;
    }

    /// <summary>人员经费 (301 工资福利, 303 对个人和家庭的补助) as opposed to 公用经费.</summary>
    public static bool IsPersonnel(LineKey key) => ClassificationCodes.IsPersonnel(key.EconomicCode);

    public static bool IsGeneralBudgetOfYear(LineKey key) => key.FundSource is FundSource.GeneralBudget or FundSource.GeneralBudgetTransfer;
}
