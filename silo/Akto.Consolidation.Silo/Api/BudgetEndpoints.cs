using System.Globalization;
using System.Text.Json;
using Akto.Consolidation.Application.Budgets;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Silo.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Akto.Consolidation.Silo.Api;

/// <summary>
/// <c>/api/v1/years/{year}/units/{unitCode}</c>: a unit's budget document, its versions (修订轨迹) and its workflow
/// (草稿 → 送审 → 审核通过 / 退回).
/// </summary>
public static class BudgetEndpoints
{
    public const string ReasonHeader = "X-Change-Reason";

    public static RouteGroupBuilder MapBudgetEndpoints(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/years/{year:int}/units/{unitCode}").WithTags("Budgets");

        units.MapPut("/budget", SubmitAsync)
            .Accepts<BudgetDocument>("application/json")
            .WithName("SubmitBudget")
            .WithSummary("提交预算: a new version of the unit's budget document")
            .WithDescription($"Headers: Idempotency-Key (a retried request returns the first result), If-Match (the version you edited: 409 when it is no longer current), {ReasonHeader} (修订原因). 201 for the first version, 200 after; 400 lists every finding; bodies above {RequestLimits.MaxBodyBytes / 1024 / 1024} MiB get 413.");
        units.MapGet("/budget", GetAsync).WithName("GetBudget").WithSummary("An accepted version of the budget document (current by default, ?version=N)");
        units.MapGet("/versions", GetVersionsAsync).WithName("GetBudgetVersions").WithSummary("修订轨迹: every accepted version, oldest first");
        units.MapGet("/diff", GetDiffAsync).WithName("GetBudgetDiff").WithSummary("版本比较: the disclosure cells (万元) that differ between versions ?from=N&to=M");
        units.MapGet("", GetStatusAsync).WithName("GetUnitStatus").WithSummary("The unit's workflow state, department and history");
        units.MapPost("/workflow/{action}", ChangeStateAsync)
            .WithName("ChangeWorkflowState")
            .WithSummary("送审 submit | 审核通过 approve | 退回 return (needs reasons) | 重新编辑 reopen");

        api.MapPost("/years/{year:int}/departments/{departmentCode}/approve", ApproveDepartmentAsync)
            .RequireAuthorization(AktoPolicies.FinanceBureau)
            .WithTags("Budgets")
            .WithName("ApproveDepartment")
            .WithSummary("部门审核通过: only when every unit of the department is approved");
        return api;
    }

    private static async Task<IResult> SubmitAsync(int year, string unitCode, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        int? expected = null;
        if (context.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch && ifMatch != "*")
        {
            if (!TryParseETag(ifMatch, out var version))
            {
                return ApiProblems.BadRequest("If-Match 无效 (Invalid If-Match)", "If-Match 应为预算版本的 ETag，如 \"3\" (If-Match must be a version ETag such as \"3\")");
            }

            expected = version;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();

        var caller = ApiCaller.From(context.User)!;
        if (await DenyUnitAsync(caller, year, unitCode, mediator, PeekDepartment(body), cancellationToken) is { } denied)
        {
            return denied;
        }

        var reason = context.Request.Headers[ReasonHeader].ToString();
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        var result = await mediator.Send(
            new SubmitBudgetCommand(year, unitCode, body, caller.KeyId, reason.Length > 0 ? reason : "提交预算", idempotencyKey.Length > 0 ? idempotencyKey : null, expected),
            cancellationToken);

        switch (result.Outcome)
        {
            case SubmissionOutcome.Accepted:
                context.Response.Headers.ETag = ETag(result.Version!.Value);
                var accepted = new SubmissionView(year, unitCode, result.Version.Value, result.State, [.. result.Findings.Select(FindingView.From)]);
                return result.Version == 1
                    ? Results.Created($"/api/v1/years/{year}/units/{unitCode}/budget?version=1", accepted)
                    : Results.Ok(accepted);
            case SubmissionOutcome.Rejected:
                return ApiProblems.Rejected(result.Findings);
            case SubmissionOutcome.Conflict:
                return ApiProblems.Conflict("版本冲突 (Version conflict)", result.Error, new Dictionary<string, object?> { ["currentVersion"] = result.Version });
            default:
                return ApiProblems.Conflict("当前状态不允许修改 (Not editable now)", result.Error, new Dictionary<string, object?> { ["state"] = result.State });
        }
    }

    private static async Task<IResult> GetAsync(int year, string unitCode, int? version, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        if (await DenyUnitAsync(ApiCaller.From(context.User)!, year, unitCode, mediator, null, cancellationToken) is { } denied)
        {
            return denied;
        }

        var found = await mediator.Send(new GetBudgetQuery(year, unitCode, version), cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound(version is null ? $"单位 {unitCode} 尚无 {year} 年预算" : $"单位 {unitCode} 的 {year} 年预算没有第 {version} 版");
        }

        context.Response.Headers.ETag = ETag(found.Version);
        context.Response.Headers["X-Budget-Version"] = found.Version.ToString(CultureInfo.InvariantCulture);
        return Results.Text(JsonSerializer.Serialize(found.Document, BudgetJson.Indented), "application/json; charset=utf-8");
    }

    private static async Task<IResult> GetVersionsAsync(int year, string unitCode, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        return await DenyUnitAsync(ApiCaller.From(context.User)!, year, unitCode, mediator, null, cancellationToken) is { } denied
            ? denied
            : Results.Ok(await mediator.Send(new GetBudgetVersionsQuery(year, unitCode), cancellationToken));
    }

    private static async Task<IResult> GetDiffAsync(int year, string unitCode, int? from, int? to, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        if (from is not > 0 || to is not > 0)
        {
            return ApiProblems.BadRequest("版本无效 (Invalid versions)", "from 和 to 应为版本号 (from and to must be version numbers, e.g. ?from=1&to=2)");
        }

        if (await DenyUnitAsync(ApiCaller.From(context.User)!, year, unitCode, mediator, null, cancellationToken) is { } denied)
        {
            return denied;
        }

        var diff = await mediator.Send(new GetBudgetDiffQuery(year, unitCode, from.Value, to.Value), cancellationToken);
        return diff is null
            ? ApiProblems.NotFound($"单位 {unitCode} 的 {year} 年预算没有第 {from} 版或第 {to} 版")
            : Results.Ok(diff);
    }

    private static async Task<IResult> GetStatusAsync(int year, string unitCode, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        return await DenyUnitAsync(ApiCaller.From(context.User)!, year, unitCode, mediator, null, cancellationToken) is { } denied
            ? denied
            : Results.Ok(await mediator.Send(new GetUnitStatusQuery(year, unitCode), cancellationToken));
    }

    private static async Task<IResult> ChangeStateAsync(
        int year,
        string unitCode,
        string action,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WorkflowRequest? request,
        HttpContext context,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, unitCode) is { } invalid)
        {
            return invalid;
        }

        if (!Enum.TryParse<WorkflowActionName>(action, ignoreCase: true, out var name) || int.TryParse(action, out _))
        {
            return ApiProblems.BadRequest("操作无效 (Unknown action)", $"“{action}”不是 submit、approve、return 或 reopen (the action must be submit, approve, return or reopen)");
        }

        var caller = ApiCaller.From(context.User)!;
        if (name is WorkflowActionName.Approve or WorkflowActionName.Return && !caller.IsFinanceBureau)
        {
            return ApiProblems.Forbidden("只有财政局可以审核通过或退回预算 (only the finance bureau approves or returns budgets)");
        }

        if (await DenyUnitAsync(caller, year, unitCode, mediator, null, cancellationToken) is { } denied)
        {
            return denied;
        }

        var reasons = (request?.Reasons ?? []).Concat(request?.Reason is { } one ? [one] : []).ToList();
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        var result = await mediator.Send(new ChangeWorkflowStateCommand(year, unitCode, name, caller.KeyId, reasons, idempotencyKey.Length > 0 ? idempotencyKey : null), cancellationToken);
        return result.Succeeded
            ? Results.Ok(result)
            : ApiProblems.Conflict("不允许的状态变更 (Transition not allowed)", result.Error, new Dictionary<string, object?> { ["state"] = result.State });
    }

    private static async Task<IResult> ApproveDepartmentAsync(int year, string departmentCode, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (ApiProblems.CheckRoute(year, departmentCode) is { } invalid)
        {
            return invalid;
        }

        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        var result = await mediator.Send(
            new Application.Organization.ApproveDepartmentCommand(year, departmentCode, ApiCaller.From(context.User)!.KeyId, idempotencyKey.Length > 0 ? idempotencyKey : null),
            cancellationToken);
        return result.Succeeded
            ? Results.Ok(result.Status)
            : ApiProblems.Conflict("部门尚不能审核通过 (Department cannot be approved yet)", result.Error, new Dictionary<string, object?> { ["unitsNotApproved"] = result.UnitsNotApproved });
    }

    /// <summary>403 unless the caller may act on the unit (<see cref="CallerAccess.DenyUnitAsync"/>).</summary>
    internal static async Task<IResult?> DenyUnitAsync(ApiCaller caller, int year, string unitCode, IMediator mediator, string? claimedDepartment, CancellationToken cancellationToken) =>
        await CallerAccess.DenyUnitAsync(caller, year, unitCode, mediator, claimedDepartment, cancellationToken) is { } reason ? ApiProblems.Forbidden(reason) : null;

    /// <summary>The body's <c>departmentCode</c>, if it is readable JSON; the submission itself reports anything else.</summary>
    private static string? PeekDepartment(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("departmentCode", out var code)
                && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    internal static bool TryParseETag(string value, out int version)
    {
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}

/// <summary>Body of a workflow action: 退回 needs <c>reasons</c> (or one <c>reason</c>).</summary>
public sealed record WorkflowRequest(IReadOnlyList<string>? Reasons, string? Reason);

/// <summary>An accepted submission: the new version, the workflow state and the warnings.</summary>
public sealed record SubmissionView(int Year, string UnitCode, int Version, BudgetState State, IReadOnlyList<FindingView> Warnings);
