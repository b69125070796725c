using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting;

/// <summary>
/// 公开金额单位: the unit a region publishes its tables in. Amounts are computed in 万元 (exact, up to 6 decimals);
/// publishing in 元 multiplies them by 10 000 before anything is printed, so 元 figures are exact from the data (a budget
/// booked to the 分 has at most 2 decimals in 元) and print unchanged.
/// </summary>
public enum PublishedUnit
{
    /// <summary>万元 (the default, as the seed publishes).</summary>
    TenThousandYuan,

    /// <summary>元.</summary>
    Yuan,
}

public static class PublishedUnits
{
    /// <summary>"万元" or "元", as the "单位：…" line prints it.</summary>
    public static string Label(this PublishedUnit unit) => unit == PublishedUnit.Yuan ? CurrencyUnit.Yuan : CurrencyUnit.TenThousandYuan;

    /// <summary>The factor from 万元 to <paramref name="unit"/>.</summary>
    public static decimal FromTenThousandYuan(this PublishedUnit unit) => unit == PublishedUnit.Yuan ? 10_000m : 1m;

    /// <summary><c>万元</c>, <c>wanyuan</c> (the default when empty) or <c>元</c>, <c>yuan</c>.</summary>
    public static bool TryParse(string? text, out PublishedUnit unit)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "万元" or "wanyuan":
                unit = PublishedUnit.TenThousandYuan;
                return true;
            case "元" or "yuan":
                unit = PublishedUnit.Yuan;
                return true;
            default:
                unit = default;
                return false;
        }
    }

    /// <summary>The set with every amount in <paramref name="unit"/> and its currency unit renamed; the same set for 万元.</summary>
    public static DisclosureSet In(this DisclosureSet set, PublishedUnit unit)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (unit.Label() == set.CurrencyUnit)
        {
            return set;
        }

        var factor = unit.FromTenThousandYuan() / (set.CurrencyUnit == CurrencyUnit.Yuan ? 10_000m : 1m);
        return set with { CurrencyUnit = unit.Label(), Tables = [.. set.Tables.Select(t => t.Scaled(factor))] };
    }

    private static DisclosureTable Scaled(this DisclosureTable table, decimal factor) => table with
    {
        Rows = [.. table.Rows.Select(r => r with { Cells = r.Cells.ToDictionary(c => c.Key, c => c.Value * factor) })],
    };
}
