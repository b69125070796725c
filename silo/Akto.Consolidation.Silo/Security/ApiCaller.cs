using System.Security.Claims;

namespace Akto.Consolidation.Silo.Security;

/// <summary>The authenticated caller of the API, as its key describes it.</summary>
public sealed record ApiCaller(string KeyId, string Role, string? Scope)
{
    public const string KeyIdClaim = "akto:key";
    public const string ScopeClaim = "akto:scope";

    public bool IsFinanceBureau => Role == AktoRoles.FinanceBureau;

    /// <summary>May read or write a unit's budget. <paramref name="departmentCode"/> is the unit's 主管部门.</summary>
    public bool CanAccessUnit(string unitCode, string? departmentCode) => Role switch
    {
        AktoRoles.FinanceBureau => true,
        AktoRoles.Department => departmentCode is not null && string.Equals(departmentCode, Scope, StringComparison.Ordinal),
        AktoRoles.Unit => string.Equals(unitCode, Scope, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>May read a department's consolidation.</summary>
    public bool CanAccessDepartment(string departmentCode) => Role switch
    {
        AktoRoles.FinanceBureau => true,
        AktoRoles.Department => string.Equals(departmentCode, Scope, StringComparison.Ordinal),
        _ => false,
    };

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, KeyId),
            new(KeyIdClaim, KeyId),
            new(ClaimTypes.Role, Role),
        };
        if (Scope is not null)
        {
            claims.Add(new Claim(ScopeClaim, Scope));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.NameIdentifier, ClaimTypes.Role));
    }

    public static ApiCaller? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var keyId = user.FindFirstValue(KeyIdClaim);
        var role = user.FindFirstValue(ClaimTypes.Role);
        return keyId is null || role is null ? null : new ApiCaller(keyId, role, user.FindFirstValue(ScopeClaim));
    }
}
