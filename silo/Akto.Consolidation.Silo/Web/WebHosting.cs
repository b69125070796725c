using Akto.Consolidation.Silo.Security;
using Akto.Consolidation.Silo.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;

namespace Akto.Consolidation.Silo.Web;

/// <summary>
/// The finance bureau's pages (Blazor, interactive server, MudBlazor) in the silo host. Browsers sign in with an API key
/// once and carry an HTTP-only, SameSite=Strict cookie; the API keeps its Bearer key: a request to <c>/api</c> or with
/// an <c>Authorization</c> header is only ever authenticated by the key, so a cookie never opens the API.
/// </summary>
public static class WebHosting
{
    /// <summary>页面登录: the cookie scheme of the pages.</summary>
    public const string CookieScheme = "AktoWeb";

    /// <summary>Picks the API key or the page cookie per request.</summary>
    public const string SelectorScheme = "AktoSelector";

    public static IServiceCollection AddAktoWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = WebSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<UnitRoster>();
        services.AddSingleton(TimeProvider.System);

        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = SelectorScheme);
        services.AddAuthentication()
            .AddPolicyScheme(SelectorScheme, "API 密钥或页面登录", options => options.ForwardDefaultSelector = context =>
                IsApiRequest(context) ? ApiKeyAuthenticationHandler.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "akto.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/forbidden";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectRevokedKeyAsync;
            });

        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>Antiforgery after authentication and authorization, as the form endpoints and Blazor require.</summary>
    public static WebApplication UseAktoWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAktoWeb(this WebApplication app)
    {
        // MudBlazor's CSS and JS and blazor.web.js are static web assets of the packages (no CDN): anonymous, so the
        // sign-in page is styled.
        app.MapStaticAssets().AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The API and any request that names a key go to the key scheme; pages, their assets and the circuit to the cookie.</summary>
    internal static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Headers.ContainsKey("Authorization");

    private static async Task RejectRevokedKeyAsync(CookieValidatePrincipalContext context)
    {
        var caller = context.Principal is { } principal ? ApiCaller.From(principal) : null;
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        if (caller is null || !await keys.IsActiveAsync(caller.KeyId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
