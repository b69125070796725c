using System.Globalization;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Silo.Web;

/// <summary>How the pages print figures: 万元 with 2 decimals and thousands separators, blanks for nothing.</summary>
public static class WebFormat
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>万元, 2 decimals (rounded half away from zero, as the published tables).</summary>
    public static string Wan(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("N2", Chinese);

    /// <summary>A table cell: blank when empty, as the disclosure prints it.</summary>
    public static string Cell(decimal? amount) => amount is { } value ? Wan(value) : "";

    public static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => Time(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>资金来源 label of the tree's camelCase source key.</summary>
    public static string SourceLabel(string key) => Enum.TryParse<FundSource>(key, ignoreCase: true, out var source) ? source.Label() : key;

    /// <summary>Share of a part in a whole, in percent with one decimal.</summary>
    public static string Percent(decimal part, decimal whole) =>
        whole == 0m ? "" : (decimal.Round(part / whole * 100m, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
