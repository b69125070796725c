using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto submit-dir DIR --parallel N</c>: every <c>*.budget.json</c> under DIR, each validated here and submitted, N at a
/// time, with a live progress bar on a terminal (units done, accepted, rejected, retried, rate) and a closing summary.
/// Safe to re-run: each file's idempotency key comes from its content, so an unchanged file gets the server's remembered
/// result and no new version. Exit 0 when every file was accepted, 1 when any was rejected or refused, 3 when any could
/// not be delivered.
/// </summary>
internal static class SubmitDirCommand
{
    public static Command Create(TextWriter output, TextWriter error, Option<DirectoryInfo?> catalogs)
    {
        var server = new ServerOptions();
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "folder of budget documents (*.budget.json, searched recursively)" };
        var parallel = new Option<int>("--parallel") { Description = "submissions in flight at once (1–64)", DefaultValueFactory = _ => 4 };
        var command = server.AddTo(new Command("submit-dir", "批量提交预算: validate and submit every *.budget.json under DIR.") { directory, parallel });
        command.SetAction((parse, ct) =>
        {
            var folder = parse.GetValue(directory)!;
            var degree = parse.GetValue(parallel);
            if (degree is < 1 or > 64)
            {
                error.WriteLine("akto: --parallel 应在 1–64 之间 (--parallel must be 1–64)");
                return Task.FromResult(ExitCodes.Unreadable);
            }

            if (!folder.Exists)
            {
                error.WriteLine($"akto: 找不到目录 {folder.FullName} (no such directory)");
                return Task.FromResult(ExitCodes.Unreadable);
            }

            if (!CliCatalogs.TryOpen(parse.GetValue(catalogs), error, out var opened))
            {
                return Task.FromResult(ExitCodes.Unreadable);
            }

            var files = folder.EnumerateFiles("*.budget.json", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
            return ServerConnection.RunAsync(server, parse, error, client => RunAsync(client, files, opened, degree, output, error, ct), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        HttpClient client, IReadOnlyList<FileInfo> files, Domain.Classification.IClassificationCatalogs catalogs, int degree, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = Terminal.For(output);
        var tally = new SubmitTally(files.Count);
        var submitter = new BudgetSubmitter(client);
        submitter.Retrying += tally.Retried;
        var results = new ConcurrentBag<SubmitResult>();
        var unreadable = new ConcurrentBag<string>();

        async Task SubmitAllAsync(Action onChange)
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, async (file, ct) =>
            {
                using var problems = new StringWriter();
                var check = LocalCheck.Run(file, catalogs, problems);
                SubmitResult? result = check switch
                {
                    null => null,
                    { Errors.Count: > 0 } => new SubmitResult(check.File, check.UnitCode, SubmitResultKind.Rejected, null, 0, check.Errors, "本地审核不通过 (local validation)"),
                    _ => await submitter.SubmitAsync(check.File, check.Year, check.UnitCode, check.Bytes, ct),
                };
                if (result is null)
                {
                    unreadable.Add(problems.ToString().Trim());
                }
                else
                {
                    results.Add(result);
                }

                tally.Done(result?.Kind);
                onChange();
            });
        }

        if (Terminal.IsTerminal(output))
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(tally.Describe(), maxValue: Math.Max(1, files.Count));
                    await SubmitAllAsync(() =>
                    {
                        task.Value = tally.Completed;
                        task.Description = tally.Describe();
                    });
                });
        }
        else
        {
            await SubmitAllAsync(() => { });
        }

        foreach (var line in unreadable)
        {
            error.WriteLine(line);
        }

        var problemsTable = new Table().Border(TableBorder.Simple).AddColumn("文件 file").AddColumn("单位 unit").AddColumn("结果 result").AddColumn("说明 detail");
        foreach (var r in results.Where(r => r.Kind != SubmitResultKind.Accepted).OrderBy(r => r.File, StringComparer.Ordinal))
        {
            var detail = r.Findings.Count > 0 ? $"{r.Findings.Count} 个问题，首个: {r.Findings[0].RuleId} {r.Findings[0].Message}" : r.Message ?? "";
            problemsTable.AddRow(Markup.Escape(Path.GetFileName(r.File)), Markup.Escape(r.UnitCode), Label(r.Kind), Markup.Escape(detail));
        }

        if (problemsTable.Rows.Count > 0)
        {
            console.Write(problemsTable);
        }

        console.WriteLine(tally.Summary());
        return unreadable.IsEmpty && tally.Failed == 0 && tally.Rejected == 0 && tally.Refused == 0
            ? ExitCodes.Ok
            : tally.Failed > 0 ? ExitCodes.Unreachable : unreadable.IsEmpty ? ExitCodes.Invalid : ExitCodes.Unreadable;
    }

    private static string Label(SubmitResultKind kind) => kind switch
    {
        SubmitResultKind.Rejected => "审核不通过 rejected",
        SubmitResultKind.Refused => "未接受 refused",
        SubmitResultKind.Failed => "失败 failed",
        _ => "接受 accepted",
    };
}

/// <summary>The counters of a <c>submit-dir</c> run, updated from many workers at once.</summary>
internal sealed class SubmitTally(int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _completed;
    private int _accepted;
    private int _rejected;
    private int _refused;
    private int _failed;
    private int _unreadable;
    private int _retried;

    public int Completed => Volatile.Read(ref _completed);

    public int Rejected => Volatile.Read(ref _rejected);

    public int Refused => Volatile.Read(ref _refused);

    public int Failed => Volatile.Read(ref _failed);

    public void Retried() => Interlocked.Increment(ref _retried);

    /// <summary>One file finished; null: it could not be read.</summary>
    public void Done(SubmitResultKind? kind)
    {
        switch (kind)
        {
            case SubmitResultKind.Accepted: Interlocked.Increment(ref _accepted); break;
            case SubmitResultKind.Rejected: Interlocked.Increment(ref _rejected); break;
            case SubmitResultKind.Refused: Interlocked.Increment(ref _refused); break;
            case SubmitResultKind.Failed: Interlocked.Increment(ref _failed); break;
            default: Interlocked.Increment(ref _unreadable); break;
        }

        Interlocked.Increment(ref _completed);
    }

    public string Describe() =>
        $"{Completed}/{total} 单位 · 接受 {_accepted} · 不通过 {_rejected + _refused} · 重试 {_retried} · {Rate():0.0}/s";

    public string Summary() =>
        $"{total} 个文件: 接受 {_accepted}, 审核不通过 {_rejected}, 未接受 {_refused}, 失败 {_failed}, 无法读取 {_unreadable}, 重试 {_retried} 次, " +
        $"{_clock.Elapsed.TotalSeconds:0.0} 秒 ({Rate():0.0}/s) " +
        $"({total} files: {_accepted} accepted, {_rejected} rejected, {_refused} refused, {_failed} failed, {_unreadable} unreadable, {_retried} retries)";

    private double Rate() => _clock.Elapsed.TotalSeconds > 0 ? Completed / _clock.Elapsed.TotalSeconds : 0;
}
