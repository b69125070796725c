using System.Globalization;

namespace Akto.Consolidation.Reporting;

/// <summary>The formats a disclosure renders to.</summary>
public enum DisclosureFormat
{
    Json,
    Csv,
    Markdown,
}

/// <summary>Published amounts: 万元, two decimals, half away from zero.</summary>
public static class PublishedAmount
{
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>"7,258.32" for Markdown; <paramref name="grouped"/> false gives "7258.32" for CSV.</summary>
    public static string Format(decimal? value, bool grouped) =>
        value is { } v ? Round(v).ToString(grouped ? "#,0.00" : "0.00", CultureInfo.InvariantCulture) : "";

    public static bool TryParseFormat(string? text, out DisclosureFormat format)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "json":
                format = DisclosureFormat.Json;
                return true;
            case "csv":
                format = DisclosureFormat.Csv;
                return true;
            case "md" or "markdown":
                format = DisclosureFormat.Markdown;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
