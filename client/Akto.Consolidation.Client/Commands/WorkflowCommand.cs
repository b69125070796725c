using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto workflow submit|approve|return|reopen UNIT [--reason …]</c>: 送审 / 审核通过 / 退回 (reasons required) /
/// 重新编辑. An illegal transition is the server's 409, printed in one line (exit 1).
/// </summary>
internal static class WorkflowCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("workflow", "审核流程: submit (送审), approve (审核通过), return (退回), reopen (重新编辑).");
        foreach (var (action, description) in new[] { ("submit", "送审"), ("approve", "审核通过"), ("return", "退回 (needs --reason)"), ("reopen", "重新编辑") })
        {
            command.Subcommands.Add(Action(action, description, output, error));
        }

        return command;
    }

    private static Command Action(string action, string description, TextWriter output, TextWriter error)
    {
        var server = new ServerOptions();
        var year = YearOption.Create();
        var unit = new Argument<string>("UNIT") { Description = "单位编码 (unit code)" };
        var reason = new Option<string[]>("--reason") { Description = "原因 (repeat for several; 退回 needs one)", AllowMultipleArgumentsPerToken = false };
        var command = server.AddTo(new Command(action, description) { unit, year, reason });
        command.SetAction((parse, ct) => ServerConnection.RunAsync(server, parse, error, async client =>
        {
            var unitCode = parse.GetValue(unit)!;
            var reasons = parse.GetValue(reason) ?? [];
            using var response = await client.PostAsJsonAsync(ApiCalls.UnitPath(parse.GetValue(year), unitCode, "workflow/" + action), new { reasons }, ct);
            var (result, exit) = await ApiCalls.ReadAsync(response, error, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var state = result.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "?";
            output.WriteLine($"单位 {unitCode}: {description} → {state}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
