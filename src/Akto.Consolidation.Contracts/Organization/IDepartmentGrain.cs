using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Units;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Organization;

/// <summary>
/// 主管部门 of one year (key "{year}/{departmentCode}", <see cref="GrainKeys.Department"/>): knows its units — those
/// whose current document names it — and their workflow states, and approves the 部门预算 once every unit is approved.
/// Units call it (join, leave, report their state); it never waits on a unit.
/// </summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>A unit's document now names this department. Refused once the department is approved.</summary>
    Task<MembershipResult> JoinAsync(DepartmentMember member);

    /// <summary>A unit moved to another department.</summary>
    Task LeaveAsync(string unitCode);

    /// <summary>A member's workflow state changed.</summary>
    Task ReportStateAsync(string unitCode, BudgetState state);

    /// <summary>
    /// Which of <paramref name="unitCodes"/> are units of this department; <paramref name="watcher"/> is told
    /// (<see cref="IBudgetUnitGrain.RefreshContributionsAsync"/>) when any of them joins or leaves.
    /// </summary>
    Task<ImmutableArray<string>> ResolveMembersAsync(string watcher, ImmutableArray<string> unitCodes);

    [ReadOnly]
    Task<DepartmentStatus> GetStatusAsync();

    /// <summary>部门预算审核通过: only when the department has units and every one of them is approved.</summary>
    Task<DepartmentApprovalResult> ApproveAsync(string approver, string? clientRequestId = null);
}

[GenerateSerializer, Immutable, Alias("akto.department-member")]
public sealed record DepartmentMember(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string UnitName,
    [property: Id(2)] BudgetState State);

[GenerateSerializer, Immutable, Alias("akto.membership-result")]
public sealed record MembershipResult([property: Id(0)] bool Accepted, [property: Id(1)] string? Error);

[GenerateSerializer, Immutable, Alias("akto.department-status")]
public sealed record DepartmentStatus(
    [property: Id(0)] int Year,
    [property: Id(1)] string DepartmentCode,
    [property: Id(2)] string Name,
    [property: Id(3)] bool Approved,
    [property: Id(4)] string? ApprovedBy,
    [property: Id(5)] DateTimeOffset? ApprovedAt,
    [property: Id(6)] ImmutableArray<DepartmentMember> Members);

[GenerateSerializer, Immutable, Alias("akto.department-approval-result")]
public sealed record DepartmentApprovalResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? Error,
    [property: Id(2)] ImmutableArray<string> UnitsNotApproved,
    [property: Id(3)] DepartmentStatus Status);
