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
        var (file, problem) = await SnapshotEndpoints.ReadFileAsync(ApiCaller.From(context.User)!, id, path, mediator, cancellationToken);
        return file is null ? problem! : Results.File(file.Content, file.ContentType, Path.GetFileName(path));
    }

    /// <summary>Only a path of this site: an absolute or protocol-relative URL would make the form an open redirect.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
