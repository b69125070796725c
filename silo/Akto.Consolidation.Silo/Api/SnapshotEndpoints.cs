using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Silo.Security;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>The body of <c>POST /api/v1/reports/snapshots</c>.</summary>
public sealed record SnapshotRequestBody(int? Year, string? Scope, string? Versions);

/// <summary>
/// 快照公开报表: request, list, read and compare immutable snapshots of the disclosure tables. The finance bureau sees
/// everything; a department key sees its department's and its units' files; a unit key its own unit's files.
/// </summary>
public static class SnapshotEndpoints
{
    public static RouteGroupBuilder MapSnapshotEndpoints(this RouteGroupBuilder api)
    {
        var snapshots = api.MapGroup("/reports/snapshots").WithTags("Snapshots");
        snapshots.MapPost("", RequestAsync)
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("RequestSnapshot")
            .WithSummary("Take a snapshot: {year, scope: county|department:{code}, versions: approved|latest} → 202 {id} (the last snapshot's id when the cut is unchanged)");
        snapshots.MapGet("", ListAsync)
            .WithName("ListSnapshots")
            .WithSummary("Snapshots, newest first (?year=)");
        snapshots.MapGet("/{id}", GetAsync)
            .WithName("GetSnapshot")
            .WithSummary("A snapshot's manifest: status, asOf, progress, units and versions, files with SHA-256 and size, reconciliation");
        snapshots.MapGet("/{id}/files/{**path}", GetFileAsync)
            .WithName("GetSnapshotFile")
            .WithSummary("A stored file of a completed snapshot (ETag: its SHA-256)");
        snapshots.MapGet("/{from}/diff/{to}", DiffAsync)
            .WithName("DiffSnapshots")
            .WithSummary("Units whose version changed and table cells that changed (old → new) between two completed snapshots");
        snapshots.MapPost("/{id}/publish", PublishAsync)
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithName("PublishSnapshot")
            .WithSummary("Mark a completed snapshot published: retention never deletes it");
        return api;
    }

    private static async Task<IResult> RequestAsync(SnapshotRequestBody? body, HttpContext context, IMediator mediator, ClusterCatalogs catalogs, CancellationToken cancellationToken)
    {
        var command = new RequestSnapshotCommand(body?.Year ?? 0, body?.Scope, body?.Versions ?? "approved", "api", ApiCaller.From(context.User)!.KeyId);
        if (command.Validate() is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors);
        }

        if (await ApiProblems.CheckYearHasCatalogAsync(command.Year, catalogs) is { } noYear)
        {
            return noYear;
        }

        var requested = await mediator.Send(command, cancellationToken);
        return requested is null
            ? ApiProblems.NotFound($"{command.Scope} 在 {command.Year} 年没有单位 (no units in scope)")
            : Results.Accepted($"/api/v1/reports/snapshots/{requested.Id}", new { requested.Id, requested.Unchanged, requested.Status });
    }

    private static async Task<IResult> ListAsync(int? year, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (year is not null && ApiProblems.CheckRoute(year.Value) is { } invalid)
        {
            return invalid;
        }

        var caller = ApiCaller.From(context.User)!;
        var list = await mediator.Send(new ListSnapshotsQuery(year), cancellationToken);
        return Results.Ok(list.Where(s => caller.Role != AktoRoles.Department || s.Scope == "county" || s.Scope == $"department:{caller.Scope}"));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!SnapshotIds.IsValid(id) || await mediator.Send(new GetSnapshotQuery(id), cancellationToken) is not { } manifest)
        {
            return UnknownSnapshot(id);
        }

        var snapshot = manifest.Snapshot;
        var visible = Visibility(ApiCaller.From(context.User)!, snapshot);
        var summary = snapshot.Summary;
        return Results.Ok(new
        {
            summary.Id,
            summary.Year,
            summary.Scope,
            summary.Versions,
            summary.Trigger,
            summary.RequestedBy,
            summary.Status,
            summary.AsOf,
            summary.CompletedAt,
            summary.Progress,
            summary.CutDigest,
            summary.Published,
            summary.Error,
            snapshot.Attempts,
            Units = snapshot.Units.Where(u => visible($"units/{u.UnitCode}/")).Select(u => new { u.UnitCode, u.DepartmentCode, u.Version }),
            Omitted = snapshot.Omitted.Where(u => visible($"units/{u.UnitCode}/")),
            Files = manifest.Files.Where(f => visible(f.Path)),
            Reconciliation = snapshot.Reconciliation is { } r ? new { r.ScopesChecked, r.NodesChecked, r.DifferencesFound, r.Repaired, r.Remaining, r.Notes, r.Summary } : null,
        });
    }

    private static async Task<IResult> GetFileAsync(string id, string path, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var (file, problem) = await ReadFileAsync(ApiCaller.From(context.User)!, id, path, mediator, cancellationToken);
        if (file is null)
        {
            return problem!;
        }

        var etag = $"\"{file.Sha256}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(file.Content, file.ContentType);
    }

    /// <summary>
    /// A stored file of a completed snapshot that the caller may read (the API's and the pages' downloads), or the problem
    /// that says why not: 404 unknown snapshot or file, 403 not visible to the key, 409 not completed.
    /// </summary>
    internal static async Task<(StoredFile? File, IResult? Problem)> ReadFileAsync(ApiCaller caller, string id, string path, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!SnapshotIds.IsValid(id) || await mediator.Send(new GetSnapshotQuery(id), cancellationToken) is not { } manifest)
        {
            return (null, UnknownSnapshot(id));
        }

        if (!Visibility(caller, manifest.Snapshot)(path))
        {
            return (null, ApiProblems.Forbidden($"此密钥不能读取 {path} (this key cannot read this file)"));
        }

        if (manifest.Snapshot.Summary.Status != SnapshotStatus.Completed)
        {
            return (null, ApiProblems.Conflict("快照尚未完成 (Snapshot not completed)", $"快照 {id} 的状态是 {manifest.Snapshot.Summary.Status}"));
        }

        return await mediator.Send(new GetSnapshotFileQuery(id, path), cancellationToken) is { } file
            ? (file, null)
            : (null, ApiProblems.NotFound($"快照 {id} 没有文件 {path} (no such file)"));
    }

    private static async Task<IResult> DiffAsync(string from, string to, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(context.User)!;
        var manifests = new List<SnapshotManifest>();
        foreach (var id in new[] { from, to })
        {
            if (!SnapshotIds.IsValid(id) || await mediator.Send(new GetSnapshotQuery(id), cancellationToken) is not { } manifest)
            {
                return UnknownSnapshot(id);
            }

            if (manifest.Snapshot.Summary.Status != SnapshotStatus.Completed)
            {
                return ApiProblems.Conflict("快照尚未完成 (Snapshot not completed)", $"快照 {id} 的状态是 {manifest.Snapshot.Summary.Status}");
            }

            manifests.Add(manifest);
        }

        var visibleFrom = Visibility(caller, manifests[0].Snapshot);
        var visibleTo = Visibility(caller, manifests[1].Snapshot);
        var diff = await mediator.Send(new DiffSnapshotsQuery(from, to, path => visibleFrom(path) || visibleTo(path)), cancellationToken);
        return diff is null ? UnknownSnapshot(from) : Results.Ok(diff);
    }

    private static async Task<IResult> PublishAsync(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!SnapshotIds.IsValid(id))
        {
            return UnknownSnapshot(id);
        }

        return await mediator.Send(new PublishSnapshotCommand(id), cancellationToken) switch
        {
            null => UnknownSnapshot(id),
            false => ApiProblems.Conflict("快照尚未完成 (Snapshot not completed)", "只有已完成的快照可以公开 (only a completed snapshot can be published)"),
            true => Results.Ok(new { id, published = true }),
        };
    }

    private static IResult UnknownSnapshot(string id) => ApiProblems.NotFound($"没有快照 {id} (no such snapshot)");

    /// <summary>Which paths of a snapshot a key may read: the bureau all; a department its own and its units'; a unit its own.</summary>
    internal static Func<string, bool> Visibility(ApiCaller caller, SnapshotRecord snapshot)
    {
        if (caller.IsFinanceBureau)
        {
            return _ => true;
        }

        if (caller.Role == AktoRoles.Department && caller.Scope is { } department)
        {
            var units = snapshot.Units.Select(u => (u.UnitCode, u.DepartmentCode)).Concat(snapshot.Omitted.Select(o => (o.UnitCode, o.DepartmentCode)))
                .Where(u => u.DepartmentCode == department)
                .Select(u => $"units/{u.UnitCode}/")
                .ToHashSet(StringComparer.Ordinal);
            return path => path.StartsWith($"departments/{department}/", StringComparison.Ordinal)
                || (path.StartsWith("units/", StringComparison.Ordinal) && path.IndexOf('/', 6) is > 6 and var slash && units.Contains(path[..(slash + 1)]));
        }

        if (caller.Role == AktoRoles.Unit && caller.Scope is { } unit)
        {
            return path => path.StartsWith($"units/{unit}/", StringComparison.Ordinal);
        }

        return _ => false;
    }
}
