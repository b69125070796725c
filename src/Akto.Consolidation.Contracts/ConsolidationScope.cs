using System.Diagnostics.CodeAnalysis;

namespace Akto.Consolidation.Contracts;

/// <summary>
/// 合并范围: the county (全县, every unit of the year) or one department (部门: the 主管部门 and the units whose
/// <c>departmentCode</c> names it). Written <c>county</c> or <c>department:{code}</c> in grain keys.
/// </summary>
[GenerateSerializer, Immutable, Alias("akto.scope")]
public sealed record ConsolidationScope
{
    public const string CountyKey = "county";
    private const string DepartmentPrefix = "department:";

    private ConsolidationScope(string? departmentCode) => DepartmentCode = departmentCode;

    /// <summary>主管部门编码; null for the county.</summary>
    [Id(0)]
    public string? DepartmentCode { get; init; }

    public static ConsolidationScope County { get; } = new((string?)null);

    [MemberNotNullWhen(false, nameof(DepartmentCode))]
    public bool IsCounty => DepartmentCode is null;

    public static ConsolidationScope Department(string departmentCode)
    {
        GrainKeys.RequireSegment(departmentCode, nameof(departmentCode));
        return new ConsolidationScope(departmentCode);
    }

    public static ConsolidationScope Parse(string text) =>
        TryParse(text, out var scope) && text.Length > 0
            ? scope
            : throw new FormatException($"合并范围“{text}”无效，应为 county 或 department:{{code}} (invalid scope).");

    /// <summary>
    /// The one reader of scope texts (grain keys, API parameters, the command line): <c>county</c>, or
    /// <c>department:{code}</c> with a code that is a valid key segment. An absent text means the county.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ConsolidationScope? scope)
    {
        scope = null;
        if (string.IsNullOrEmpty(text) || text == CountyKey)
        {
            scope = County;
        }
        else if (text.StartsWith(DepartmentPrefix, StringComparison.Ordinal)
            && text[DepartmentPrefix.Length..] is { Length: > 0 } code
            && !code.Contains('/', StringComparison.Ordinal))
        {
            scope = new ConsolidationScope(code);
        }

        return scope is not null;
    }

    /// <summary>"county" or "department:{code}".</summary>
    public override string ToString() => IsCounty ? CountyKey : DepartmentPrefix + DepartmentCode;
}
