using System.Globalization;

namespace Akto.Consolidation.Client.Commands;

/// <summary>万元 amounts as the terminal prints them: 2 decimals, half away from zero, thousands separated.</summary>
internal static class Money
{
    public static string Wan(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>As in CSV and JSON: no separators.</summary>
    public static string Plain(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
