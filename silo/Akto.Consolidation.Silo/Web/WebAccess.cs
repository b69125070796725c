using Akto.Consolidation.Application.Budgets;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Web;

/// <summary>The API's role rules for the pages: 财政局 all; 主管部门 its department and units; 预算单位 itself.</summary>
public static class WebAccess
{
    /// <summary>Why the caller may not open a scope's figures; null when it may.</summary>
    public static string? DenyScope(ApiCaller caller, ConsolidationScope scope) =>
        scope.IsCounty
            ? caller.IsFinanceBureau ? null : "只有财政局可以查看全县汇总"
            : caller.CanAccessDepartment(scope.DepartmentCode) ? null : $"此密钥不能查看部门 {scope.DepartmentCode}";

    /// <summary>
    /// Why the caller may not open a unit; null when it may. A department key opens a unit whose current document names
    /// its department (as the API: a unit without a budget yet is refused to department keys).
    /// </summary>
    public static async Task<string?> DenyUnitAsync(ApiCaller caller, int year, string unitCode, IMediator mediator, CancellationToken cancellationToken)
    {
        if (caller.IsFinanceBureau)
        {
            return null;
        }

        if (caller.Role == AktoRoles.Unit)
        {
            return caller.CanAccessUnit(unitCode, null) ? null : $"此密钥只能访问单位 {caller.Scope}";
        }

        var status = await mediator.Send(new GetUnitStatusQuery(year, unitCode), cancellationToken);
        return status.DepartmentCode is { } department && caller.CanAccessUnit(unitCode, department)
            ? null
            : $"此密钥只能访问部门 {caller.Scope} 的单位";
    }

    /// <summary>The scope a caller's pages open on: the county for the bureau, its department for a department key.</summary>
    public static ConsolidationScope? HomeScope(ApiCaller caller) => caller.Role switch
    {
        AktoRoles.FinanceBureau => ConsolidationScope.County,
        AktoRoles.Department when caller.Scope is { } department => ConsolidationScope.Department(department),
        _ => null,
    };
}
