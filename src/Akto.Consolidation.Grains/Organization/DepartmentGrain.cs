using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Grains.Storage;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Organization;

/// <summary>
/// 主管部门: the units whose current document names it, with the workflow state each reported. Approval (部门预算审核通过)
/// needs every unit approved; once approved no unit can join (an approved unit cannot change, so none can leave).
/// Reentrant with group commit (<see cref="CoalescedWriter{TState}"/>): a department of hundreds of schools takes their
/// submissions together. Every check and the change it allows happen in one turn, before any await, so interleaving
/// cannot break the rules above.
/// </summary>
[Reentrant]
public sealed class DepartmentGrain(
    [PersistentState(GrainStorage.DepartmentState, GrainStorage.ProviderName)] IPersistentState<DepartmentState> state,
    TimeProvider? timeProvider = null) : Grain, IDepartmentGrain
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private int _year;
    private string _code = "";
    private CoalescedWriter<DepartmentState> _writer = null!;

    /// <summary>The working state: changed by calls, copied by each write.</summary>
    private DepartmentState State { get; set; } = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (year, parts) = GrainKeys.Split(this.GetPrimaryKeyString(), 2);
        _year = year;
        _code = parts[0];
        State = Copy(state.State);
        _writer = new CoalescedWriter<DepartmentState>(state, () => Copy(State));
        return Task.CompletedTask;
    }

    public async Task<MembershipResult> JoinAsync(DepartmentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (State.Members.TryGetValue(member.UnitCode, out var existing))
        {
            if (existing != member)
            {
                State.Members[member.UnitCode] = member;
                await _writer.WriteAsync();
            }

            return new MembershipResult(true, null);
        }

        if (State.Approved)
        {
            return new MembershipResult(false, $"部门 {_code} 的预算已审核通过，单位 {member.UnitCode} 不能再加入 (the department is approved)");
        }

        State.Members[member.UnitCode] = member;
        await _writer.WriteAsync();
        Watchers.Notify(GrainFactory, _year, State.Watchers, member.UnitCode);
        return new MembershipResult(true, null);
    }

    public async Task LeaveAsync(string unitCode)
    {
        if (State.Members.Remove(unitCode))
        {
            await _writer.WriteAsync();
            Watchers.Notify(GrainFactory, _year, State.Watchers, unitCode);
        }
    }

    public async Task ReportStateAsync(string unitCode, BudgetState unitState)
    {
        if (State.Members.TryGetValue(unitCode, out var member) && member.State != unitState)
        {
            State.Members[unitCode] = member with { State = unitState };
            await _writer.WriteAsync();
        }
    }

    public async Task<ImmutableArray<string>> ResolveMembersAsync(string watcher, ImmutableArray<string> unitCodes)
    {
        if (Watchers.Watch(State.Watchers, watcher, unitCodes))
        {
            await _writer.WriteAsync();
        }

        return [.. unitCodes.Where(State.Members.ContainsKey)];
    }

    public Task<DepartmentStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task<DepartmentApprovalResult> ApproveAsync(string approver, string? clientRequestId = null)
    {
        if (clientRequestId is not null && State.Requests.TryGetValue(clientRequestId, out var first))
        {
            return first;
        }

        var notApproved = State.Members.Values.Where(m => m.State != BudgetState.Approved).Select(m => m.UnitCode).Order(StringComparer.Ordinal).ToImmutableArray();
        string? error = State.Approved ? $"部门 {_code} 的预算已审核通过 (already approved)"
            : State.Members.Count == 0 ? $"部门 {_code} 没有预算单位，不能审核 (the department has no units)"
            : notApproved.Length > 0 ? $"部门 {_code} 尚有 {notApproved.Length} 个单位的预算未审核通过：{string.Join("、", notApproved)} (every unit must be approved first)"
            : null;
        if (error is null)
        {
            State.Approved = true;
            State.ApprovedBy = approver;
            State.ApprovedAt = _time.GetUtcNow();
        }

        var result = new DepartmentApprovalResult(error is null, error, notApproved, Status());
        if (clientRequestId is not null)
        {
            State.Requests[clientRequestId] = result;
        }

        if (error is null || clientRequestId is not null)
        {
            await _writer.WriteAsync();
        }

        return result;
    }

    private static DepartmentState Copy(DepartmentState source) => new()
    {
        Members = new Dictionary<string, DepartmentMember>(source.Members, StringComparer.Ordinal),
        Approved = source.Approved,
        ApprovedBy = source.ApprovedBy,
        ApprovedAt = source.ApprovedAt,
        Watchers = Watchers.Copy(source.Watchers),
        Requests = new Dictionary<string, DepartmentApprovalResult>(source.Requests, StringComparer.Ordinal),
    };

    private DepartmentStatus Status() =>
        new(
            _year,
            _code,
            State.Members.GetValueOrDefault(_code)?.UnitName ?? $"部门 {_code}",
            State.Approved,
            State.ApprovedBy,
            State.ApprovedAt,
            [.. State.Members.Values.OrderBy(m => m.UnitCode, StringComparer.Ordinal)]);
}
