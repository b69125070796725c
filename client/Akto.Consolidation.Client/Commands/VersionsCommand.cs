using System.CommandLine;
using System.Globalization;
using Akto.Consolidation.Reporting;
using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary><c>akto versions UNIT</c>: 修订轨迹, every accepted version with who, when, why and its totals (万元).</summary>
internal static class VersionsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var year = YearOption.Create();
        var unit = new Argument<string>("UNIT") { Description = "单位编码 (unit code)" };
        var command = server.AddTo(new Command("versions", "修订轨迹: a unit's accepted versions.") { unit, year });
        command.SetAction((parse, ct) => ServerConnection.RunAsync(server, parse, error, async client =>
        {
            var (versions, exit) = await ApiCalls.GetJsonAsync(client, ApiCalls.UnitPath(parse.GetValue(year), parse.GetValue(unit)!, "versions"), error, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn("版本 version").RightAligned()).AddColumn("时间 at").AddColumn("作者 author").AddColumn("原因 reason")
                .AddColumn(new TableColumn("收入合计 income").RightAligned()).AddColumn(new TableColumn("支出合计 expenditure").RightAligned())
                .AddColumn(new TableColumn("警告 warnings").RightAligned());
            foreach (var v in versions.EnumerateArray())
            {
                table.AddRow(
                    v.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
                    v.GetProperty("at").GetDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(v.GetProperty("author").GetString() ?? ""),
                    Markup.Escape(v.GetProperty("reason").GetString() ?? ""),
                    PublishedAmount.Format(v.GetProperty("incomeTotal").GetDecimal(), grouped: true),
                    PublishedAmount.Format(v.GetProperty("expenditureTotal").GetDecimal(), grouped: true),
                    v.GetProperty("warningCount").GetInt32().ToString(CultureInfo.InvariantCulture));
            }

            var console = Terminal.For(output);
            console.Write(table);
            console.WriteLine("金额单位：万元");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
