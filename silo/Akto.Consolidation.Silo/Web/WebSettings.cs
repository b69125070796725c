using System.Globalization;

namespace Akto.Consolidation.Silo.Web;

/// <summary>
/// Settings of the finance bureau's pages (<c>Akto:Web:*</c>, <c>Akto:Roster</c>): the budget year they open on, the
/// 公开截止日期 they count down to, the 单位名录 file and how often an open page looks for new figures.
/// </summary>
public sealed record WebSettings(int Year, DateOnly? DisclosureDeadline, string? RosterPath, TimeSpan RefreshInterval)
{
    public static WebSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Akto:Web");
        var year = int.TryParse(section["Year"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : 2024;
        var deadline = DateOnly.TryParse(section["DisclosureDeadline"], CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null;
        var refresh = TimeSpan.TryParse(section["RefreshInterval"], CultureInfo.InvariantCulture, out var r) && r > TimeSpan.Zero ? r : TimeSpan.FromSeconds(2);
        var roster = configuration["Akto:Roster"];
        return new WebSettings(year, deadline, string.IsNullOrWhiteSpace(roster) ? null : roster, refresh);
    }

    /// <summary>Days from <paramref name="today"/> to the deadline (negative once past); null when none is configured.</summary>
    public int? DaysToDeadline(DateOnly today) => DisclosureDeadline is { } deadline ? deadline.DayNumber - today.DayNumber : null;
}
