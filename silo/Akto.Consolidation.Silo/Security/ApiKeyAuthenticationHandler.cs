using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Akto.Consolidation.Silo.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="ApiKeyStore"/>. Challenges and refusals are
/// RFC 7807 problem details (401 with <c>WWW-Authenticate: Bearer</c>, 403).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureItem = "akto:auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Authorization 头须为 \"Bearer <API 密钥>\" (expected a Bearer API key)");
        }

        var caller = await keys.VerifyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return caller is null
            ? Fail("API 密钥无效或已吊销 (invalid or revoked API key)")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[FailureItem] as string
            ?? "请在 Authorization 头中提供 API 密钥 (send \"Authorization: Bearer <API key>\")";
        await WriteAsync(StatusCodes.Status401Unauthorized, "未认证 (Unauthorized)", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(StatusCodes.Status403Forbidden, "无权访问 (Forbidden)", "此 API 密钥的角色或范围不允许该操作 (the key's role or scope does not allow this)");
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }))
        {
            await Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}
