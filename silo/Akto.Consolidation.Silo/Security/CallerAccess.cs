using Akto.Consolidation.Application.Budgets;
using Akto.Consolidation.Contracts;
using Mediator;

namespace Akto.Consolidation.Silo.Security;

/// <summary>
/// Who may read what, for the API and the pages alike: 财政局 everything; 主管部门 its department and its units; 预算单位
/// itself. Each rule answers why the caller is refused, or null when it may go on.
/// </summary>
public static class CallerAccess
{
    /// <summary>Why the caller may not read a scope's figures (the county: the bureau only); null when it may.</summary>
    public static string? DenyScope(ApiCaller caller, ConsolidationScope scope) =>
        scope.IsCounty
            ? caller.IsFinanceBureau ? null : "只有财政局可以查看全县汇总 (only the finance bureau reads the county)"
            : caller.CanAccessDepartment(scope.DepartmentCode) ? null : $"此密钥不能查看部门 {scope.DepartmentCode} (this key cannot read department {scope.DepartmentCode})";

    /// <summary>
    /// Why the caller may not act on a unit; null when it may: its own key, the finance bureau's, or the key of the
    /// department its current document names — or, before it has one, the department the submitted body claims
    /// (<paramref name="claimedDepartment"/>; a department key is refused a unit with neither).
    /// </summary>
    public static async Task<string?> DenyUnitAsync(ApiCaller caller, int year, string unitCode, IMediator mediator, string? claimedDepartment, CancellationToken cancellationToken)
    {
        if (caller.IsFinanceBureau)
        {
            return null;
        }

        if (caller.Role == AktoRoles.Unit)
        {
            return caller.CanAccessUnit(unitCode, null) ? null : $"此密钥只能访问单位 {caller.Scope} (this key is limited to unit {caller.Scope})";
        }

        var status = await mediator.Send(new GetUnitStatusQuery(year, unitCode), cancellationToken);
        var current = status.DepartmentCode;
        var allowed = (current is null || caller.CanAccessUnit(unitCode, current)) && (claimedDepartment is null || caller.CanAccessUnit(unitCode, claimedDepartment)) && (current ?? claimedDepartment) is not null;
        return allowed ? null : $"此密钥只能访问部门 {caller.Scope} 的单位 (this key is limited to the units of department {caller.Scope})";
    }
}
