namespace Akto.Consolidation.Silo.Security;

/// <summary>Who an API key speaks for.</summary>
public static class AktoRoles
{
    /// <summary>财政局: every unit, department and the county; administers keys.</summary>
    public const string FinanceBureau = "finance-bureau";

    /// <summary>主管部门: its own department (scope = department code) and the units under it.</summary>
    public const string Department = "department";

    /// <summary>预算单位: its own unit only (scope = unit code).</summary>
    public const string Unit = "unit";

    public static readonly IReadOnlyList<string> All = [FinanceBureau, Department, Unit];

    public static bool IsKnown(string? role) => role is FinanceBureau or Department or Unit;

    public static bool NeedsScope(string role) => role is Department or Unit;
}

/// <summary>Authorization policy names.</summary>
public static class AktoPolicies
{
    public const string FinanceBureau = "finance-bureau";

    /// <summary>Hangfire and Orleans dashboards: local requests, finance-bureau keys, or anyone if configured.</summary>
    public const string Dashboards = "dashboards";
}
