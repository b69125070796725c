using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Client;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary><c>akto keys create</c> against a running silo.</summary>
public sealed class KeysCommandTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Creates_a_department_key_that_then_authenticates_with_its_scope()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Task.Run(() => AktoCommandLine.Run(
            ["keys", "create", "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--api-key", fixture.Silo.Options.AdminKey, "--role", "department", "--scope", "D77"],
            output,
            error), TestContext.Current.CancellationToken);

        Assert.True(exit == 0, error.ToString());
        var key = output.ToString().Trim();
        using var client = new HttpClient { BaseAddress = fixture.Silo.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", TestContext.Current.CancellationToken);
        Assert.Equal("department", me.GetProperty("role").GetString());
        Assert.Equal("D77", me.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_non_admin_key_is_refused_with_the_servers_problem()
    {
        var error = new StringWriter();

        var exit = await Task.Run(() => AktoCommandLine.Run(
            ["keys", "create", "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--api-key", "akto_0000_wrong", "--role", "unit", "--scope", "X1"],
            new StringWriter(),
            error), TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.StartsWith("401", error.ToString(), StringComparison.Ordinal);
    }
}
