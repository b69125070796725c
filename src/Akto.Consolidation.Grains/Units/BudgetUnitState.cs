using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Grains.Classification;

namespace Akto.Consolidation.Grains.Units;

/// <summary>Stored state of a budget unit: its versions, workflow, remembered command results and published figures.</summary>
[GenerateSerializer, Alias("akto.state.budget-unit")]
public sealed class BudgetUnitState
{
    /// <summary>修订轨迹: every accepted version, oldest first; never changed once added.</summary>
    [Id(0)]
    public List<BudgetVersion> Versions { get; set; } = [];

    [Id(1)]
    public BudgetState Status { get; set; } = BudgetState.Draft;

    [Id(2)]
    public List<WorkflowEvent> History { get; set; } = [];

    /// <summary>Client request id → the first result of that command.</summary>
    [Id(3)]
    public Dictionary<string, RememberedResult> Requests { get; set; } = [];

    /// <summary>The department the unit has joined (its current document's).</summary>
    [Id(4)]
    public string? DepartmentCode { get; set; }

    /// <summary>The department the unit moved away from and has not yet been confirmed to have left.</summary>
    [Id(5)]
    public string? PendingLeave { get; set; }

    /// <summary>The version of the unit's contributions to the trees; increases with every change of them.</summary>
    [Id(6)]
    public long ContributionSequence { get; set; }

    /// <summary>Node key → what the unit last contributed there (zero entries kept, so withdrawals can be resent).</summary>
    [Id(7)]
    public Dictionary<string, LeafFigures> Published { get; set; } = [];
}

/// <summary>The first result of a command, kept under its client request id.</summary>
[GenerateSerializer, Immutable, Alias("akto.state.remembered-result")]
public sealed record RememberedResult(
    [property: Id(0)] SubmissionResult? Submission,
    [property: Id(1)] WorkflowResult? Workflow);
