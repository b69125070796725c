using System.Net.Http.Json;
using System.Text.Json;

namespace Akto.Consolidation.Silo.Tests.Api;

public sealed class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_openapi_document_describes_the_budget_consolidation_and_disclosure_endpoints()
    {
        var document = await fixture.Silo.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("/api/v1/years/{year}/units/{unitCode}/budget", paths);
        Assert.Contains("/api/v1/years/{year}/units/{unitCode}/versions", paths);
        Assert.Contains("/api/v1/years/{year}/units/{unitCode}/workflow/{action}", paths);
        Assert.Contains("/api/v1/years/{year}/consolidation/{tree}", paths);
        Assert.Contains("/api/v1/years/{year}/disclosure", paths);
        var budget = document.GetProperty("paths").GetProperty("/api/v1/years/{year}/units/{unitCode}/budget");
        Assert.True(budget.TryGetProperty("put", out _));
        Assert.True(budget.TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Scalar_serves_the_api_reference()
    {
        using var response = await fixture.Silo.Http.GetAsync("/scalar", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
