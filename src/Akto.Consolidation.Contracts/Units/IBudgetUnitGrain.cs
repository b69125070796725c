using System.Collections.Immutable;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Units;

/// <summary>
/// 预算单位 of one year (key "{year}/{unitCode}", <see cref="GrainKeys.Unit"/>): owns the unit's budget document, every
/// accepted version (修订轨迹), the review workflow, and the unit's contributions to the county and department trees.
/// Commands return result records; a client request id makes a retried command return its first result.
/// </summary>
public interface IBudgetUnitGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and, without errors, accepts a new version. Allowed in 草稿 and 退回 (退回 becomes 草稿); refused in 送审
    /// and 审核通过, which are frozen until the bureau returns the budget (送审) or for good (审核通过).
    /// </summary>
    Task<SubmissionResult> SubmitAsync(BudgetSubmission submission);

    /// <summary>As <see cref="SubmitAsync"/>, from budget-document JSON (syntax and schema findings first).</summary>
    Task<SubmissionResult> SubmitJsonAsync(BudgetJsonSubmission submission);

    /// <summary>An accepted version; the current one when <paramref name="version"/> is null. Null when there is none.</summary>
    [ReadOnly]
    Task<BudgetVersion?> GetAsync(int? version = null);

    /// <summary>修订轨迹: every accepted version, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<BudgetVersionInfo>> GetVersionsAsync();

    [ReadOnly]
    Task<UnitStatus> GetStatusAsync();

    /// <summary>The exact figures of the current version; null before the first.</summary>
    [ReadOnly]
    Task<BudgetFacts?> GetFactsAsync();

    /// <summary>The first result of the submission with this client request id, if there was one.</summary>
    [ReadOnly]
    Task<SubmissionResult?> FindResultAsync(string clientRequestId);

    /// <summary>送审: 草稿 → 送审 (needs an accepted version).</summary>
    Task<WorkflowResult> SendForReviewAsync(WorkflowCommand command);

    /// <summary>审核通过: 送审 → 审核通过.</summary>
    Task<WorkflowResult> ApproveAsync(WorkflowCommand command);

    /// <summary>退回: 送审 → 退回, with at least one reason.</summary>
    Task<WorkflowResult> ReturnAsync(WorkflowCommand command);

    /// <summary>重新编辑: 退回 → 草稿.</summary>
    Task<WorkflowResult> ReopenAsync(WorkflowCommand command);

    /// <summary>A unit this one pays or is paid by joined or left one of its scopes: recompute what is eliminated and republish.</summary>
    [OneWay]
    Task RefreshContributionsAsync();

    /// <summary>
    /// Reconciliation: re-register with the department and county, and resend every contribution and its facts (forced),
    /// withdrawing them from <paramref name="strays"/>: node keys, or scope-facts shard keys, that hold figures of this
    /// unit which they should not.
    /// </summary>
    Task RepublishAsync(ImmutableArray<string> strays);
}

/// <summary>A new version of the budget document.</summary>
/// <param name="ExpectedVersion">When set, the submission is refused with <see cref="SubmissionOutcome.Conflict"/> unless this is the current version.</param>
[GenerateSerializer, Immutable, Alias("akto.budget-submission")]
public sealed record BudgetSubmission(
    [property: Id(0)] BudgetDocument Document,
    [property: Id(1)] string Author,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? ClientRequestId,
    [property: Id(4)] int? ExpectedVersion = null);

/// <summary>A new version as budget-document JSON.</summary>
[GenerateSerializer, Immutable, Alias("akto.budget-json-submission")]
public sealed record BudgetJsonSubmission(
    [property: Id(0)] string Json,
    [property: Id(1)] string Author,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? ClientRequestId,
    [property: Id(4)] int? ExpectedVersion = null);

public enum SubmissionOutcome
{
    /// <summary>接受: a new version; findings are warnings.</summary>
    Accepted,

    /// <summary>审核不通过: the document has errors; nothing changed.</summary>
    Rejected,

    /// <summary>拒绝: the workflow state or the organisation does not allow a new version now; nothing changed.</summary>
    Refused,

    /// <summary>版本冲突: the expected version is not the current one; nothing changed. Not remembered for retries.</summary>
    Conflict,
}

/// <summary>The outcome of a submission.</summary>
/// <param name="Version">The new version (accepted) or the unchanged current version.</param>
/// <param name="State">The workflow state afterwards.</param>
/// <param name="Findings">Warnings of an accepted version; every finding of a rejected one.</param>
/// <param name="Error">Why a submission was refused or conflicted.</param>
[GenerateSerializer, Immutable, Alias("akto.submission-result")]
public sealed record SubmissionResult(
    [property: Id(0)] SubmissionOutcome Outcome,
    [property: Id(1)] int? Version,
    [property: Id(2)] BudgetState State,
    [property: Id(3)] ImmutableArray<Finding> Findings,
    [property: Id(4)] string? Error)
{
    public bool Accepted => Outcome == SubmissionOutcome.Accepted;
}

/// <summary>One accepted version (修订记录): the document, who, when and why.</summary>
[GenerateSerializer, Immutable, Alias("akto.budget-version")]
public sealed record BudgetVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] BudgetDocument Document,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Reason,
    [property: Id(5)] string? ClientRequestId,
    [property: Id(6)] ImmutableArray<Finding> Warnings);

/// <summary>A version in the history list, without its document; totals in 万元.</summary>
[GenerateSerializer, Immutable, Alias("akto.budget-version-info")]
public sealed record BudgetVersionInfo(
    [property: Id(0)] int Version,
    [property: Id(1)] string Author,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason,
    [property: Id(4)] string DepartmentCode,
    [property: Id(5)] decimal IncomeTotal,
    [property: Id(6)] decimal ExpenditureTotal,
    [property: Id(7)] int WarningCount);

/// <summary>A workflow command: who, why (reasons are required to return a budget), and an optional client request id.</summary>
[GenerateSerializer, Immutable, Alias("akto.workflow-command")]
public sealed record WorkflowCommand(
    [property: Id(0)] string Actor,
    [property: Id(1)] ImmutableArray<string> Reasons,
    [property: Id(2)] string? ClientRequestId = null)
{
    public static WorkflowCommand By(string actor, string? clientRequestId = null) => new(actor, [], clientRequestId);
}

/// <summary>One transition of the workflow, kept for good.</summary>
[GenerateSerializer, Immutable, Alias("akto.workflow-event")]
public sealed record WorkflowEvent(
    [property: Id(0)] int Sequence,
    [property: Id(1)] WorkflowAction Action,
    [property: Id(2)] BudgetState From,
    [property: Id(3)] BudgetState To,
    [property: Id(4)] string Actor,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] ImmutableArray<string> Reasons,
    [property: Id(7)] int? Version);

/// <summary>The outcome of a workflow command: the new state, or why the transition is not allowed.</summary>
[GenerateSerializer, Immutable, Alias("akto.workflow-result")]
public sealed record WorkflowResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] BudgetState State,
    [property: Id(2)] string? Error,
    [property: Id(3)] WorkflowEvent? Event);

/// <summary>A unit's workflow state, department and history.</summary>
/// <param name="WarningCount">The current version's warnings (审核提示); 0 before the first version.</param>
/// <param name="LastChangedAt">When the last version was accepted or the workflow last moved; null before either.</param>
[GenerateSerializer, Immutable, Alias("akto.unit-status")]
public sealed record UnitStatus(
    [property: Id(0)] int Year,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] string? UnitName,
    [property: Id(3)] string? DepartmentCode,
    [property: Id(4)] BudgetState State,
    [property: Id(5)] int? CurrentVersion,
    [property: Id(6)] ImmutableArray<WorkflowEvent> History,
    [property: Id(7)] long ContributionSequence,
    [property: Id(8)] int WarningCount = 0,
    [property: Id(9)] DateTimeOffset? LastChangedAt = null);
