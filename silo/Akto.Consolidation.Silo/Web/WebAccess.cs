using Akto.Consolidation.Contracts;
using Akto.Consolidation.Silo.Security;

namespace Akto.Consolidation.Silo.Web;

/// <summary>Where a caller's pages open; who may read what is the API's rule (<see cref="CallerAccess"/>).</summary>
public static class WebAccess
{
    /// <summary>The scope a caller's pages open on: the county for the bureau, its department for a department key.</summary>
    public static ConsolidationScope? HomeScope(ApiCaller caller) => caller.Role switch
    {
        AktoRoles.FinanceBureau => ConsolidationScope.County,
        AktoRoles.Department when caller.Scope is { } department => ConsolidationScope.Department(department),
        _ => null,
    };
}
