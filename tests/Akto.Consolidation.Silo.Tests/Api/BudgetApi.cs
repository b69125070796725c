using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>Budget documents and calls of the budget API, for tests.</summary>
internal static class BudgetApi
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string SeedPath { get; } = Path.Combine(AppContext.BaseDirectory, "seeds", "2024", "akto-hrss.budget.json");

    /// <summary>The seed document as another unit (and department).</summary>
    public static JsonNode SeedAs(string unitCode, string? departmentCode = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(SeedPath))!;
        node["unitCode"] = unitCode;
        node["unitName"] = $"测试单位 {unitCode}";
        node["departmentCode"] = departmentCode ?? unitCode;
        return node;
    }

    public static string UnitPath(string unitCode, string tail = "budget") => $"/api/v1/years/2024/units/{unitCode}/{tail}";

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string unitCode, JsonNode document, string? ifMatch = null, string? idempotencyKey = null) =>
        PutRawAsync(client, unitCode, document.ToJsonString(), ifMatch, idempotencyKey);

    public static Task<HttpResponseMessage> PutRawAsync(HttpClient client, string unitCode, string body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, UnitPath(unitCode)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    public static async Task<HttpClient> ClientWithKeyAsync(RunningSilo silo, string role, string scope)
    {
        using var response = await silo.Admin.PostAsJsonAsync("/api/v1/keys", new { role, scope, description = "test" }, Ct);
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("key").GetString();
        var client = new HttpClient { BaseAddress = silo.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The current document's JSON and ETag, or the status code when there is none.</summary>
    public static async Task<(int Status, string? ETag, string Body)> GetCurrentAsync(HttpClient client, string unitCode)
    {
        using var response = await client.GetAsync(UnitPath(unitCode), Ct);
        return ((int)response.StatusCode, response.Headers.ETag?.Tag, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<JsonElement> ConsolidationRootAsync(HttpClient client, string scope, string tree = "function")
    {
        using var response = await client.GetAsync($"/api/v1/years/2024/consolidation/{tree}?scope={scope}&depth=1", Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Waits until a consolidated root reaches <paramref name="total"/>: the trees forward sums on a short cadence.</summary>
    public static async Task<JsonElement> WaitForRootTotalAsync(HttpClient client, string scope, decimal total)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var root = await ConsolidationRootAsync(client, scope);
            if (root.GetProperty("total").GetDecimal() == total || DateTime.UtcNow > deadline)
            {
                return root;
            }

            await Task.Delay(100, Ct);
        }
    }
}
