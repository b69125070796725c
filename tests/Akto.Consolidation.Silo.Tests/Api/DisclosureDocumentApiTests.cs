using System.Net;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary><c>GET /disclosure?format=html|xlsx|pdf&amp;unit=…</c> on the real silo host: the whole document as a named file.</summary>
public sealed class DisclosureDocumentApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Silo.Admin;

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("pdf", "application/pdf")]
    public async Task Each_document_format_is_a_file_with_its_content_type_and_name(string format, string contentType)
    {
        using var response = await Admin.GetAsync($"/api/v1/years/2024/disclosure?scope=unit:139001&format={format}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"2024-unit-139001-disclosure.{format}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var magic = System.Text.Encoding.ASCII.GetString(bytes, 0, 5);
        Assert.Equal(format switch { "pdf" => "%PDF-", "xlsx" => "PK\u0003\u0004\u0014", _ => "<!DOC" }, magic);
    }

    [Fact]
    public async Task Unit_yuan_prints_the_html_document_and_the_json_tables_in_yuan()
    {
        var html = await Admin.GetStringAsync("/api/v1/years/2024/disclosure?scope=unit:139001&format=html&unit=yuan", Ct);
        Assert.Equal(11, html.Split("单位：元</span>").Length - 1);
        Assert.Contains("74,991,400.00", html, StringComparison.Ordinal);

        var json = System.Text.Json.Nodes.JsonNode.Parse(await Admin.GetStringAsync("/api/v1/years/2024/disclosure?scope=unit:139001&format=json&unit=yuan", Ct))!;
        Assert.Equal("元", json["currencyUnit"]!.GetValue<string>());
        var total = json["tables"]![0]!["rows"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "总计")!;
        Assert.Equal("74991400.00", total["cells"]!["收入/预算数"]!.ToJsonString());
    }

    [Fact]
    public async Task A_department_document_lists_its_units_and_carries_their_consolidated_tables()
    {
        (await PutAsync(Admin, "T501", SeedAs("T501", "D50"))).Dispose();
        (await PutAsync(Admin, "T502", SeedAs("T502", "D50"))).Dispose();

        var html = await Admin.GetStringAsync("/api/v1/years/2024/disclosure?scope=department:D50&format=html", Ct);

        Assert.Contains("测试单位 T501", html, StringComparison.Ordinal);
        Assert.Contains("测试单位 T502", html, StringComparison.Ordinal);
        Assert.Contains("2024年部门预算公开", html, StringComparison.Ordinal);
        // 收入总计 of two copies of the seed.
        Assert.Contains("14,998.28", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_chromium_a_pdf_is_503_problem_details_and_other_formats_still_work()
    {
        var root = Path.Combine(Path.GetTempPath(), "akto-nochromium-" + Guid.NewGuid().ToString("N"));
        var silo = await RunningSilo.StartAsync(SiloOptions.Embedded(root) with { Extra = new() { ["Akto:ChromiumPath"] = "/nonexistent/chromium" } });
        try
        {
            using var pdf = await silo.Admin.GetAsync("/api/v1/years/2024/disclosure?scope=unit:139001&format=pdf", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
            Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Contains("scripts/ensure-browser.sh", await pdf.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            using var html = await silo.Admin.GetAsync("/api/v1/years/2024/disclosure?scope=unit:139001&format=html", Ct);
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        }
        finally
        {
            await silo.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
