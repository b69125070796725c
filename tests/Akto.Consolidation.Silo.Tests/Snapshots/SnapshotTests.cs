using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using Akto.Consolidation.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;
using static Akto.Consolidation.Silo.Tests.Snapshots.SnapshotApi;

namespace Akto.Consolidation.Silo.Tests.Snapshots;

/// <summary>
/// 快照公开报表 on the real silo and real storage (PostgreSQL and the embedded SQLite): what a snapshot holds, that it never
/// changes, that an unchanged cut makes no new snapshot, that a failed run is finished by its retry without duplicates,
/// and the diff between two snapshots.
/// </summary>
[Collection(SnapshotCollection.Name)]
public sealed class SnapshotTests
{
    public static TheoryData<string> Storages => ["postgres", "sqlite"];

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Nightly_job_snapshot_holds_the_disclosure_of_exactly_the_approved_versions_it_names(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            await using var silo = await RunningSilo.StartAsync(Options(storage, directory, ("Akto:Snapshots:Versions", "approved")));

            // Registered with Hangfire at 02:00 in the bureau's time zone by default.
            using (var connection = silo.App.Services.GetRequiredService<global::Hangfire.JobStorage>().GetConnection())
            {
                var nightly = Assert.Single(global::Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "nightly-disclosure");
                Assert.Equal("0 2 * * *", nightly.Cron);
                Assert.Equal("Asia/Shanghai", nightly.TimeZoneId);
            }

            var p = Prefix();
            string head = $"{p}01", draft = $"{p}02", other = $"{p}11";
            await PutOkAsync(silo.Admin, head, SeedAs(head, head));
            await ApproveAsync(silo.Admin, head);
            await PutOkAsync(silo.Admin, draft, SeedAs(draft, head));
            await PutOkAsync(silo.Admin, draft, SeedAs(draft, head));
            await PutOkAsync(silo.Admin, other, SeedAs(other, other));
            await ApproveAsync(silo.Admin, other);

            var manifest = await RunNightlyAsync(silo);
            Assert.Equal("county", manifest.GetProperty("scope").GetString());
            Assert.Equal("schedule", manifest.GetProperty("trigger").GetString());
            Assert.Equal([(head, 1), (other, 1)], Units(manifest));
            Assert.Equal([draft], manifest.GetProperty("omitted").EnumerateArray().Select(o => o.GetProperty("unitCode").GetString()));
            Assert.Equal(3, manifest.GetProperty("reconciliation").GetProperty("scopesChecked").GetInt32());
            Assert.Equal(5, manifest.GetProperty("progress").GetProperty("total").GetInt32());

            // The files equal the disclosure computed here from exactly the versions the manifest names.
            var documents = new List<BudgetDocument>();
            foreach (var (unit, version) in Units(manifest))
            {
                documents.Add(await DocumentAsync(silo.Admin, unit, version));
            }

            var stored = await FilesAsync(silo.Admin, manifest);
            var expected = ExpectedFiles(documents, county: true);
            Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
            foreach (var (path, bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(stored[path]), $"{path} differs from the disclosure of the named versions");
            }

            // A later submission (the draft unit's third version) leaves the approved cut and so the snapshot as they were:
            // the second run creates nothing and the stored bytes are unchanged.
            await PutOkAsync(silo.Admin, draft, SeedAs(draft, head));
            var again = await RunNightlyAsync(silo);
            Assert.Equal(manifest.GetProperty("id").GetString(), again.GetProperty("id").GetString());
            Assert.Single(await ListAsync(silo.Admin));
            var after = await FilesAsync(silo.Admin, again);
            Assert.Equal(stored.Keys.Order(), after.Keys.Order());
            Assert.All(stored, f => Assert.True(f.Value.AsSpan().SequenceEqual(after[f.Key]), f.Key));
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Snapshots_of_latest_versions_are_single_immutable_and_diffable(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            await using var silo = await RunningSilo.StartAsync(Options(storage, directory));
            var p = Prefix();
            string department = $"{p}01", sibling = $"{p}02";
            await PutOkAsync(silo.Admin, department, SeedAs(department, department));
            await PutOkAsync(silo.Admin, sibling, SeedAs(sibling, department));
            var body = new { year = 2024, scope = $"department:{department}", versions = "latest" };

            // Started together: one snapshot.
            var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RequestIdAsync(silo.Admin, body)));
            Assert.Single(ids.Distinct());
            var first = await WaitCompletedAsync(silo.Admin, ids[0]);
            Assert.Single(await ListAsync(silo.Admin));

            // Nothing changed: the same id, nothing created.
            var (status, unchanged) = await RequestAsync(silo.Admin, body);
            Assert.Equal(HttpStatusCode.Accepted, status);
            Assert.Equal(ids[0], unchanged.GetProperty("id").GetString());
            Assert.True(unchanged.GetProperty("unchanged").GetBoolean());
            var before = await FilesAsync(silo.Admin, first);
            Assert.Equal(15, before.Count);

            // A new version of one unit: a second snapshot; the first one keeps its bytes.
            var changed = RandomBudgets.Create(new Random(7), sibling, department);
            await PutOkAsync(silo.Admin, sibling, JsonNode.Parse(JsonSerializer.Serialize(changed, BudgetJson.Options))!);
            var secondId = await RequestIdAsync(silo.Admin, body);
            Assert.NotEqual(ids[0], secondId);
            var second = await WaitCompletedAsync(silo.Admin, secondId);
            Assert.Equal([(department, 1), (sibling, 2)], Units(second));
            var firstAgain = await FilesAsync(silo.Admin, await ManifestAsync(silo.Admin, ids[0]));
            Assert.All(before, f => Assert.True(f.Value.AsSpan().SequenceEqual(firstAgain[f.Key]), f.Key));
            var secondFiles = await FilesAsync(silo.Admin, second);
            var expected = ExpectedFiles([await DocumentAsync(silo.Admin, department, 1), await DocumentAsync(silo.Admin, sibling, 2)], county: false);
            Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(secondFiles[f.Key]), f.Key));

            // The diff names the unit that changed version and its changed cells, old → new as published.
            using var diffResponse = await silo.Admin.GetAsync($"{Root}/{ids[0]}/diff/{secondId}", Ct);
            Assert.Equal(HttpStatusCode.OK, diffResponse.StatusCode);
            var diff = await diffResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var unitChange = Assert.Single(diff.GetProperty("units").EnumerateArray());
            Assert.Equal(sibling, unitChange.GetProperty("unitCode").GetString());
            Assert.Equal(1, unitChange.GetProperty("from").GetInt32());
            Assert.Equal(2, unitChange.GetProperty("to").GetInt32());
            var cells = diff.GetProperty("cells").EnumerateArray().ToList();
            Assert.DoesNotContain(cells, c => c.GetProperty("path").GetString()!.StartsWith($"units/{department}/", StringComparison.Ordinal));
            var total = Assert.Single(cells, c => c.GetProperty("path").GetString() == $"units/{sibling}/tables.json"
                && c.GetProperty("table").GetInt32() == 1 && c.GetProperty("row").GetString() == "一、本年收入" && c.GetProperty("column").GetString() == "收入/预算数");
            Assert.Equal(6836.95m, total.GetProperty("from").GetDecimal());
            var income = Domain.Disclosure.DisclosureTables.For(changed).Table(1).Value("一、本年收入", "收入/预算数");
            Assert.Equal(Reporting.PublishedAmount.Round(income), total.GetProperty("to").GetDecimal());
            Assert.Contains(cells, c => c.GetProperty("path").GetString() == $"departments/{department}/tables.json");

            // Visibility: a unit key reads its own files only; a department key its department's.
            using var unitKey = await ClientWithKeyAsync(silo, "unit", department);
            Assert.Equal(HttpStatusCode.OK, (await FileAsync(unitKey, secondId, $"units/{department}/tables.csv")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await FileAsync(unitKey, secondId, $"units/{sibling}/tables.csv")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await FileAsync(unitKey, secondId, $"departments/{department}/tables.json")).Status);
            Assert.Equal([(department, 1)], Units(await ManifestAsync(unitKey, secondId)));
            using var departmentKey = await ClientWithKeyAsync(silo, "department", department);
            var (departmentStatus, _, _, contentType) = await FileAsync(departmentKey, secondId, $"departments/{department}/tables.md");
            Assert.Equal(HttpStatusCode.OK, departmentStatus);
            Assert.Equal("text/markdown", contentType);
            using var otherDepartment = await ClientWithKeyAsync(silo, "department", $"{p}99");
            Assert.Equal(HttpStatusCode.Forbidden, (await FileAsync(otherDepartment, secondId, $"units/{sibling}/tables.json")).Status);
            using var unitRequests = await unitKey.PostAsJsonAsync(Root, body, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, unitRequests.StatusCode);

            // Publishing marks the snapshot; bad input and unknown ids are problems, never 500s.
            using var publish = await silo.Admin.PostAsync($"{Root}/{ids[0]}/publish", null, Ct);
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
            Assert.True((await ManifestAsync(silo.Admin, ids[0])).GetProperty("published").GetBoolean());
            var (badStatus, bad) = await RequestAsync(silo.Admin, new { year = 1999, scope = "city", versions = "newest" });
            Assert.Equal(HttpStatusCode.BadRequest, badStatus);
            Assert.Equal(["scope", "versions", "year"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
            using var unknown = await silo.Admin.GetAsync($"{Root}/{new string('0', 32)}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var malformed = await silo.Admin.GetAsync($"{Root}/not-an-id/diff/{secondId}", Ct);
            Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
            using var noSuchFile = await silo.Admin.GetAsync($"{Root}/{secondId}/files/units/{p}77/tables.json", Ct);
            Assert.Equal(HttpStatusCode.NotFound, noSuchFile.StatusCode);
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_run_failing_half_way_is_retried_and_completes_without_duplicate_or_partial_files(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            // Three files per transaction (whole items of five files); the first run of each snapshot fails after six files (two units stored).
            await using var silo = await RunningSilo.StartAsync(Options(storage, directory, ("Akto:Snapshots:BatchFiles", "3"), ("Akto:Snapshots:FailAfterFiles", "6")));
            var p = Prefix();
            var units = new[] { $"{p}01", $"{p}02", $"{p}03" };
            foreach (var unit in units)
            {
                await PutOkAsync(silo.Admin, unit, SeedAs(unit, units[0]));
            }

            var id = await RequestIdAsync(silo.Admin, new { year = 2024, scope = "county", versions = "latest" });
            var observations = new List<(string? Status, int Files)>();
            var manifest = await WaitCompletedAsync(silo.Admin, id, m => observations.Add((m.GetProperty("status").GetString(), m.GetProperty("files").GetArrayLength())));

            Assert.Equal(2, manifest.GetProperty("attempts").GetInt32());
            Assert.All(observations.Where(o => o.Status == "completed"), o => Assert.Equal(25, o.Files));
            var paths = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
            Assert.Equal(25, paths.Count);
            Assert.Equal(paths.Count, paths.Distinct().Count());
            var documents = new List<BudgetDocument>();
            foreach (var unit in units)
            {
                documents.Add(await DocumentAsync(silo.Admin, unit, 1));
            }

            var stored = await FilesAsync(silo.Admin, manifest);
            Assert.All(ExpectedFiles(documents, county: true), f => Assert.True(f.Value.AsSpan().SequenceEqual(stored[f.Key]), f.Key));
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task The_seed_units_snapshot_has_tables_1_to_11_with_the_seeds_published_figures(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            // Embedded: the silo loads the seed on its first start; PostgreSQL: the seed is submitted as it is.
            var options = Options(storage, directory, ("Akto:LoadSeed", "true"));
            await using var silo = await RunningSilo.StartAsync(options);
            if (storage == "postgres")
            {
                using var put = await PutRawAsync(silo.Admin, "139001", await File.ReadAllTextAsync(SeedPath, Ct));
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }
            else
            {
                Assert.Equal(200, (await GetCurrentAsync(silo.Admin, "139001")).Status);
            }

            var id = await RequestIdAsync(silo.Admin, new { year = 2024, scope = "department:139001", versions = "latest" });
            await WaitCompletedAsync(silo.Admin, id);
            var (status, content, _, _) = await FileAsync(silo.Admin, id, "units/139001/tables.json");
            Assert.Equal(HttpStatusCode.OK, status);
            var tables = JsonDocument.Parse(content).RootElement.GetProperty("tables").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, 11), tables.Select(t => t.GetProperty("id").GetInt32()));

            using var golden = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Golden", "seed-tables.expected.json"), Ct));
            var wrong = new List<string>();
            var checkedCells = 0;
            foreach (var cell in golden.RootElement.GetProperty("cells").EnumerateArray())
            {
                var table = tables.Single(t => t.GetProperty("id").GetInt32() == cell.GetProperty("table").GetInt32());
                var rowName = cell.GetProperty("row").GetString();
                var project = cell.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.String ? Normalize(p.GetString()) : null;
                var row = table.GetProperty("rows").EnumerateArray().FirstOrDefault(r =>
                    ((r.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null) ?? r.GetProperty("name").GetString()) == rowName
                    && Normalize(r.TryGetProperty("project", out var rp) ? rp.GetString() : null) == project);
                var expected = decimal.Parse(cell.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);
                decimal? actual = row.ValueKind == JsonValueKind.Object && row.GetProperty("cells").TryGetProperty(cell.GetProperty("column").GetString()!, out var v) && v.ValueKind == JsonValueKind.Number
                    ? v.GetDecimal()
                    : null;
                checkedCells++;
                if (actual != expected)
                {
                    wrong.Add($"table {cell.GetProperty("table").GetInt32()} {rowName} {project} / {cell.GetProperty("column").GetString()}: expected {expected}, stored {actual}");
                }
            }

            Assert.True(checkedCells > 100, $"only {checkedCells} golden cells");
            Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Configured_formats_are_rendered_and_a_pdf_is_printed_with_the_hosts_chromium()
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-snap"));
        try
        {
            await using var silo = await RunningSilo.StartAsync(Options("sqlite", directory, ("Akto:Snapshots:Formats", "json, pdf")));
            var unit = $"{Prefix()}01";
            await PutOkAsync(silo.Admin, unit, SeedAs(unit, unit));

            var manifest = await WaitCompletedAsync(silo.Admin, await RequestIdAsync(silo.Admin, new { year = 2024, scope = $"department:{unit}", versions = "latest" }));
            var paths = manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal([$"departments/{unit}/document.pdf", $"departments/{unit}/tables.json", $"units/{unit}/document.pdf", $"units/{unit}/tables.json"], paths);
            var (status, content, _, contentType) = await FileAsync(silo.Admin, manifest.GetProperty("id").GetString()!, $"units/{unit}/document.pdf");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/pdf", contentType);
            Assert.Equal("%PDF-"u8.ToArray(), content[..5]);
        }
        finally
        {
            DeleteDirectory(directory);
        }
    }

    private static string? Normalize(string? text) => text is null ? null : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
