using System.Globalization;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>
/// 公开口径: an amount as the disclosure prints it — 万元, 2 decimals, rounded half away from zero. The hand checks compare
/// at this precision, because the bureau checks the printed figures, and quote their figures the same way.
/// </summary>
internal static class PublishedAmount
{
    /// <summary><paramref name="amount"/> in <paramref name="currencyUnit"/>, as printed in 万元.</summary>
    public static decimal Of(decimal amount, string currencyUnit) => Round(amount * CurrencyUnit.ToTenThousandYuanFactor(currencyUnit));

    /// <summary>A 万元 amount as printed: 2 decimals, half away from zero.</summary>
    public static decimal Round(decimal tenThousandYuan) => Math.Round(tenThousandYuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>A 万元 amount as the text prints it: <c>1,234.50 万元</c>.</summary>
    public static string Text(decimal tenThousandYuan) => Round(tenThousandYuan).ToString("#,0.00", CultureInfo.InvariantCulture) + " 万元";
}
