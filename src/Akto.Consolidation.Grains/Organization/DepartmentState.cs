using Akto.Consolidation.Contracts.Organization;

namespace Akto.Consolidation.Grains.Organization;

/// <summary>Stored state of a department: its units, its approval, and who watches which unit's membership.</summary>
[GenerateSerializer, Alias("akto.state.department")]
public sealed class DepartmentState
{
    [Id(0)]
    public Dictionary<string, DepartmentMember> Members { get; set; } = [];

    [Id(1)]
    public bool Approved { get; set; }

    [Id(2)]
    public string? ApprovedBy { get; set; }

    [Id(3)]
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Unit code → units that pay it and must recompute their eliminations when it joins or leaves.</summary>
    [Id(4)]
    public Dictionary<string, HashSet<string>> Watchers { get; set; } = [];

    /// <summary>Client request id → the first result of an approval.</summary>
    [Id(5)]
    public Dictionary<string, DepartmentApprovalResult> Requests { get; set; } = [];
}

/// <summary>Stored state of the county register.</summary>
[GenerateSerializer, Alias("akto.state.county")]
public sealed class CountyState
{
    [Id(0)]
    public Dictionary<string, CountyUnit> Units { get; set; } = [];

    /// <summary>Unit code → units that pay it and must recompute their eliminations when it registers.</summary>
    [Id(1)]
    public Dictionary<string, HashSet<string>> Watchers { get; set; } = [];
}
