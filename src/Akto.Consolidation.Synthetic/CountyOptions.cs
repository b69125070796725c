namespace Akto.Consolidation.Synthetic;

/// <summary>What county to generate: how many units in how many departments, from which seed, for which budget year.</summary>
/// <param name="Units">预算单位 in all (at least <paramref name="Departments"/>: every department is a unit of its own).</param>
/// <param name="Departments">主管部门.</param>
/// <param name="Seed">The same seed (and catalog) always gives byte-identical documents.</param>
/// <param name="Year">预算年度; codes are drawn from this year's catalog.</param>
public sealed record CountyOptions(int Units, int Departments, int Seed, int Year = 2024)
{
    /// <summary>The most departments the code scheme allows (department codes 301–998).</summary>
    public const int MaxDepartments = 698;

    /// <summary>The most subordinate units one department's code scheme allows (002–999).</summary>
    public const int MaxUnitsPerDepartment = 999;

    public void Validate()
    {
        if (Departments < 1 || Departments > MaxDepartments)
        {
            throw new ArgumentOutOfRangeException(nameof(Departments), Departments, $"部门数应在 1–{MaxDepartments} 之间 (departments must be 1–{MaxDepartments}).");
        }

        if (Units < Departments)
        {
            throw new ArgumentOutOfRangeException(nameof(Units), Units, "单位数不能少于部门数：每个部门本身是一个单位 (units must be at least departments).");
        }

        if (Units > (long)Departments * MaxUnitsPerDepartment)
        {
            throw new ArgumentOutOfRangeException(nameof(Units), Units, "单位数过多 (too many units for the departments).");
        }
    }
}
