using System.Collections.Concurrent;
using System.Diagnostics;
using Akto.Consolidation.LoadDriver.Data;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>What a submission run measured: acknowledged submissions, their rate and ack latency, and every other outcome by status.</summary>
public sealed record SubmissionResult(int Clients, int Acknowledged, TimeSpan Elapsed, Samples AckLatency, IReadOnlyDictionary<string, int> Failures, bool BudgetRanOut)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Acknowledged / Elapsed.TotalSeconds : 0;

    public int ServerErrors => Failures.Where(f => f.Key.StartsWith('5')).Sum(f => f.Value);

    public string FailureText => Failures.Count == 0 ? "none" : string.Join(", ", Failures.OrderBy(f => f.Key).Select(f => $"{f.Key}×{f.Value}"));
}

/// <summary>
/// Closed-loop clients that PUT budget documents. Client c owns the units whose index is c modulo the client count,
/// so no two requests for one unit overlap and the ledger stays exact. <c>once</c> submits each unit that has no
/// version yet (the preload); otherwise the clients resubmit their loaded units round-robin until the time is up. When the
/// time is up a client sends nothing more but lets its request in flight finish (a cancelled PUT may still be applied,
/// and the ledger would fall behind): the run's time ends with the last response. A unit whose request failed in
/// transport is read back afterwards.
/// </summary>
public static class SubmissionPhase
{
    public static async Task<SubmissionResult> RunAsync(AktoHttp http, UnitSet set, int count, Ledger ledger, int clients, TimeSpan duration, bool once, CancellationToken cancellationToken)
    {
        var latency = new Samples();
        var failures = new ConcurrentDictionary<string, int>();
        var acknowledged = 0;
        var uncertain = new ConcurrentBag<LoadUnit>();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();

        // Resubmissions stay on the units already loaded, so a run measures the county size the report names.
        var anyLoaded = ledger.LoadedAmong(count) > 0;
        var loaded = Enumerable.Range(0, count).Select(i => !anyLoaded || ledger.Acknowledged(i) > 0).ToArray();

        async Task ClientAsync(int client)
        {
            var mine = Enumerable.Range(0, count).Where(i => i % clients == client && (once ? ledger.Acknowledged(i) == 0 : loaded[i])).ToArray();
            for (var n = 0; mine.Length > 0 && !timer.IsCancellationRequested && (!once || n < mine.Length); n++)
            {
                var unit = set.Units[mine[n % mine.Length]];
                var outcome = await SubmitAsync(http, set, unit, ledger, latency, cancellationToken);
                if (outcome is null)
                {
                    Interlocked.Increment(ref acknowledged);
                    continue;
                }

                if (outcome == "cancelled")
                {
                    return;
                }

                failures.AddOrUpdate(outcome, 1, (_, c) => c + 1);
                if (outcome.StartsWith("transport", StringComparison.Ordinal) || outcome == "timeout")
                {
                    uncertain.Add(unit);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!cancellationToken.IsCancellationRequested)
        {
            foreach (var unit in uncertain)
            {
                ledger.MarkAcknowledged(unit.Index, await http.GetCurrentVersionAsync(unit.UnitCode, cancellationToken));
            }
        }

        return new SubmissionResult(clients, acknowledged, elapsed, latency, failures, once && ledger.LoadedAmong(count) < count);
    }

    /// <summary>One submission of the unit's next version; null when acknowledged, else what went wrong.</summary>
    private static async Task<string?> SubmitAsync(AktoHttp http, UnitSet set, LoadUnit unit, Ledger ledger, Samples latency, CancellationToken cancellationToken)
    {
        var current = ledger.Acknowledged(unit.Index);
        var next = current + 1;
        ledger.MarkSent(unit.Index, next);
        var document = set.Document(unit, next);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var (status, version) = await http.PutBudgetAsync(unit.UnitCode, document, current == 0 ? null : current, cancellationToken);
            if (status is 200 or 201 && version == next)
            {
                latency.AddSince(start);
                ledger.MarkAcknowledged(unit.Index, next);
                return null;
            }

            if (status == 409)
            {
                // Our view is behind (a request that timed out was applied after all): catch up before the next one.
                ledger.MarkAcknowledged(unit.Index, await http.GetCurrentVersionAsync(unit.UnitCode, cancellationToken));
            }

            return status is 200 or 201 ? $"{status} version {version} ≠ {next}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "cancelled";
        }
        catch (HttpRequestException e)
        {
            return $"transport ({e.HttpRequestError})";
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }
}
