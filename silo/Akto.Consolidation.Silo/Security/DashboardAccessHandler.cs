using System.Net;
using Akto.Consolidation.Silo.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Akto.Consolidation.Silo.Security;

/// <summary>The dashboards are for operators: a request from this machine, a finance-bureau key, or anyone when configured.</summary>
public sealed class DashboardAccessRequirement : IAuthorizationRequirement;

public sealed class DashboardAccessHandler(AktoSettings settings, IHttpContextAccessor accessor) : AuthorizationHandler<DashboardAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardAccessRequirement requirement)
    {
        var remote = accessor.HttpContext?.Connection.RemoteIpAddress;
        if (settings.DashboardsAllowAnonymous
            || (remote is not null && IPAddress.IsLoopback(remote))
            || context.User.IsInRole(AktoRoles.FinanceBureau))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
