using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Snapshots;

/// <summary>Calls of the snapshot API and the disclosures the tests expect, computed independently of the silo.</summary>
internal static class SnapshotApi
{
    public const string Root = "/api/v1/reports/snapshots";

    public static SiloOptions Options(string storage, string directory, params (string Key, string Value)[] extra)
    {
        var options = storage == "postgres" ? SiloOptions.OnPostgres() : SiloOptions.Embedded(directory);
        var settings = new Dictionary<string, string> { ["Akto:LoadSeed"] = "false", ["Akto:Snapshots:Years"] = "2024" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return options with { Extra = settings };
    }

    public static string Prefix() => SiloOptions.Unique("S")[^6..].ToUpperInvariant();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Root, body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    public static async Task<string> RequestIdAsync(HttpClient client, object body)
    {
        var (status, answer) = await RequestAsync(client, body);
        Assert.True(status == HttpStatusCode.Accepted, $"{(int)status}: {answer}");
        return answer.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ManifestAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"{Root}/{id}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls the manifest until the snapshot completes; every observation is passed to <paramref name="observe"/>.</summary>
    public static async Task<JsonElement> WaitCompletedAsync(HttpClient client, string id, Action<JsonElement>? observe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var manifest = await ManifestAsync(client, id);
            observe?.Invoke(manifest);
            var status = manifest.GetProperty("status").GetString();
            if (status == "completed")
            {
                return manifest;
            }

            Assert.True(DateTime.UtcNow < deadline, $"snapshot {id} still {status}: {manifest}");
            await Task.Delay(100, Ct);
        }
    }

    public static async Task<JsonElement[]> ListAsync(HttpClient client, int year = 2024)
    {
        using var response = await client.GetAsync($"{Root}?year={year}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }

    public static async Task<(HttpStatusCode Status, byte[] Content, string? ETag, string? ContentType)> FileAsync(HttpClient client, string id, string path)
    {
        using var response = await client.GetAsync($"{Root}/{id}/files/{path}", Ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(Ct), response.Headers.ETag?.Tag, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Every stored file of a snapshot (path → bytes), checked against the manifest's SHA-256 and size.</summary>
    public static async Task<Dictionary<string, byte[]>> FilesAsync(HttpClient client, JsonElement manifest)
    {
        var id = manifest.GetProperty("id").GetString()!;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in manifest.GetProperty("files").EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            var (status, content, etag, _) = await FileAsync(client, id, path);
            Assert.Equal(HttpStatusCode.OK, status);
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            Assert.Equal(file.GetProperty("sha256").GetString(), sha);
            Assert.Equal($"\"{sha}\"", etag);
            Assert.Equal(file.GetProperty("bytes").GetInt32(), content.Length);
            files.Add(path, content);
        }

        return files;
    }

    public static IReadOnlyList<(string Unit, int Version)> Units(JsonElement manifest) =>
        [.. manifest.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("unitCode").GetString()!, u.GetProperty("version").GetInt32()))];

    /// <summary>A unit's accepted version as the API returns it.</summary>
    public static async Task<BudgetDocument> DocumentAsync(HttpClient client, string unitCode, int version)
    {
        using var response = await client.GetAsync(UnitPath(unitCode) + $"?version={version}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = BudgetDocumentReader.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.NotNull(read.Document);
        return read.Document;
    }

    /// <summary>The files a snapshot of these documents must hold, computed here from the domain and the renderers.</summary>
    public static Dictionary<string, byte[]> ExpectedFiles(IReadOnlyList<BudgetDocument> documents, bool county)
    {
        var expected = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        void Add(string folder, DisclosureSet set, Reporting.Document.DisclosureDocument document)
        {
            expected[$"{folder}/tables.json"] = System.Text.Encoding.UTF8.GetBytes(DisclosureJsonWriter.ToJson(set));
            expected[$"{folder}/tables.csv"] = System.Text.Encoding.UTF8.GetBytes(DisclosureTextWriter.ToCsv(set));
            expected[$"{folder}/tables.md"] = System.Text.Encoding.UTF8.GetBytes(DisclosureTextWriter.ToMarkdown(set));
            expected[$"{folder}/document.html"] = System.Text.Encoding.UTF8.GetBytes(Reporting.Document.HtmlDisclosureWriter.ToHtml(document));
            expected[$"{folder}/document.xlsx"] = Reporting.Document.XlsxDisclosureWriter.ToBytes(document);
        }

        foreach (var document in documents)
        {
            var set = DisclosureTables.For(document);
            Add($"units/{document.UnitCode}", set, Reporting.Document.DisclosureDocumentBuilder.ForUnit(document, Catalog2024));
        }

        foreach (var department in documents.GroupBy(d => d.DepartmentCode))
        {
            var members = department.ToList();
            var name = members.FirstOrDefault(d => d.UnitCode == department.Key)?.UnitName ?? $"部门 {department.Key}";
            var set = DisclosureTables.Build(Elimination.Consolidate(2024, members).Facts, Catalog2024, DisclosureScope.Department(department.Key, name));
            Add($"departments/{department.Key}", set, Reporting.Document.DisclosureDocumentBuilder.ForScope(members, set));
        }

        if (county)
        {
            var set = DisclosureTables.Build(Elimination.Consolidate(2024, documents).Facts, Catalog2024, DisclosureScope.County());
            Add("county", set, Reporting.Document.DisclosureDocumentBuilder.ForScope(documents, set));
        }

        return expected;
    }

    private static Domain.Classification.ClassificationCatalog Catalog2024 => Domain.Classification.ClassificationCatalogs.Shipped.Find(2024)!;

    public static async Task ApproveAsync(HttpClient admin, string unitCode)
    {
        using var submit = await admin.PostAsync(UnitPath(unitCode, "workflow/submit"), null, Ct);
        Assert.True(submit.IsSuccessStatusCode, await submit.Content.ReadAsStringAsync(Ct));
        using var approve = await admin.PostAsync(UnitPath(unitCode, "workflow/approve"), null, Ct);
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync(Ct));
    }

    public static async Task PutOkAsync(HttpClient client, string unitCode, System.Text.Json.Nodes.JsonNode document)
    {
        using var response = await PutAsync(client, unitCode, document);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    public static void DeleteDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Triggers <c>nightly-disclosure</c>, waits for the run it records (newer than every run before) and returns the year's
    /// newest snapshot, completed.
    /// </summary>
    public static async Task<JsonElement> RunNightlyAsync(RunningSilo silo)
    {
        const string Runs = "/api/v1/jobs/runs?jobId=nightly-disclosure&limit=500";
        var before = (await silo.Admin.GetFromJsonAsync<JsonElement>(Runs, Ct)).EnumerateArray().Select(r => r.GetProperty("runId").GetInt64()).DefaultIfEmpty(0).Max();
        using var trigger = await silo.Admin.PostAsync("/api/v1/jobs/nightly-disclosure/trigger", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var runs = await silo.Admin.GetFromJsonAsync<JsonElement>(Runs, Ct);
            var run = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("runId").GetInt64() > before && r.GetProperty("finishedAt").ValueKind != JsonValueKind.Null);
            if (run.ValueKind == JsonValueKind.Object)
            {
                Assert.True(run.GetProperty("succeeded").GetBoolean(), run.ToString());
                var latest = (await ListAsync(silo.Admin)).First();
                return await WaitCompletedAsync(silo.Admin, latest.GetProperty("id").GetString()!);
            }

            Assert.True(DateTime.UtcNow < deadline, "nightly-disclosure did not run");
            await Task.Delay(200, Ct);
        }
    }
}
