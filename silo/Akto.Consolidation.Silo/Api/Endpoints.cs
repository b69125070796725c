using Akto.Consolidation.Silo.Jobs;
using Akto.Consolidation.Silo.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Akto.Consolidation.Silo.Api;

/// <summary>The HTTP API, version 1. Endpoints map HTTP to a mediator message and back; nothing else.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapAktoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapBudgetEndpoints();
        api.MapUnitsOverviewEndpoints();
        api.MapConsolidationEndpoints();
        api.MapContributorsEndpoints();
        api.MapCatalogEndpoints();
        api.MapSnapshotEndpoints();

        api.MapGet("/me", (HttpContext context) =>
            ApiCaller.From(context.User) is { } caller
                ? Results.Ok(new { caller.KeyId, caller.Role, caller.Scope })
                : Results.Unauthorized())
            .WithName("WhoAmI")
            .WithSummary("The role and scope of the calling API key");

        api.MapPost("/keys", async Task<Created<CreatedApiKey>> (CreateApiKeyRequest request, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(request.Role, request.Scope, request.Description), cancellationToken);
                return TypedResults.Created($"/api/v1/keys/{created.KeyId}", created);
            })
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key (finance bureau only); the key is shown once");

        api.MapGet("/jobs/runs", async Task<Ok<IReadOnlyList<JobRun>>> (string? jobId, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListJobRunsQuery(jobId, limit ?? 50), cancellationToken)))
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("ListJobRuns")
            .WithSummary("Recorded runs of the scheduled jobs, newest first");

        api.MapPost("/jobs/{jobId}/trigger", async Task<Results<Accepted, NotFound>> (string jobId, IMediator mediator, CancellationToken cancellationToken) =>
                await mediator.Send(new TriggerJobCommand(jobId), cancellationToken)
                    ? TypedResults.Accepted($"/api/v1/jobs/runs?jobId={Uri.EscapeDataString(jobId)}")
                    : TypedResults.NotFound())
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("TriggerJob")
            .WithSummary("Run a scheduled job now");

        return app;
    }
}
