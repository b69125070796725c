using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Akto.Consolidation.Domain.Classification;
using MiniExcelLibs;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto catalog import FILE --year Y --tree function|economic [--out DIR] [--server URL --api-key KEY]</c> and
/// <c>akto catalog show --year Y --tree …</c>: 科目目录 as year-versioned data. An import reads CSV or XLSX (columns
/// code, name, level and parent; level and parent follow from the code when left out), checks it like any catalog file,
/// writes <c>{tree}-{year}.csv</c> in the file format to the override directory, and optionally replaces the year's
/// catalog on a running cluster.
/// </summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs, Func<HttpMessageHandler>? handler = null)
    {
        var year = new Option<int>("--year") { Description = "预算年度 (budget year)", Required = true };
        var tree = new Option<string>("--tree") { Description = "function | economic", Required = true };
        tree.AcceptOnlyFromAmong("function", "economic");

        var file = new Argument<FileInfo>("FILE") { Description = "CSV 或 XLSX: code,name[,level][,parent]" };
        var outDirectory = new Option<DirectoryInfo?>("--out") { Description = "写入目录 (default: --catalogs, else the current directory)" };
        var server = new Option<string?>("--server") { Description = "silo URL: also replace the catalog on the running cluster (default: AKTO_SERVER)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AKTO_SERVER") };
        var apiKey = new Option<string?>("--api-key", "--key") { Description = "finance-bureau API key (default: AKTO_API_KEY or AKTO_KEY)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AKTO_API_KEY") ?? Environment.GetEnvironmentVariable("AKTO_KEY") };
        var import = new Command("import", "导入科目目录 (import a catalog from CSV or XLSX).") { file, year, tree, outDirectory, server, apiKey };
        import.SetAction((parse, cancellationToken) => ImportAsync(
            parse.GetValue(file)!,
            parse.GetValue(year),
            ClassificationCodes.ParseTree(parse.GetValue(tree))!.Value,
            parse.GetValue(outDirectory) ?? parse.GetValue(catalogs) ?? new DirectoryInfo(Directory.GetCurrentDirectory()),
            parse.GetValue(server),
            parse.GetValue(apiKey),
            output,
            error,
            handler,
            cancellationToken));

        var show = new Command("show", "显示科目目录 (print a year's catalog in the file format).") { year, tree };
        show.SetAction(parse => Show(parse.GetValue(year), ClassificationCodes.ParseTree(parse.GetValue(tree))!.Value, parse.GetValue(catalogs), output, error));

        return new Command("catalog", "科目目录 (classification catalogs).") { import, show };
    }

    private static int Show(int year, ClassificationTree tree, DirectoryInfo? catalogDirectory, TextWriter output, TextWriter error)
    {
        if (!CliCatalogs.TryOpen(catalogDirectory, error, out var catalogs) || !CliCatalogs.TryGet(catalogs, year, error, out var catalog))
        {
            return ExitCodes.Unreadable;
        }

        // The tree as its file has it (its own source line), not the catalog's joined sources.
        var file = (catalogs as LayeredCatalogs)?.FindTree(year, tree) ?? new CatalogTreeFile(year, tree, catalog.Source, [.. catalog.Entries(tree)]);
        output.Write(CatalogLoader.Write(file));
        return ExitCodes.Ok;
    }

    private static async Task<int> ImportAsync(
        FileInfo file, int year, ClassificationTree tree, DirectoryInfo outDirectory, string? server, string? apiKey, TextWriter output, TextWriter error, Func<HttpMessageHandler>? handler, CancellationToken cancellationToken)
    {
        IReadOnlyList<CatalogRow> rows;
        string? source;
        try
        {
            (rows, source) = file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(file, year) : ReadCsv(file, year);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or InvalidOperationException)
        {
            error.WriteLine($"akto: 无法读取 {file.FullName} ({exception.Message})");
            return ExitCodes.Unreadable;
        }

        var result = CatalogLoader.Check(rows, year, tree, source ?? $"导入自 {file.Name} (imported)");
        if (result.File is not { } checkedFile)
        {
            CliCatalogs.WriteProblems(file.Name, result.Problems, error);
            return ExitCodes.Invalid;
        }

        var csv = CatalogLoader.Write(checkedFile);
        outDirectory.Create();
        var path = Path.Combine(outDirectory.FullName, ClassificationCatalogs.FileName(tree, year));
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false), cancellationToken);
        output.WriteLine($"已写入 {path}（{checkedFile.Entries.Count} 个科目）");

        return string.IsNullOrEmpty(server)
            ? ExitCodes.Ok
            : await PutAsync(server, apiKey, year, tree, csv, output, error, handler, cancellationToken);
    }

    private static async Task<int> PutAsync(
        string server, string? apiKey, int year, ClassificationTree tree, string csv, TextWriter output, TextWriter error, Func<HttpMessageHandler>? handler, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            error.WriteLine("akto: 需要财政局密钥：--api-key 或 AKTO_API_KEY (a finance-bureau key is required to replace a catalog).");
            return ExitCodes.Invalid;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseAddress))
        {
            error.WriteLine($"akto: 服务器地址无效: {server}");
            return ExitCodes.Invalid;
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler());
        client.BaseAddress = baseAddress;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        try
        {
            using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
            using var response = await client.PutAsync($"/api/v1/years/{year}/catalogs/{ClassificationCodes.TreeName(tree)}", content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine($"akto: {(int)response.StatusCode} {Describe(body)}");
                return ExitCodes.Invalid;
            }

            output.WriteLine($"已替换 {server} 上 {year} 年的{(tree == ClassificationTree.Function ? "功能" : "经济")}分类科目目录 (version {Version(body)})");
            return ExitCodes.Ok;
        }
        catch (HttpRequestException exception)
        {
            error.WriteLine(ServerConnection.Unreachable(server, exception));
            return ExitCodes.Unreachable;
        }
    }

    /// <summary>CSV rows by header name (code/编码, name/名称, level/级次, parent/上级, year/年度); <c>#</c> lines are comments, the first the source.</summary>
    private static (IReadOnlyList<CatalogRow> Rows, string? Source) ReadCsv(FileInfo file, int year)
    {
        var lines = File.ReadAllLines(file.FullName, Encoding.UTF8);
        string? source = null;
        Columns? columns = null;
        var rows = new List<CatalogRow>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                source ??= line.TrimStart('#').Trim() is { Length: > 0 } comment ? comment : null;
                continue;
            }

            var fields = CatalogLoader.SplitCsvLine(line);
            if (columns is null)
            {
                columns = Columns.FromHeader(fields);
                continue;
            }

            rows.Add(columns.Row(i + 1, fields, year));
        }

        return (rows, source);
    }

    /// <summary>The first sheet: the header on its first row, one 科目 per row after it (row numbers as Excel shows them).</summary>
    private static (IReadOnlyList<CatalogRow> Rows, string? Source) ReadXlsx(FileInfo file, int year)
    {
        Columns? columns = null;
        var rows = new List<CatalogRow>();
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(file.FullName, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            var fields = row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();
            if (fields.All(f => f.Trim().Length == 0))
            {
                continue;
            }

            if (columns is null)
            {
                columns = Columns.FromHeader(fields);
                continue;
            }

            rows.Add(columns.Row(number, fields, year));
        }

        return (rows, null);
    }

    /// <summary>Which column holds what, found by header name.</summary>
    private sealed record Columns(int Code, int Name, int Level, int Parent, int Year)
    {
        public static Columns FromHeader(IReadOnlyList<string> header)
        {
            int Find(params string[] names)
            {
                for (var i = 0; i < header.Count; i++)
                {
                    if (names.Contains(header[i].Trim().ToLowerInvariant(), StringComparer.Ordinal))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var columns = new Columns(Find("code", "编码", "科目编码"), Find("name", "名称", "科目名称"), Find("level", "级次"), Find("parent", "上级", "上级编码"), Find("year", "年度"));
            return columns.Code < 0 || columns.Name < 0
                ? throw new FormatException("表头应含 code 和 name 列 (the header must name the code and name columns)")
                : columns;
        }

        public CatalogRow Row(int line, IReadOnlyList<string> fields, int year)
        {
            string? At(int index) => index >= 0 && index < fields.Count ? fields[index] : null;
            var row = CatalogLoader.Infer(line, At(Code), At(Name), At(Level), At(Parent), year);
            return At(Year) is { Length: > 0 } rowYear ? row with { Year = rowYear.Trim() } : row;
        }
    }

    private static string Version(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("version", out var version) ? version.GetRawText() : "?";
        }
        catch (JsonException)
        {
            return "?";
        }
    }

    private static string Describe(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var parts = new List<string?>
            {
                root.TryGetProperty("title", out var title) ? title.GetString() : null,
                root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            };
            if (root.TryGetProperty("problems", out var problems) && problems.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(problems.EnumerateArray().Select(p => "\n  " + p.GetProperty("location").GetString() + ": " + p.GetProperty("message").GetString()));
            }

            return string.Concat(parts.Where(p => !string.IsNullOrEmpty(p)).Select((p, i) => i == 0 || p!.StartsWith('\n') ? p : " " + p));
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
