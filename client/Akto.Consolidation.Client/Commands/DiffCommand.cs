using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Akto.Consolidation.Reporting;
using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary><c>akto diff UNIT V1 V2</c>: the disclosure cells (tables 1–11, 万元) that changed between two versions.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var year = YearOption.Create();
        var unit = new Argument<string>("UNIT") { Description = "单位编码 (unit code)" };
        var from = new Argument<int>("V1") { Description = "earlier version" };
        var to = new Argument<int>("V2") { Description = "later version" };
        var command = server.AddTo(new Command("diff", "版本比较: changed figures between two versions of a unit.") { unit, from, to, year });
        command.SetAction((parse, ct) => ServerConnection.RunAsync(server, parse, error, async client =>
        {
            var path = ApiCalls.UnitPath(parse.GetValue(year), parse.GetValue(unit)!, $"diff?from={parse.GetValue(from)}&to={parse.GetValue(to)}");
            var (diff, exit) = await ApiCalls.GetJsonAsync(client, path, error, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var console = Terminal.For(output);
            var cells = diff.GetProperty("cells");
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn("表 table").RightAligned()).AddColumn("行 row").AddColumn("列 column")
                .AddColumn(new TableColumn("原 from").RightAligned()).AddColumn(new TableColumn("新 to").RightAligned()).AddColumn(new TableColumn("变化 change").RightAligned());
            foreach (var cell in cells.EnumerateArray())
            {
                var was = Amount(cell.GetProperty("from"));
                var now = Amount(cell.GetProperty("to"));
                table.AddRow(
                    cell.GetProperty("table").GetInt32().ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(cell.GetProperty("row").GetString() ?? ""),
                    Markup.Escape(cell.GetProperty("column").GetString() ?? ""),
                    was is { } a ? PublishedAmount.Format(a, grouped: true) : "—",
                    now is { } b ? PublishedAmount.Format(b, grouped: true) : "—",
                    PublishedAmount.Format((now ?? 0) - (was ?? 0), grouped: true));
            }

            console.Write(table);
            console.WriteLine($"{cells.GetArrayLength()} 个单元格变化 (cells changed){(diff.GetProperty("truncated").GetBoolean() ? "，仅列出前若干项 (truncated)" : "")}；金额单位：万元");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static decimal? Amount(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
