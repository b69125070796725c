using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Akto.Consolidation.LoadDriver;

/// <summary>The silo's HTTP API as the load uses it: plain <see cref="HttpClient"/>, a finance-bureau key, 127.0.0.1 only.</summary>
public sealed class AktoHttp : IDisposable
{
    private const string Year = "/api/v1/years/2024";
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _client;

    /// <summary>For what grows with the county: 对账 reads every unit, the county's tables list every project.</summary>
    private readonly HttpClient _slowClient;

    public AktoHttp(Uri baseAddress, string apiKey, int connections)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(baseAddress.Host)))
        {
            throw new ArgumentException($"the load driver only sends traffic to 127.0.0.1, not {baseAddress.Host}");
        }

        _handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        _client = Client(baseAddress, apiKey, TimeSpan.FromSeconds(30));
        _slowClient = Client(baseAddress, apiKey, TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// PUT a budget document, with <c>If-Match</c> when <paramref name="expectedVersion"/> is given: the HTTP status
    /// and, when accepted, the new version (from the ETag).
    /// </summary>
    public async Task<(int Status, int? Version)> PutBudgetAsync(string unitCode, byte[] document, int? expectedVersion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Year}/units/{unitCode}/budget") { Content = new ByteArrayContent(document) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (expectedVersion is { } expected)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{expected.ToString(CultureInfo.InvariantCulture)}\""));
        }

        using var response = await _client.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var version = response.Headers.ETag?.Tag.Trim('"') is { } tag && int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        return ((int)response.StatusCode, version);
    }

    /// <summary>The version a unit's current budget has (0 when there is none), from <c>X-Budget-Version</c>.</summary>
    public async Task<int> GetCurrentVersionAsync(string unitCode, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync($"{Year}/units/{unitCode}/budget", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Budget-Version").Single(), CultureInfo.InvariantCulture);
    }

    /// <summary>A consolidated function tree, parsed.</summary>
    public async Task<JsonDocument> GetTreeAsync(string scope, int depth, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync($"{Year}/consolidation/function?scope={scope}&depth={depth}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    /// <summary>Every node total of a scope's tree (function to depth 3, economic to depth 2), keyed by code; units left out.</summary>
    public async Task<Dictionary<string, decimal>> GetTreeTotalsAsync(string scope, string tree, CancellationToken cancellationToken)
    {
        var depth = tree == "function" ? 3 : 2;
        using var response = await _client.GetAsync($"{Year}/consolidation/{tree}?scope={Uri.EscapeDataString(scope)}&depth={depth}", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Collect(document.RootElement, totals);
        return totals;

        static void Collect(JsonElement node, Dictionary<string, decimal> totals)
        {
            if (node.TryGetProperty("isUnit", out var isUnit) && isUnit.GetBoolean())
            {
                return;
            }

            totals[node.GetProperty("code").GetString()!] = node.GetProperty("total").GetDecimal();
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    Collect(child, totals);
                }
            }
        }
    }

    /// <summary>
    /// Takes a county snapshot of the latest versions (POST /api/v1/reports/snapshots) and waits until it is completed:
    /// its id, the files stored, and whether the cut was unchanged (then nothing was rendered).
    /// </summary>
    public async Task<(string Id, int Files, bool Unchanged)> TakeCountySnapshotAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        using var request = await _client.PostAsync("/api/v1/reports/snapshots", JsonContent("""{"year":2024,"scope":"county","versions":"latest"}"""), cancellationToken);
        request.EnsureSuccessStatusCode();
        using var answer = await JsonDocument.ParseAsync(await request.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var id = answer.RootElement.GetProperty("id").GetString()!;
        var unchanged = answer.RootElement.GetProperty("unchanged").GetBoolean();
        var deadline = DateTime.UtcNow + budget;
        while (true)
        {
            using var response = await _client.GetAsync($"/api/v1/reports/snapshots/{id}", cancellationToken);
            response.EnsureSuccessStatusCode();
            using var manifest = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var status = manifest.RootElement.GetProperty("status").GetString();
            if (status == "completed")
            {
                return (id, manifest.RootElement.GetProperty("files").GetArrayLength(), unchanged);
            }

            if (status == "failed" || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"snapshot {id} is {status} after {budget.TotalSeconds:0} s");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The county function root's total in 万元, exact.</summary>
    public async Task<decimal> GetCountyTotalAsync(CancellationToken cancellationToken)
    {
        using var tree = await GetTreeAsync("county", 1, cancellationToken);
        return tree.RootElement.GetProperty("total").GetDecimal();
    }

    /// <summary>Tables 1–11 as JSON; returns the body's length in bytes.</summary>
    public Task<long> GetDisclosureAsync(string scope, CancellationToken cancellationToken) =>
        GetLengthAsync(_slowClient, $"{Year}/disclosure?scope={scope}&format=json", cancellationToken);

    /// <summary>A function tree read whole but not parsed, as a reader's round trip; returns the body's length in bytes.</summary>
    public Task<long> GetTreeLengthAsync(string scope, int depth, CancellationToken cancellationToken) =>
        GetLengthAsync(_client, $"{Year}/consolidation/function?scope={scope}&depth={depth}", cancellationToken);

    private static async Task<long> GetLengthAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken)).LongLength;
    }

    /// <summary>对账: asks the silo to recompute the county from its units and repair the trees; returns the differences it found.</summary>
    public async Task<int> ReconcileCountyAsync(CancellationToken cancellationToken)
    {
        using var response = await _slowClient.PostAsync($"{Year}/reconcile?scope=county", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var report = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return report.RootElement.GetProperty("differences").GetArrayLength();
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync("/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The total of the node <paramref name="code"/> anywhere in a tree, or null when it is absent.</summary>
    public static decimal? FindTotal(JsonElement node, string code)
    {
        if (node.GetProperty("code").GetString() == code)
        {
            return node.GetProperty("total").GetDecimal();
        }

        if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in children.EnumerateArray())
            {
                if (child.ValueKind == JsonValueKind.Object && FindTotal(child, code) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    public void Dispose()
    {
        _client.Dispose();
        _slowClient.Dispose();
        _handler.Dispose();
    }

    private HttpClient Client(Uri baseAddress, string apiKey, TimeSpan timeout)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
