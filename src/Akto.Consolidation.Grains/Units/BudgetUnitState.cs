using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Grains.Classification;

namespace Akto.Consolidation.Grains.Units;

/// <summary>
/// Stored state of a budget unit: the list of its versions (their documents live in <see cref="BudgetVersionGrain"/>s),
/// workflow, the results of its latest commands and its published figures. What a submission rewrites here grows by one
/// small entry per version, not by a document.
/// </summary>
[GenerateSerializer, Alias("akto.state.budget-unit")]
public sealed class BudgetUnitState
{
    /// <summary>
    /// Rows written before versions had grains of their own kept every version's document here. A unit moves them to
    /// <see cref="BudgetVersionGrain"/>s when it activates; empty afterwards.
    /// </summary>
    [Id(0)]
    public List<BudgetVersion> LegacyVersions { get; set; } = [];

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

    /// <summary>修订轨迹: every accepted version without its document, oldest first; never changed once added.</summary>
    [Id(8)]
    public List<BudgetVersionInfo> Versions { get; set; } = [];

    /// <summary>The current version's unit name (单位名称), for the department and county registers.</summary>
    [Id(9)]
    public string? UnitName { get; set; }

    /// <summary>The client request ids of <see cref="Requests"/>, oldest first: only the latest are remembered.</summary>
    [Id(10)]
    public List<string> RequestOrder { get; set; } = [];

    /// <summary>The scope-facts shards the unit's facts were last put in (so that leaving a scope withdraws them).</summary>
    [Id(11)]
    public List<string> FactsShards { get; set; } = [];
}

/// <summary>The first result of a command, kept under its client request id.</summary>
[GenerateSerializer, Immutable, Alias("akto.state.remembered-result")]
public sealed record RememberedResult(
    [property: Id(0)] SubmissionResult? Submission,
    [property: Id(1)] WorkflowResult? Workflow);
