using System.Text.Json;
using System.Text.Json.Serialization;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>
/// 审核公式: one rule of the finance bureau's checks, as data (<c>audit-rules.json</c>). Exactly one of
/// <see cref="Formula"/> (a relation between table cells), <see cref="Hierarchy"/> (类 = Σ款 = Σ项 of a table) or
/// <see cref="Check"/> (a named document check) says what it tests.
/// </summary>
public sealed record AuditRule
{
    public string Id { get; init; } = "";

    public Severity Severity { get; init; }

    /// <summary>Chinese message shown with every finding.</summary>
    public string Message { get; init; } = "";

    /// <summary>e.g. <c>T1[总计].收入/预算数 = T1[总计].支出/预算数</c>; <c>T3[*].a = T3[*].b + T3[*].c</c> holds on every row.</summary>
    public string? Formula { get; init; }

    /// <summary>Table id whose classification rows must add up.</summary>
    public int? Hierarchy { get; init; }

    /// <summary>Name of a document check in <see cref="DocumentChecks"/>.</summary>
    public string? Check { get; init; }

    /// <summary>Allowed absolute difference in 万元 (0: exact).</summary>
    public decimal Tolerance { get; init; }

    /// <summary>政府采购预留份额 for the procurement check; <see cref="SmeReservationPolicy.Default"/> when not given.</summary>
    public SmeReservationPolicy? SmeReservation { get; init; }
}

/// <summary>The rule catalog shipped with the domain (<c>Validation/audit-rules.json</c>).</summary>
public static class AuditRules
{
    private static readonly Lazy<IReadOnlyList<AuditRule>> Shipped = new(() =>
    {
        using var stream = typeof(AuditRules).Assembly.GetManifestResourceStream("rules/audit-rules.json")
            ?? throw new InvalidOperationException("audit-rules.json is not embedded.");
        return Parse(stream);
    });

    public static IReadOnlyList<AuditRule> All => Shipped.Value;

    public static AuditRule Get(string id) => All.Single(r => r.Id == id);

    public static IReadOnlyList<AuditRule> Parse(Stream json)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        var catalog = JsonSerializer.Deserialize<RuleCatalog>(json, options) ?? throw new InvalidOperationException("empty rule catalog");
        foreach (var rule in catalog.Rules)
        {
            var kinds = (rule.Formula is null ? 0 : 1) + (rule.Hierarchy is null ? 0 : 1) + (rule.Check is null ? 0 : 1);
            if (kinds != 1)
            {
                throw new InvalidOperationException($"Rule {rule.Id} must have exactly one of formula, hierarchy, check.");
            }

            if (rule.Formula is not null)
            {
                _ = CellFormula.Parse(rule.Formula);
            }
            else if (rule.Check is not null && !DocumentChecks.Exists(rule.Check))
            {
                throw new InvalidOperationException($"Rule {rule.Id} names an unknown check '{rule.Check}'.");
            }
        }

        var duplicate = catalog.Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? catalog.Rules : throw new InvalidOperationException($"Duplicate rule id {duplicate.Key}.");
    }

    private sealed record RuleCatalog(int Version, IReadOnlyList<AuditRule> Rules);
}
