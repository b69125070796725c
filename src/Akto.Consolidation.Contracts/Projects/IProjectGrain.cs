using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Projects;

/// <summary>
/// 项目 of a unit (key "{year}/{unitCode}/{projectCode}", <see cref="GrainKeys.Project"/>): owns the edits of the project's
/// figures (its lines) and 绩效目标. The unit's document stays the one record of the figures: every edit becomes a new
/// unit version through <see cref="IBudgetUnitGrain.SubmitAsync"/>, so validation, the workflow, the revision history and
/// propagation up the trees apply to it as to any submission. Edits are optimistic: they name the unit version they were
/// made on and are re-applied to a newer one if another change came first.
/// </summary>
public interface IProjectGrain : IGrainWithStringKey
{
    /// <summary>The project in the unit's current version; null when the unit or the project does not exist.</summary>
    [ReadOnly]
    Task<ProjectView?> GetAsync();

    /// <summary>Replaces the project's lines (and optionally its 绩效目标表).</summary>
    Task<SubmissionResult> EditAsync(ProjectEdit edit);

    /// <summary>Moves an amount of the project from one function 项 to another.</summary>
    Task<SubmissionResult> MoveAsync(ProjectMove move);
}

[GenerateSerializer, Immutable, Alias("akto.project-view")]
public sealed record ProjectView(
    [property: Id(0)] int Year,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] int UnitVersion,
    [property: Id(3)] BudgetState UnitState,
    [property: Id(4)] BudgetProject Project,
    [property: Id(5)] ImmutableArray<ExpenditureLine> Lines);

/// <summary>New lines for a project; with <paramref name="AdjustIncome"/> income follows the change per fund source.</summary>
[GenerateSerializer, Immutable, Alias("akto.project-edit")]
public sealed record ProjectEdit(
    [property: Id(0)] ImmutableArray<ExpenditureLine> Lines,
    [property: Id(1)] ProjectPerformance? Performance,
    [property: Id(2)] bool AdjustIncome,
    [property: Id(3)] string Author,
    [property: Id(4)] string Reason,
    [property: Id(5)] string? ClientRequestId);

/// <summary>调整功能科目: move <paramref name="Amount"/> 万元 of the project between two function 项.</summary>
[GenerateSerializer, Immutable, Alias("akto.project-move")]
public sealed record ProjectMove(
    [property: Id(0)] string FromFunctionCode,
    [property: Id(1)] string ToFunctionCode,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Author,
    [property: Id(4)] string Reason,
    [property: Id(5)] string? ClientRequestId);
