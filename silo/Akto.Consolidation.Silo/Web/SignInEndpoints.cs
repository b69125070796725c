using Akto.Consolidation.Application.Snapshots;
using Akto.Consolidation.Silo.Api;
using Akto.Consolidation.Silo.Security;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Akto.Consolidation.Silo.Web;

/// <summary>
/// 登录 / 退出 of the pages: the sign-in form posts the API key here (antiforgery-checked); a valid key becomes the page
/// cookie, whose claims are the key's role and scope. Also the pages' download of snapshot files, with the API's rules.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", (Delegate)SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet("/web/snapshots/{id}/files/{**path}", DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm(Name = "apiKey")] string? apiKey, [FromForm(Name = "returnUrl")] string? returnUrl, HttpContext context, ApiKeyStore keys)
    {
        var caller = string.IsNullOrWhiteSpace(apiKey) ? null : await keys.VerifyAsync(apiKey.Trim(), context.RequestAborted);
        var back = LocalOrHome(returnUrl);
        if (caller is null)
        {
            return Results.Redirect($"/signin?error=1&returnUrl={Uri.EscapeDataString(back)}");
        }

        await context.SignInAsync(WebHosting.CookieScheme, caller.ToPrincipal(WebHosting.CookieScheme));
        return Results.Redirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(WebHosting.CookieScheme);
        return Results.Redirect("/signin");
    }

    private static async Task<IResult> DownloadAsync(string id, string path, HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        if (!SnapshotIds.IsValid(id))
        {
            return ApiProblems.NotFound($"没有快照 {id}");
        }

        var caller = ApiCaller.From(context.User)!;
        var manifest = await mediator.Send(new GetSnapshotQuery(id), cancellationToken);
        if (manifest is null)
        {
            return ApiProblems.NotFound($"没有快照 {id}");
        }

        if (!SnapshotEndpoints.Visibility(caller, manifest.Snapshot)(path))
        {
            return ApiProblems.Forbidden("此密钥不能下载该文件 (this key cannot read this file)");
        }

        var file = await mediator.Send(new GetSnapshotFileQuery(id, path), cancellationToken);
        return file is null
            ? ApiProblems.NotFound($"快照 {id} 没有文件 {path}")
            : Results.File(file.Content, file.ContentType, Path.GetFileName(path));
    }

    /// <summary>Only a path of this site: an absolute or protocol-relative URL would make the form an open redirect.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
