using Akto.Consolidation.Application.Organization;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary><c>GET /api/v1/years/{year}/units[?department=CODE]</c>: 单位总览, the units by department with their states.</summary>
public static class UnitsOverviewEndpoints
{
    public static RouteGroupBuilder MapUnitsOverviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/years/{year:int}/units", GetOverviewAsync)
            .WithTags("Budgets")
            .WithName("GetUnitsOverview")
            .WithSummary("单位总览: departments with their units, workflow states, current versions and warning counts")
            .WithDescription("The finance bureau sees every department (or one, ?department=CODE); a department key its own department (the default for it); a unit key is refused.")
            .Produces<UnitsOverview>();
        return api;
    }

    private static async Task<IResult> GetOverviewAsync(int year, string? department, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var requested = string.IsNullOrEmpty(department) ? null : department;
        if ((requested is null ? ApiProblems.CheckRoute(year) : ApiProblems.CheckRoute(year, requested)) is { } invalid)
        {
            return invalid;
        }

        var caller = ApiCaller.From(context.User)!;
        if (caller.Role == AktoRoles.Unit)
        {
            return ApiProblems.Forbidden("单位密钥不能查看单位总览 (a unit key cannot read the units overview)");
        }

        if (!caller.IsFinanceBureau)
        {
            requested ??= caller.Scope;
            if (requested is null || !caller.CanAccessDepartment(requested))
            {
                return ApiProblems.Forbidden($"此密钥只能查看部门 {caller.Scope} (this key is limited to department {caller.Scope})");
            }
        }

        return Results.Ok(await mediator.Send(new GetUnitsOverviewQuery(year, requested), cancellationToken));
    }
}
