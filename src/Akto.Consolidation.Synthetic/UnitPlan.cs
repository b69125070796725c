namespace Akto.Consolidation.Synthetic;

/// <summary>What the county plan decides about one unit before its budget is drawn.</summary>
internal sealed record UnitPlan(
    string UnitCode,
    string UnitName,
    string DepartmentCode,
    DepartmentKind Kind,
    bool IsHead,
    string OperatingCode,
    int MinStaff,
    int MaxStaff,
    OwnIncome OwnIncome,
    IReadOnlyList<string> Functions,
    IReadOnlyList<string> Divisions,
    IReadOnlyList<ProjectTemplate> Projects,
    IReadOnlyList<string> Subordinates,
    bool LawEnforcementVehicles,
    int Seed)
{
    /// <summary>行政单位 (the department's own unit) rather than 事业单位.</summary>
    public bool Administrative => IsHead;
}

/// <summary>
/// 内部往来 inside a department: the head subsidises a subordinate (上级补助收入 of the subordinate) or a subordinate with
/// 事业收入 remits to the head (附属单位上缴收入 of the head). <see cref="FunctionCode"/> is the payee's function 项.
/// </summary>
internal sealed record TransferPlan(string PayerUnitCode, string PayeeUnitCode, decimal Amount, bool FromSuperior, string FunctionCode);
