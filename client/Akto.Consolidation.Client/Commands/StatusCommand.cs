using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto status [--department CODE]</c>: the units overview (<c>GET …/units</c>) as a table of units with their workflow
/// state, current version and warning count, then how many units are in each state.
/// </summary>
internal static class StatusCommand
{
    private static readonly string[] States = ["draft", "submitted", "returned", "approved"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var year = YearOption.Create();
        var department = new Option<string?>("--department") { Description = "主管部门编码 (one department)" };
        var command = server.AddTo(new Command("status", "单位总览: units by workflow state with their findings counts.") { year, department });
        command.SetAction((parse, ct) => ServerConnection.RunAsync(server, parse, error, async client =>
        {
            var path = $"api/v1/years/{ApiCalls.Year(parse.GetValue(year))}/units" + (parse.GetValue(department) is { } code ? "?department=" + Uri.EscapeDataString(code) : "");
            var (overview, exit) = await ApiCalls.GetJsonAsync(client, path, error, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            Render(overview, Terminal.For(output));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static void Render(JsonElement overview, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("部门 department").AddColumn("单位 unit").AddColumn("名称 name").AddColumn("状态 state")
            .AddColumn(new TableColumn("版本 version").RightAligned()).AddColumn(new TableColumn("警告 warnings").RightAligned()).AddColumn("修改时间 changed");
        var counts = States.ToDictionary(s => s, _ => 0);
        foreach (var department in overview.GetProperty("departments").EnumerateArray())
        {
            var code = department.GetProperty("departmentCode").GetString()!;
            var approved = department.GetProperty("approved").GetBoolean() ? " (部门已审核)" : "";
            foreach (var unit in department.GetProperty("units").EnumerateArray())
            {
                var state = unit.GetProperty("state").GetString()!;
                counts[state] = counts.GetValueOrDefault(state) + 1;
                table.AddRow(
                    Markup.Escape(code + approved),
                    Markup.Escape(unit.GetProperty("unitCode").GetString()!),
                    Markup.Escape(unit.GetProperty("unitName").GetString()!),
                    Label(state),
                    unit.GetProperty("currentVersion") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32().ToString(CultureInfo.InvariantCulture) : "—",
                    unit.GetProperty("warningCount").GetInt32().ToString(CultureInfo.InvariantCulture),
                    unit.GetProperty("lastChangedAt") is { ValueKind: JsonValueKind.String } at ? at.GetDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—");
            }
        }

        console.Write(table);
        console.WriteLine(string.Join(" · ", counts.Select(c => $"{Label(c.Key)} {c.Value}")) + $" · 合计 {counts.Values.Sum()} 个单位");
    }

    private static string Label(string state) => state switch
    {
        "draft" => "草稿",
        "submitted" => "送审",
        "approved" => "审核通过",
        "returned" => "退回",
        _ => state,
    };
}
