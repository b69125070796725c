using System.CommandLine;
using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto submit FILE</c>: validates the file here first (errors: exit 1, nothing sent), then submits it; a rejection
/// shows the server's findings as a table (exit 1).
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var server = new ServerOptions();
        var file = new Argument<FileInfo>("FILE") { Description = "预算文档 (budget document JSON)" };
        var command = server.AddTo(new Command("submit", "提交预算: validate locally, then submit to the server.") { file });
        command.SetAction((parse, ct) =>
        {
            if (!CliCatalogs.TryOpen(parse.GetValue(catalogs), error, out var opened) || LocalCheck.Run(parse.GetValue(file)!, opened, error) is not { } check)
            {
                return Task.FromResult(ExitCodes.Unreadable);
            }

            var console = Terminal.For(output);
            if (check.Errors.Count > 0)
            {
                console.WriteLine($"{Path.GetFileName(check.File)}: 本地审核不通过，未提交 ({check.Errors.Count} errors; not submitted)");
                console.Write(FindingsTable.Create(check.Errors));
                return Task.FromResult(ExitCodes.Invalid);
            }

            return ServerConnection.RunAsync(server, parse, error, async client =>
            {
                var result = await new BudgetSubmitter(client).SubmitAsync(check.File, check.Year, check.UnitCode, check.Bytes, ct);
                return Report(result, check.Year, console, error);
            }, ct);
        });
        return command;
    }

    private static int Report(SubmitResult result, int year, IAnsiConsole console, TextWriter error)
    {
        switch (result.Kind)
        {
            case SubmitResultKind.Accepted:
                console.WriteLine($"已接受 (accepted): {year} 年 单位 {result.UnitCode} 第 {result.Version} 版，{result.Findings.Count} 个警告");
                if (result.Findings.Count > 0)
                {
                    console.Write(FindingsTable.Create(result.Findings));
                }

                return ExitCodes.Ok;
            case SubmitResultKind.Rejected:
                console.WriteLine($"审核不通过 (rejected): {result.Message}");
                console.Write(FindingsTable.Create(result.Findings));
                return ExitCodes.Invalid;
            case SubmitResultKind.Refused:
                error.WriteLine($"akto: 未接受 (refused): {result.Message}");
                return ExitCodes.Invalid;
            default:
                error.WriteLine($"akto: 提交失败 (submission failed): {result.Message}");
                return ExitCodes.Unreachable;
        }
    }
}
