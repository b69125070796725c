using System.Text;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>A numbered section of 第一部分 ("一、主要职能") and its paragraphs.</summary>
public sealed record OverviewSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The wording of 第一部分 单位概况 as the seed prints it: 一、主要职能 with "（一）…" items; 二、机构设置及人员情况 with the
/// subordinate units, the internal divisions and "编制数27，实有人数76人，其中：在职47人，增加3人；…". For a department or the
/// county the units are listed and the staffing is the sum.
/// </summary>
public static class OverviewText
{
    public static IReadOnlyList<OverviewSection> Sections(DisclosureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var overview = document.Overview;
        if (document.Scope.Kind == DisclosureScopeKind.Unit && overview.Units.Count == 1)
        {
            var unit = overview.Units[0];
            var functions = unit.Profile?.Functions ?? [];
            var organisation = new List<string> { Organisation(unit) };
            if (unit.Staffing is { } staffing)
            {
                organisation.Add(StaffingSentence(unit.Name, staffing));
            }

            return
            [
                new OverviewSection("一、主要职能", [.. functions.Select((f, i) => $"（{ChineseNumber(i + 1)}）{f}")]),
                new OverviewSection("二、机构设置及人员情况", organisation),
            ];
        }

        var units = new List<string>
        {
            $"{document.Scope.Name}本次公开包括{overview.Units.Count}个预算单位：{string.Join("、", overview.Units.Select(u => u.Name))}。",
        };
        var people = new List<string>();
        if (overview.Total is { } total)
        {
            people.Add(StaffingSentence(document.Scope.Name, total));
        }

        people.AddRange(overview.Units.Where(u => u.Staffing is not null).Select(u => StaffingSentence(u.Name, u.Staffing!)));
        return [new OverviewSection("一、预算单位构成", units), new OverviewSection("二、人员情况", people)];
    }

    /// <summary>"阿克陶县人力资源和社会保障局无下属预算单位，下设4个科室，分别是：办公室、综合业务科、就业促进科、社保科。"</summary>
    public static string Organisation(OverviewUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = new StringBuilder(unit.Name);
        text.Append(unit.SubordinateUnitNames.Count == 0
            ? "无下属预算单位"
            : $"有{unit.SubordinateUnitNames.Count}个下属预算单位，分别是：{string.Join("、", unit.SubordinateUnitNames)}");
        var divisions = unit.Profile?.InternalDivisions ?? [];
        if (divisions.Count > 0)
        {
            text.Append("，下设").Append(divisions.Count).Append("个科室，分别是：").AppendJoin('、', divisions);
        }

        return text.Append('。').ToString();
    }

    /// <summary>"…编制数27，实有人数76人，其中：在职47人，增加3人；退休29人，增加3人；离休0人，增加0人。"</summary>
    public static string StaffingSentence(string name, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        return $"{name}编制数{staffing.AuthorizedPosts}，实有人数{staffing.ActualHeadcount}人，其中：在职{staffing.InService}人，{Change(staffing.InServiceChange)}；"
            + $"退休{staffing.Retired}人，{Change(staffing.RetiredChange)}；离休{staffing.RetiredCadres}人，{Change(staffing.RetiredCadresChange)}。";
    }

    /// <summary>一 … 九十九: the numbering of 主要职能 items and glossary entries.</summary>
    public static string ChineseNumber(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 99);
        const string Digits = "零一二三四五六七八九";
        if (n < 10)
        {
            return Digits[n].ToString();
        }

        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }

    private static string Change(int change) => change < 0 ? $"减少{-change}人" : $"增加{change}人";
}
