using System.Text.RegularExpressions;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Silo.Api;

/// <summary>RFC 7807 problems of the budget API, in Chinese first with English for operators.</summary>
public static partial class ApiProblems
{
    /// <summary>400 listing every finding: <c>findings</c> (rule, severity, message, locations) and <c>errors</c> by location.</summary>
    public static IResult Rejected(IReadOnlyList<Finding> findings, string? detail = null)
    {
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        return Results.Problem(
            title: "预算审核不通过 (Budget rejected)",
            detail: detail ?? $"{errors.Count} 个错误，已接受的版本保持不变 ({errors.Count} errors; the accepted version is unchanged)",
            statusCode: StatusCodes.Status400BadRequest,
            type: "https://akto-consolidation.example/problems/budget-rejected",
            extensions: new Dictionary<string, object?>
            {
                ["findings"] = findings.Select(FindingView.From).ToList(),
                ["errors"] = errors
                    .SelectMany(f => f.Locations.DefaultIfEmpty("$").Select(l => (Location: l, f.Message)))
                    .GroupBy(e => e.Location)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
            });
    }

    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest, type: "https://httpstatuses.io/400");

    public static IResult Conflict(string title, string? detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, type: "https://httpstatuses.io/409", extensions: extensions);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "未找到 (Not found)", detail: detail, statusCode: StatusCodes.Status404NotFound, type: "https://httpstatuses.io/404");

    public static IResult Forbidden(string detail) =>
        Results.Problem(title: "无权访问 (Forbidden)", detail: detail, statusCode: StatusCodes.Status403Forbidden, type: "https://httpstatuses.io/403");

    /// <summary>A year the API serves and a code that is a single key segment.</summary>
    public static IResult? CheckRoute(int year, params string[] codes)
    {
        if (year is < 2000 or > 2100)
        {
            return BadRequest("年度无效 (Invalid year)", $"年度 {year} 应在 2000–2100 之间 (the year must be between 2000 and 2100)");
        }

        foreach (var code in codes)
        {
            if (!CodePattern().IsMatch(code))
            {
                return BadRequest("编码无效 (Invalid code)", $"编码“{code}”应为 1–32 位字母、数字、_ 或 - (codes are 1–32 letters, digits, _ or -)");
            }
        }

        return null;
    }

    /// <summary>404 for a budget year the system has no classification catalog for: it can hold no figures.</summary>
    public static async Task<IResult?> CheckYearHasCatalogAsync(int year, Contracts.Classification.ClusterCatalogs catalogs) =>
        await catalogs.FindAsync(year) is not null
            ? null
            : NotFound($"没有 {year} 年的科目目录，该年度没有预算数据 (no classification catalog and so no budgets for {year})");

    [GeneratedRegex("^[0-9A-Za-z_-]{1,32}$")]
    private static partial Regex CodePattern();
}

/// <summary>A finding as the API writes it.</summary>
public sealed record FindingView(string RuleId, string Severity, string Message, IReadOnlyList<string> Locations)
{
    public static FindingView From(Finding finding) =>
        new(finding.RuleId, finding.Severity == Domain.Validation.Severity.Error ? "error" : "warning", finding.Message, finding.Locations);
}
