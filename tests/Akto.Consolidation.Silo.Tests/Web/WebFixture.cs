using Akto.Consolidation.Silo.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Akto.Consolidation.Silo.Tests.Web;

/// <summary>
/// The real silo (embedded SQLite, the seed unit loaded) and Debian's chromium driven by Playwright: headless,
/// <c>--no-sandbox</c>, through <c>ExecutablePath</c> (no Playwright browser download).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-web-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public RunningSilo Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => Silo.Http.BaseAddress!.ToString().TrimEnd('/');

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        Silo = await RunningSilo.StartAsync(SiloOptions.Embedded(_root) with
        {
            Extra = new() { ["Akto:Web:DisclosureDeadline"] = "2024-03-31", ["Akto:Web:RefreshInterval"] = "00:00:01" },
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("AKTO_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
            Headless = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Silo.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A fresh browser context (its own cookies) signed in with <paramref name="apiKey"/> through the sign-in form.</summary>
    public async Task<IPage> SignInAsync(string apiKey, string returnUrl = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("API 密钥").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>
    /// Clicks until <paramref name="appears"/> is visible: the server-rendered page is on screen before its circuit
    /// connects, and a click before that does nothing. Waits on the page's state, never a fixed time.
    /// </summary>
    public static async Task ClickUntilVisibleAsync(ILocator button, ILocator appears)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await button.ClickAsync();
            try
            {
                await appears.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
