using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Silo.Security;

namespace Akto.Consolidation.Silo.Tests.Api;

public sealed class AuthenticationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_without_a_key_is_401_problem_with_a_bearer_challenge()
    {
        using var response = await fixture.Silo.Http.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var problem = await ReadProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("Bearer akto_0000000000000000_wrong")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Wrong_or_malformed_key_is_401_problem(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await fixture.Silo.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ReadProblemAsync(response);
    }

    [Fact]
    public async Task Bootstrap_key_is_a_finance_bureau_key()
    {
        var me = await fixture.Silo.Admin.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal(AktoRoles.FinanceBureau, me.GetProperty("role").GetString());
        Assert.Equal(ApiKeyStore.BootstrapKeyId, me.GetProperty("keyId").GetString());
    }

    [Fact]
    public async Task Created_unit_key_authenticates_with_its_scope_and_is_refused_admin_endpoints_with_403()
    {
        var key = await CreateKeyAsync(AktoRoles.Unit, "akto-hrss");
        using var client = fixture.Silo.Http.BaseAddress is { } address ? new HttpClient { BaseAddress = address } : throw new InvalidOperationException();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        Assert.Equal(AktoRoles.Unit, me.GetProperty("role").GetString());
        Assert.Equal("akto-hrss", me.GetProperty("scope").GetString());

        using var forbidden = await client.PostAsJsonAsync("/api/v1/keys", new { role = "unit", scope = "other" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(403, (await ReadProblemAsync(forbidden)).GetProperty("status").GetInt32());

        using var runs = await client.GetAsync("/api/v1/jobs/runs", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, runs.StatusCode);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_salted_hashes()
    {
        var key = await CreateKeyAsync(AktoRoles.Department, "dept-208");
        // akto_{id}_{secret}; the secret is base64url and may itself contain '_'.
        var keyId = key.Split('_')[1];
        var secret = key[(key.IndexOf('_', 5) + 1)..];
        var database = fixture.Silo.App.Services.GetService(typeof(Silo.Storage.AktoDatabase)) as Silo.Storage.AktoDatabase;
        await using var connection = await database!.OpenConnectionAsync(Ct);
        await using var command = database.Command(connection, "SELECT salt, hash FROM akto_api_keys WHERE key_id = @id", ("id", keyId));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        var stored = Convert.ToHexString((byte[])reader.GetValue(0)) + Convert.ToHexString((byte[])reader.GetValue(1));
        Assert.DoesNotContain(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(secret)), stored);
        Assert.Equal(32, ((byte[])reader.GetValue(1)).Length);
    }

    [Fact]
    public void Caller_scope_rules_follow_the_roles()
    {
        var bureau = new ApiCaller("b", AktoRoles.FinanceBureau, null);
        var department = new ApiCaller("d", AktoRoles.Department, "208");
        var unit = new ApiCaller("u", AktoRoles.Unit, "akto-hrss");

        Assert.True(bureau.CanAccessUnit("any", null));
        Assert.True(department.CanAccessUnit("akto-hrss", "208"));
        Assert.False(department.CanAccessUnit("akto-hrss", "301"));
        Assert.True(unit.CanAccessUnit("akto-hrss", "208"));
        Assert.False(unit.CanAccessUnit("other", "208"));
        Assert.True(department.CanAccessDepartment("208"));
        Assert.False(unit.CanAccessDepartment("208"));
    }

    private async Task<string> CreateKeyAsync(string role, string scope)
    {
        using var response = await fixture.Silo.Admin.PostAsJsonAsync("/api/v1/keys", new { role, scope, description = "test" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return created.GetProperty("key").GetString()!;
    }

    internal static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
