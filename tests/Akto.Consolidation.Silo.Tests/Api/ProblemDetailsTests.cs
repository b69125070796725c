using System.Net;
using System.Net.Http.Json;
using System.Text;
using Akto.Consolidation.Silo.Api;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>No input yields a 500: every refusal is an RFC 7807 problem.</summary>
public sealed class ProblemDetailsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"role\":\"unit\",")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"role\": 42}")]
    [InlineData("")]
    public async Task Malformed_json_is_400_problem(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await fixture.Silo.Admin.PostAsync("/api/v1/keys", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AuthenticationTests.ReadProblemAsync(response);
    }

    [Theory]
    [InlineData("mayor", null, "role")]
    [InlineData("unit", null, "scope")]
    [InlineData("department", "has spaces", "scope")]
    [InlineData("finance-bureau", "208", "scope")]
    public async Task Invalid_fields_are_400_validation_problems_naming_the_field(string role, string? scope, string field)
    {
        using var response = await fixture.Silo.Admin.PostAsJsonAsync("/api/v1/keys", new { role, scope }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await AuthenticationTests.ReadProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Body_above_the_documented_limit_is_413_problem()
    {
        var body = new byte[RequestLimits.MaxBodyBytes + 1];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        // As a well-behaved uploader does: wait for the server's verdict before sending 16 MiB it will refuse.
        request.Headers.ExpectContinue = true;
        using var response = await fixture.Silo.Admin.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AuthenticationTests.ReadProblemAsync(response);
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_are_problems()
    {
        using var missing = await fixture.Silo.Admin.GetAsync("/api/v1/nothing-here", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await AuthenticationTests.ReadProblemAsync(missing);

        using var wrongMethod = await fixture.Silo.Admin.DeleteAsync("/api/v1/keys", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        await AuthenticationTests.ReadProblemAsync(wrongMethod);
    }

    [Theory]
    [InlineData("/api/v1/jobs/runs?limit=0")]
    [InlineData("/api/v1/jobs/runs?limit=abc")]
    public async Task Bad_query_parameters_are_400_problems(string path)
    {
        using var response = await fixture.Silo.Admin.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AuthenticationTests.ReadProblemAsync(response);
    }

    [Fact]
    public async Task Health_and_dashboards_answer_locally()
    {
        using var health = await fixture.Silo.Http.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var hangfire = await fixture.Silo.Http.GetAsync("/hangfire", Ct);
        Assert.Equal(HttpStatusCode.OK, hangfire.StatusCode);
        using var dashboard = await fixture.Silo.Http.GetAsync("/dashboard/", Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        using var openApi = await fixture.Silo.Http.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }
}
