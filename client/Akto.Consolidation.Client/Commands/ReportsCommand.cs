using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto reports run|list|show|download|diff</c>: the snapshot disclosure reports of a running silo, over the shared
/// connection (<see cref="ServerOptions"/>: <c>--server</c>, <c>--key</c>, <c>--config</c>, their variables and the
/// config file <c>akto login</c> writes). Downloads are checked against the manifest's SHA-256.
/// </summary>
internal static class ReportsCommand
{
    private const string Root = "api/v1/reports/snapshots";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        Task<int> Connected(ParseResult parse, Func<HttpClient, Task<int>> action, CancellationToken cancellationToken) =>
            ServerConnection.RunAsync(server, parse, error, action, cancellationToken);

        var year = new Option<int>("--year") { Description = "预算年度", Required = true };
        var scope = new Option<string>("--scope") { Description = "county | department:{code}", DefaultValueFactory = _ => "county" };
        var versions = new Option<string>("--versions") { Description = "approved | latest", DefaultValueFactory = _ => "approved" };
        var wait = new Option<bool>("--wait") { Description = "wait until the snapshot is completed" };
        var timeout = new Option<int>("--timeout") { Description = "with --wait: give up after this many seconds (exit 1)", DefaultValueFactory = _ => 1800 };
        var run = server.AddTo(new Command("run", "生成快照 (take a snapshot; prints its id).") { year, scope, versions, wait, timeout });
        run.SetAction((parse, ct) => Connected(parse, client =>
            RunAsync(client, parse.GetValue(year), parse.GetValue(scope)!, parse.GetValue(versions)!, parse.GetValue(wait) ? TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) : null, output, error, ct), ct));

        var listYear = new Option<int?>("--year") { Description = "预算年度 (all when left out)" };
        var list = server.AddTo(new Command("list", "列出快照 (list snapshots, newest first).") { listYear });
        list.SetAction((parse, ct) => Connected(parse, client => ListAsync(client, parse.GetValue(listYear), output, error, ct), ct));

        var id = new Argument<string>("id") { Description = "快照编号 (snapshot id)" };
        var show = server.AddTo(new Command("show", "快照清单 (a snapshot's manifest as JSON).") { id });
        show.SetAction((parse, ct) => Connected(parse, async client =>
        {
            var (ok, manifest) = await GetJsonAsync(client, $"{Root}/{parse.GetValue(id)}", error, ct);
            if (ok)
            {
                output.WriteLine(JsonSerializer.Serialize(manifest, Indented));
            }

            return ok ? ExitCodes.Ok : ExitCodes.Invalid;
        }, ct));

        var outDirectory = new Option<string>("--out") { Description = "folder to write the files to", DefaultValueFactory = _ => "." };
        var path = new Option<string?>("--path") { Description = "one file (e.g. county/tables.csv); all visible files when left out" };
        var download = server.AddTo(new Command("download", "下载快照文件 (download a snapshot's files, checked against their SHA-256).") { id, outDirectory, path });
        download.SetAction((parse, ct) => Connected(parse, client =>
            DownloadAsync(client, parse.GetValue(id)!, parse.GetValue(path), parse.GetValue(outDirectory)!, output, error, ct), ct));

        var from = new Argument<string>("from") { Description = "earlier snapshot" };
        var to = new Argument<string>("to") { Description = "later snapshot" };
        var diff = server.AddTo(new Command("diff", "比较两次快照 (units whose version changed and cells that changed).") { from, to });
        diff.SetAction((parse, ct) => Connected(parse, client => DiffAsync(client, parse.GetValue(from)!, parse.GetValue(to)!, output, error, ct), ct));

        return new Command("reports", "快照公开报表 (snapshot disclosure reports on a running silo).") { run, list, show, download, diff };
    }

    private static async Task<int> RunAsync(HttpClient client, int year, string scope, string versions, TimeSpan? wait, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(Root, new { year, scope, versions }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            error.WriteLine($"{(int)response.StatusCode} {ProblemText.Describe(body)}");
            return ExitCodes.Invalid;
        }

        using var answer = JsonDocument.Parse(body);
        var id = answer.RootElement.GetProperty("id").GetString()!;
        output.WriteLine(id);
        if (answer.RootElement.GetProperty("unchanged").GetBoolean())
        {
            error.WriteLine("截面未变，沿用已完成的快照 (cut unchanged: the last completed snapshot)");
            return ExitCodes.Ok;
        }

        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.Zero);
        while (wait is not null)
        {
            if (DateTime.UtcNow > deadline)
            {
                error.WriteLine($"快照 {id} {wait.Value.TotalSeconds:0} 秒内未完成 (not completed within {wait.Value.TotalSeconds:0} s)");
                return ExitCodes.Invalid;
            }

            var (ok, manifest) = await GetJsonAsync(client, $"{Root}/{id}", error, cancellationToken);
            var status = ok ? manifest.GetProperty("status").GetString() : null;
            if (status == "completed")
            {
                error.WriteLine($"已完成 (completed): {manifest.GetProperty("files").GetArrayLength()} 个文件");
                return ExitCodes.Ok;
            }

            if (!ok)
            {
                return ExitCodes.Invalid;
            }

            await Task.Delay(500, cancellationToken);
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(HttpClient client, int? year, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (ok, list) = await GetJsonAsync(client, year is null ? Root : $"{Root}?year={year}", error, cancellationToken);
        if (!ok)
        {
            return ExitCodes.Invalid;
        }

        foreach (var s in list.EnumerateArray())
        {
            var progress = s.GetProperty("progress");
            output.WriteLine(string.Join('\t',
                s.GetProperty("id").GetString(),
                s.GetProperty("status").GetString(),
                s.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture),
                s.GetProperty("scope").GetString(),
                s.GetProperty("versions").GetString(),
                s.GetProperty("asOf").GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture),
                $"{progress.GetProperty("done").GetInt32()}/{progress.GetProperty("total").GetInt32()}",
                s.GetProperty("published").GetBoolean() ? "published" : ""));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> DownloadAsync(HttpClient client, string id, string? only, string outDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (ok, manifest) = await GetJsonAsync(client, $"{Root}/{id}", error, cancellationToken);
        if (!ok)
        {
            return ExitCodes.Invalid;
        }

        var files = manifest.GetProperty("files").EnumerateArray()
            .Select(f => (Path: f.GetProperty("path").GetString()!, Sha256: f.GetProperty("sha256").GetString()!))
            .Where(f => only is null || f.Path == only)
            .ToList();
        if (files.Count == 0)
        {
            error.WriteLine(only is null ? "没有可下载的文件 (no files)" : $"快照没有文件 {only} (no such file)");
            return ExitCodes.Invalid;
        }

        var root = Path.GetFullPath(outDirectory);
        foreach (var (path, sha256) in files)
        {
            using var response = await client.GetAsync($"{Root}/{id}/files/{path}", cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine($"{path}: {(int)response.StatusCode} {ProblemText.Describe(System.Text.Encoding.UTF8.GetString(content))}");
                return ExitCodes.Invalid;
            }

            if (Convert.ToHexStringLower(SHA256.HashData(content)) != sha256)
            {
                error.WriteLine($"{path}: SHA-256 与清单不符 (digest differs from the manifest)");
                return ExitCodes.Invalid;
            }

            var target = Path.GetFullPath(Path.Combine(root, path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                error.WriteLine($"{path}: 路径无效 (path outside the output folder)");
                return ExitCodes.Invalid;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellationToken);
            output.WriteLine($"{path}\t{content.Length}\t{sha256}");
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> DiffAsync(HttpClient client, string from, string to, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (ok, diff) = await GetJsonAsync(client, $"{Root}/{from}/diff/{to}", error, cancellationToken);
        if (!ok)
        {
            return ExitCodes.Invalid;
        }

        foreach (var unit in diff.GetProperty("units").EnumerateArray())
        {
            output.WriteLine($"单位 {unit.GetProperty("unitCode").GetString()}: 版本 {Text(unit.GetProperty("from"))} → {Text(unit.GetProperty("to"))}");
        }

        foreach (var cell in diff.GetProperty("cells").EnumerateArray())
        {
            output.WriteLine($"{cell.GetProperty("path").GetString()} 表{cell.GetProperty("table").GetInt32()} {cell.GetProperty("row").GetString()} / {cell.GetProperty("column").GetString()}: {Text(cell.GetProperty("from"))} → {Text(cell.GetProperty("to"))}");
        }

        if (diff.GetProperty("truncated").GetBoolean())
        {
            error.WriteLine("差异过多，只列出前一部分 (truncated)");
        }

        return ExitCodes.Ok;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "—" : value.GetRawText();

    private static async Task<(bool Ok, JsonElement Body)> GetJsonAsync(HttpClient client, string uri, TextWriter error, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            error.WriteLine($"{(int)response.StatusCode} {ProblemText.Describe(body)}");
            return (false, default);
        }

        using var document = JsonDocument.Parse(body);
        return (true, document.RootElement.Clone());
    }
}
