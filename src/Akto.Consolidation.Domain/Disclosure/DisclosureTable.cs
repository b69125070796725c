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
/// <remarks>
/// Rows are looked up by code or by their printed label (合计, 总计, 公务接待费 …). A label is data a template can rename, so
/// <see cref="Find"/> and <see cref="Value"/> throw <see cref="DisclosureRowNotFoundException"/> for a missing row or
/// column rather than reading it as zero; a row the table prints only when it is non-zero is read with
/// <see cref="TryFind"/> or <see cref="ValueOrZero"/>, which say so.
/// </remarks>
public sealed record DisclosureTable(int Id, string Title, IReadOnlyList<string> Columns, IReadOnlyList<DisclosureRow> Rows, string? Note = null)
{
    /// <summary>The row with this classification code (and project, for Table 7), or the named row; null when absent.</summary>
    public DisclosureRow? TryFind(string codeOrName, string? project = null) =>
        Rows.FirstOrDefault(r => (r.Code == codeOrName || (r.Code is null && r.Name == codeOrName)) && (project is null || r.Project == project));

    /// <summary>The row with this code or label; throws <see cref="DisclosureRowNotFoundException"/> naming the table when absent.</summary>
    public DisclosureRow Find(string codeOrName, string? project = null) =>
        TryFind(codeOrName, project) ?? throw new DisclosureRowNotFoundException(this, codeOrName, project, null);

    /// <summary>
    /// A cell's exact value, zero for a blank cell; throws <see cref="DisclosureRowNotFoundException"/> when the row or the
    /// column does not exist.
    /// </summary>
    public decimal Value(string codeOrName, string column, string? project = null)
    {
        var row = Find(codeOrName, project);
        return row.Cells.TryGetValue(column, out var value)
            ? value ?? 0m
            : throw new DisclosureRowNotFoundException(this, codeOrName, project, column);
    }

    /// <summary>
    /// A cell of a row the table prints only when it is non-zero (表11 基本支出结转结余, a 科目 row): zero when the row is
    /// absent. The column must still exist.
    /// </summary>
    public decimal ValueOrZero(string codeOrName, string column, string? project = null)
    {
        if (!Columns.Contains(column, StringComparer.Ordinal))
        {
            throw new DisclosureRowNotFoundException(this, codeOrName, project, column);
        }

        return TryFind(codeOrName, project)?.Cells.GetValueOrDefault(column) ?? 0m;
    }
}

/// <summary>A lookup of a disclosure table's row (or column) by code or label found nothing: the label was renamed or is wrong.</summary>
public sealed class DisclosureRowNotFoundException(DisclosureTable table, string label, string? project, string? column)
    : KeyNotFoundException(Describe(table, label, project, column))
{
    public int TableId { get; } = table.Id;

    public string Label { get; } = label;

    public string? Column { get; } = column;

    private static string Describe(DisclosureTable table, string label, string? project, string? column)
    {
        var row = project is null ? $"“{label}”" : $"“{label}”（项目 {project}）";
        return column is null
            ? $"表{table.Id} {table.Title} 没有行 {row} (table {table.Id} has no row '{label}')"
            : $"表{table.Id} {table.Title} 行 {row} 没有列 “{column}” (table {table.Id} has no column '{column}')";
    }
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

    /// <summary>A cell's exact value, zero for a blank cell; an unknown column throws (a misspelt column is not a zero).</summary>
    public decimal this[string column] =>
        Cells.TryGetValue(column, out var value) ? value ?? 0m : throw new KeyNotFoundException($"行 “{Name}” 没有列 “{column}” (row '{Name}' has no column '{column}')");
}
