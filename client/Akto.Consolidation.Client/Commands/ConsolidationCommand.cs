using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Akto.Consolidation.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto consolidation --tree function|economic --scope county|department:CODE --depth N</c>: the consolidated tree
/// (汇总) as an aligned table in 万元 (2 decimals), or <c>--format json</c> (the server's exact figures) or <c>csv</c>.
/// <c>--watch</c> polls every <c>--interval</c> seconds and redraws when a figure changes, until Ctrl+C.
/// </summary>
internal static class ConsolidationCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var year = YearOption.Create();
        var tree = new Option<string>("--tree") { Description = "function (功能分类) | economic (经济分类)", DefaultValueFactory = _ => "function" };
        tree.AcceptOnlyFromAmong("function", "economic");
        var scope = new Option<string>("--scope") { Description = "county | department:{code}", DefaultValueFactory = _ => "county" };
        var depth = new Option<int>("--depth") { Description = "levels below the root (1 = 类)", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "table | json | csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var watch = new Option<bool>("--watch") { Description = "refresh as the figures change (Ctrl+C stops)" };
        var interval = new Option<double>("--interval") { Description = "with --watch: seconds between polls", DefaultValueFactory = _ => 2 };
        var watchCount = new Option<int?>("--watch-count") { Description = "with --watch: stop after this many renderings", Hidden = true };
        var command = server.AddTo(new Command("consolidation", "汇总: the consolidated function or economic tree in 万元.") { year, tree, scope, depth, format, watch, interval, watchCount });
        command.SetAction((parse, ct) =>
        {
            var chosenDepth = parse.GetValue(depth);
            if (chosenDepth is < 1 or > 4 || parse.GetValue(interval) <= 0)
            {
                error.WriteLine("akto: --depth 应在 1–4 之间，--interval 应大于 0 (--depth must be 1–4, --interval positive)");
                return Task.FromResult(ExitCodes.Unreadable);
            }

            var path = $"api/v1/years/{ApiCalls.Year(parse.GetValue(year))}/consolidation/{parse.GetValue(tree)}?scope={Uri.EscapeDataString(parse.GetValue(scope)!)}&depth={chosenDepth}";
            var view = new TreeView(parse.GetValue(format)!, parse.GetValue(tree)!, parse.GetValue(scope)!);
            return ServerConnection.RunAsync(server, parse, error, client => parse.GetValue(watch)
                ? WatchAsync(client, path, view, TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(watchCount), output, error, ct)
                : OnceAsync(client, path, view, output, error, ct), ct);
        });
        return command;
    }

    private static async Task<int> OnceAsync(HttpClient client, string path, TreeView view, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (root, exit) = await ApiCalls.GetJsonAsync(client, path, error, cancellationToken);
        if (exit is { } failed)
        {
            return failed;
        }

        view.Write(root, Terminal.For(output), output);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Polls and renders when the tree differs from the last rendering: a live redraw on a terminal, the table again
    /// otherwise. Ctrl+C ends it with exit 0; a server that goes away is exit 3 like any command.
    /// </summary>
    private static async Task<int> WatchAsync(HttpClient client, string path, TreeView view, TimeSpan interval, int? count, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = Terminal.For(output);
        string? last = null;
        var rendered = 0;
        try
        {
            if (Terminal.IsTerminal(output) && view.Format == "table")
            {
                var (first, exit) = await ApiCalls.GetJsonAsync(client, path, error, cancellationToken);
                if (exit is { } failed)
                {
                    return failed;
                }

                last = first.GetRawText();
                await console.Live(view.Table(first)).StartAsync(async live =>
                {
                    while (++rendered != count)
                    {
                        (first, last) = await NextAsync(client, path, last, interval, error, cancellationToken);
                        live.UpdateTarget(view.Table(first));
                    }
                });
                return ExitCodes.Ok;
            }

            while (rendered != count)
            {
                var (root, exit) = await ApiCalls.GetJsonAsync(client, path, error, cancellationToken);
                if (exit is { } failed)
                {
                    return failed;
                }

                if (root.GetRawText() != last)
                {
                    last = root.GetRawText();
                    rendered++;
                    output.WriteLine($"— {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} —");
                    view.Write(root, console, output);
                    output.Flush();
                }

                if (rendered != count)
                {
                    await Task.Delay(interval, cancellationToken);
                }
            }

            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
    }

    /// <summary>Waits for the next tree that differs from <paramref name="last"/>.</summary>
    private static async Task<(JsonElement Root, string Raw)> NextAsync(HttpClient client, string path, string last, TimeSpan interval, TextWriter error, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(interval, cancellationToken);
            var (root, exit) = await ApiCalls.GetJsonAsync(client, path, error, cancellationToken);
            if (exit is null && root.GetRawText() != last)
            {
                return (root, root.GetRawText());
            }
        }
    }

    /// <summary>How a tree is printed: an indented, right-aligned table, the JSON, or CSV.</summary>
    private sealed record TreeView(string Format, string Tree, string Scope)
    {
        public void Write(JsonElement root, IAnsiConsole console, TextWriter output)
        {
            switch (Format)
            {
                case "json":
                    output.WriteLine(JsonSerializer.Serialize(root, Indented));
                    break;
                case "csv":
                    output.Write(Csv(root));
                    break;
                default:
                    console.Write(Table(root));
                    break;
            }
        }

        public IRenderable Table(JsonElement root)
        {
            var table = new Table().Border(TableBorder.Simple)
                .Title($"{(Tree == "function" ? "支出功能分类" : "部门预算支出经济分类")} · {(Scope == "county" ? "全县" : Scope)} · 万元")
                .AddColumn("编码 code").AddColumn("名称 name")
                .AddColumn(new TableColumn("合计 total").RightAligned()).AddColumn(new TableColumn("基本支出 basic").RightAligned()).AddColumn(new TableColumn("项目支出 project").RightAligned());
            foreach (var (node, level) in Walk(root, 0))
            {
                var code = node.GetProperty("code").GetString()!;
                table.AddRow(
                    Markup.Escape(new string(' ', 2 * level) + (level == 0 ? "合计" : code)),
                    Markup.Escape(level == 0 ? "" : node.GetProperty("name").GetString() ?? ""),
                    PublishedAmount.Format(node.GetProperty("total").GetDecimal(), grouped: true),
                    PublishedAmount.Format(node.GetProperty("basic").GetDecimal(), grouped: true),
                    PublishedAmount.Format(node.GetProperty("project").GetDecimal(), grouped: true));
            }

            return table;
        }

        private static string Csv(JsonElement root)
        {
            var text = new StringBuilder("code,name,level,total,basic,project\n");
            foreach (var (node, level) in Walk(root, 0))
            {
                text.Append(CultureInfo.InvariantCulture, $"{Quote(node.GetProperty("code").GetString()!)},{Quote(node.GetProperty("name").GetString() ?? "")},{level},")
                    .Append(CultureInfo.InvariantCulture, $"{PublishedAmount.Format(node.GetProperty("total").GetDecimal(), grouped: false)},{PublishedAmount.Format(node.GetProperty("basic").GetDecimal(), grouped: false)},{PublishedAmount.Format(node.GetProperty("project").GetDecimal(), grouped: false)}\n");
            }

            return text.ToString();
        }

        private static string Quote(string value) =>
            value.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

        private static IEnumerable<(JsonElement Node, int Level)> Walk(JsonElement node, int level)
        {
            yield return (node, level);
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    foreach (var item in Walk(child, level + 1))
                    {
                        yield return item;
                    }
                }
            }
        }
    }
}
