using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Web;

/// <summary>The finance bureau's pages in a real browser against the real silo.</summary>
public sealed class WebPagesTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private string AdminKey => fixture.Silo.Options.AdminKey;

    [Fact]
    public async Task Signed_in_bureau_drills_208_to_20807_to_2080705_and_reads_the_seed_figures()
    {
        var page = await fixture.SignInAsync(AdminKey, "/summary?scope=department:139001");
        var row = (string code) => page.GetByTestId($"row-{code}");

        await Assertions.Expect(row("208").Locator("td[data-col=total]")).ToHaveTextAsync("7,258.32");
        await WebFixture.ClickUntilVisibleAsync(page.GetByTestId("toggle-208"), row("20807"));
        await Assertions.Expect(row("20807").Locator("td[data-col=total]")).ToHaveTextAsync("6,055.22");
        await WebFixture.ClickUntilVisibleAsync(page.GetByTestId("toggle-20807"), row("2080705"));
        await Assertions.Expect(row("2080705").Locator("td[data-col=total]")).ToHaveTextAsync("3,585.73");
        await Assertions.Expect(row("2080705").Locator("td[data-col=project]")).ToHaveTextAsync("3,585.73");

        await page.GetByTestId("select-2080705").ClickAsync();
        var contributors = page.GetByTestId("contributors");
        await Assertions.Expect(contributors).ToContainTextAsync("2080705");
        await Assertions.Expect(contributors.GetByTestId("contributor-139001")).ToContainTextAsync("3,585.73");
        await WebFixture.ScreenshotAsync(page, "summary-drill-2080705");

        // The page cookie opens the pages only: the API still wants its key.
        var api = await page.Context.APIRequest.GetAsync("/api/v1/me");
        Assert.Equal(401, api.Status);
    }

    [Fact]
    public async Task A_budget_submitted_through_the_api_changes_the_county_figure_on_the_open_page_without_a_reload()
    {
        var page = await fixture.SignInAsync(AdminKey, "/summary");
        var rootTotal = page.GetByTestId("row-root").Locator("td[data-col=total]");
        await Assertions.Expect(rootTotal).Not.ToBeEmptyAsync();
        var before = await rootTotal.InnerTextAsync();
        await WebFixture.ClickUntilVisibleAsync(page.GetByTestId("toggle-208"), page.GetByTestId("row-20807"));
        await page.EvaluateAsync("() => window.__aktoNoReload = 'same page'");

        var exactBefore = await CountyTotalAsync();
        Assert.Equal(before, Printed(exactBefore));

        // The seed again as a unit of another department: the county's total doubles.
        using var put = await PutAsync(fixture.Silo.Admin, "WEB1", SeedAs("WEB1", "WEBD"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var expected = Printed(2 * exactBefore);

        await Assertions.Expect(rootTotal).ToHaveTextAsync(expected, new() { Timeout = 30_000 });
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.__aktoNoReload"));
        await Assertions.Expect(page.GetByTestId("row-20807")).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(page, "summary-county-live");
    }

    [Fact]
    public async Task A_unit_key_cannot_open_another_units_page()
    {
        var key = await CreateKeyAsync("unit", "WEB9");
        var page = await fixture.SignInAsync(key, "/units/WEB9");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "单位 WEB9" })).ToBeVisibleAsync();

        var response = await page.GotoAsync("/units/139001");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToContainTextAsync("403");
        await Assertions.Expect(page.GetByTestId("table-1")).ToHaveCountAsync(0);
        Assert.DoesNotContain("人力资源和社会保障局", await page.ContentAsync(), StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "unit-forbidden");

        var summary = await page.GotoAsync("/summary?scope=county");
        Assert.Equal(403, summary!.Status);
        await Assertions.Expect(page.GetByTestId("tree")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Every_page_renders_for_the_bureau_and_signing_out_ends_the_session()
    {
        var anonymous = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var signIn = await anonymous.NewPageAsync();
        await signIn.GotoAsync("/summary");
        await Assertions.Expect(signIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Assertions.Expect(signIn.GetByRole(AriaRole.Heading, new() { Name = "阿克陶县预算汇总 · 登录" })).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(signIn, "signin");

        var page = await fixture.SignInAsync(AdminKey);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "总览 · 2024 年" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("states")).ToContainTextAsync("139001");
        await Assertions.Expect(page.GetByTestId("deadline")).ToContainTextAsync("2024-03-31");
        await WebFixture.ScreenshotAsync(page, "overview");

        await page.GotoAsync("/summary?tree=economic");
        await Assertions.Expect(page.GetByTestId("row-301")).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(page, "summary-economic");

        await page.GotoAsync("/units");
        await Assertions.Expect(page.GetByTestId("units")).ToContainTextAsync("139001");
        await WebFixture.ScreenshotAsync(page, "units");

        await page.GotoAsync("/units/139001");
        await Assertions.Expect(page.GetByTestId("table-1")).ToContainTextAsync("7,258.32");
        await Assertions.Expect(page.GetByTestId("workflow")).ToContainTextAsync("送审");
        await WebFixture.ScreenshotAsync(page, "unit-139001");

        await page.GotoAsync("/reports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "报告（快照）" })).ToBeVisibleAsync();
        await WebFixture.ClickUntilVisibleAsync(page.GetByTestId("snapshot-latest"), page.GetByTestId("snapshot-message"));
        await Assertions.Expect(page.GetByTestId("snapshots")).ToContainTextAsync("county");
        await WebFixture.ScreenshotAsync(page, "reports");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.GotoAsync("/summary");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_sign_in_post_without_its_antiforgery_token_is_400()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("API 密钥").FillAsync("not-a-key-at-all-0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();

        using var forged = await fixture.Silo.Http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = AdminKey }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie"));
    }

    private async Task<string> CreateKeyAsync(string role, string scope)
    {
        using var response = await fixture.Silo.Admin.PostAsJsonAsync("/api/v1/keys", new { role, scope, description = "web test" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString()!;
    }

    private async Task<decimal> CountyTotalAsync() =>
        (await fixture.Silo.Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/consolidation/function?scope=county&depth=0", Ct)).GetProperty("total").GetDecimal();

    private static string Printed(decimal amount) =>
        decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
}
