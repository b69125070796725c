using System.CommandLine;
using System.Globalization;

namespace Akto.Consolidation.Client.Commands;

/// <summary><c>--year</c> of the networked commands: 预算年度, default <c>AKTO_YEAR</c> or the calendar year.</summary>
internal static class YearOption
{
    public static Option<int> Create() => new("--year")
    {
        Description = "预算年度 (default: AKTO_YEAR or this year)",
        DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("AKTO_YEAR"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : DateTime.Now.Year,
    };
}
