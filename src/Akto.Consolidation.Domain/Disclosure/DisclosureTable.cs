namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>Whose tables these are: one unit, a department (主管部门 and its units) or the county.</summary>
public sealed record DisclosureScope(DisclosureScopeKind Kind, string? Code, string Name)
{
    public static DisclosureScope County(string name = "阿克陶县") => new(DisclosureScopeKind.County, null, name);

    public static DisclosureScope Unit(string code, string name) => new(DisclosureScopeKind.Unit, code, name);

    public static DisclosureScope Department(string code, string name) => new(DisclosureScopeKind.Department, code, name);

    /// <summary>"unit:139001", "department:139001" or "county".</summary>
    public override string ToString() => Kind == DisclosureScopeKind.County ? "county" : $"{Kind.ToString().ToLowerInvariant()}:{Code}";
}

/// <summary>The level a disclosure is made at.</summary>
public enum DisclosureScopeKind
{
    /// <summary>单位.</summary>
    Unit,

    /// <summary>部门 (主管部门 with its subordinate units).</summary>
    Department,

    /// <summary>全县.</summary>
    County,
}

/// <summary>单位预算公开表: the eleven tables of one scope and year.</summary>
public sealed record DisclosureSet(int Year, DisclosureScope Scope, string CurrencyUnit, IReadOnlyList<DisclosureTable> Tables)
{
    public DisclosureTable Table(int id) => Tables.Single(t => t.Id == id);
}

/// <summary>
/// One disclosure table. <see cref="Columns"/> are the seed's headers with white space removed, a sub-column joined to
/// its group with '/'. Cells hold exact 万元; zero is shown blank (null), as the published tables do.
/// </summary>
public sealed record DisclosureTable(int Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<DisclosureRow> Rows, string? Note = null)
{
    /// <summary>The row with this classification code (and project, for Table 7), or the named row.</summary>
    public DisclosureRow? Row(string codeOrName, string? project = null) =>
        Rows.FirstOrDefault(r => (r.Code == codeOrName || (r.Code is null && r.Name == codeOrName)) && (project is null || r.Project == project));

    /// <summary>A cell's exact value; zero for blank or missing cells.</summary>
    public decimal Value(string codeOrName, string column, string? project = null) =>
        Row(codeOrName, project)?.Cells.GetValueOrDefault(column) ?? 0m;
}

/// <summary>One row: a classification code and name, or a named line (收入 items, 合计, projects).</summary>
public sealed record DisclosureRow(string? Code, string Name, IReadOnlyDictionary<string, decimal?> Cells)
{
    /// <summary>类 / 款 / 项 for classification rows.</summary>
    public string? Level { get; init; }

    /// <summary>项目名称 (Table 7 project rows).</summary>
    public string? Project { get; init; }

    /// <summary>The unit the project belongs to (Table 7 and 11 project rows).</summary>
    public string? UnitCode { get; init; }

    public decimal this[string column] => Cells.GetValueOrDefault(column) ?? 0m;
}
