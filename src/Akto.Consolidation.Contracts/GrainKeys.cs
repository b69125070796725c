using System.Globalization;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Contracts;

/// <summary>The string keys of the grains. Segments are separated by '/', so codes must not contain it.</summary>
public static class GrainKeys
{
    /// <summary>"{year}/{unitCode}" — <see cref="Units.IBudgetUnitGrain"/>.</summary>
    public static string Unit(int year, string unitCode)
    {
        RequireSegment(unitCode, nameof(unitCode));
        return $"{Year(year)}/{unitCode}";
    }

    /// <summary>"{year}/{unitCode}/{version}" — <see cref="Units.IBudgetVersionGrain"/>.</summary>
    public static string Version(int year, string unitCode, int version)
    {
        RequireSegment(unitCode, nameof(unitCode));
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return $"{Year(year)}/{unitCode}/{version.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"{year}/{unitCode}/{projectCode}" — <see cref="Projects.IProjectGrain"/>.</summary>
    public static string Project(int year, string unitCode, string projectCode)
    {
        RequireSegment(unitCode, nameof(unitCode));
        RequireSegment(projectCode, nameof(projectCode));
        return $"{Year(year)}/{unitCode}/{projectCode}";
    }

    /// <summary>"{year}/{departmentCode}" — <see cref="Organization.IDepartmentGrain"/>.</summary>
    public static string Department(int year, string departmentCode)
    {
        RequireSegment(departmentCode, nameof(departmentCode));
        return $"{Year(year)}/{departmentCode}";
    }

    /// <summary>"{year}/{scope}" — <see cref="Consolidation.IScopeRepairGrain"/>.</summary>
    public static string Scope(int year, ConsolidationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"{Year(year)}/{scope}";
    }

    /// <summary>"{year}" — <see cref="Organization.ICountyGrain"/>.</summary>
    public static string County(int year) => Year(year);

    /// <summary>Splits a key into its segments, checking their number and that the first is a year.</summary>
    public static (int Year, string[] Parts) Split(string key, int segments)
    {
        var parts = key.Split('/');
        if (parts.Length != segments || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw new FormatException($"grain key '{key}' should have {segments} '/'-separated segments starting with the year");
        }

        return (year, parts[1..]);
    }

    internal static void RequireSegment(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"编码不能为空或包含 '/' (a code must be non-empty without '/'): '{value}'", name);
        }
    }

    internal static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    internal static string TreeName(ClassificationTree tree) => ClassificationCodes.TreeName(tree);

    internal static ClassificationTree ParseTree(string text) =>
        ClassificationCodes.ParseTree(text) ?? throw new FormatException($"分类树“{text}”无效，应为 function 或 economic (invalid tree).");
}
