using System.Diagnostics;
using Akto.Consolidation.LoadDriver.Data;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>
/// Staleness from acknowledgement to visibility, per scope; <c>Failed</c> counts probe submissions not acknowledged,
/// <c>NotSeen</c> acknowledged versions not visible within 5 s.
/// </summary>
public sealed record StalenessResult(Samples County, Samples Department, int Submitted, int Failed, int NotSeenCounty, int NotSeenDepartment);

/// <summary>
/// Resubmits the probe unit every 250 ms with a new amount and, from the moment the PUT is acknowledged, polls the
/// county's and the probe department's function trees (depth 3, as a reader would) until the probe's 项 shows the
/// new amount. Runs beside a submission phase, so it measures staleness under load.
/// </summary>
public static class StalenessProbe
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    public static async Task<StalenessResult> RunAsync(AktoHttp http, ProbeUnit probe, Ledger ledger, TimeSpan duration, CancellationToken cancellationToken)
    {
        var county = new Samples();
        var department = new Samples();
        int submitted = 0, failed = 0, notSeenCounty = 0, notSeenDepartment = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
        {
            var cycle = Stopwatch.GetTimestamp();
            var current = ledger.ProbeAcknowledged;
            var next = current + 1;
            ledger.ProbeSent = next;
            var (status, version) = await TrySubmitAsync(http, probe, current, next, cancellationToken);
            if (status is not (200 or 201) || version != next)
            {
                // Not acknowledged (a timeout, a 409 after a PUT that was applied unacknowledged): catch up and go on.
                failed++;
                ledger.ProbeAcknowledged = await http.GetCurrentVersionAsync(ProbeUnit.UnitCode, cancellationToken);
                continue;
            }

            var acknowledged = Stopwatch.GetTimestamp();
            ledger.ProbeAcknowledged = next;
            submitted++;
            var amount = ProbeUnit.AmountOf(next);
            var seen = await Task.WhenAll(
                WaitVisibleAsync(http, "county", probe.FunctionCode, amount, acknowledged, county, cancellationToken),
                WaitVisibleAsync(http, probe.DepartmentScope, probe.FunctionCode, amount, acknowledged, department, cancellationToken));
            notSeenCounty += seen[0] ? 0 : 1;
            notSeenDepartment += seen[1] ? 0 : 1;
            var rest = Period - Stopwatch.GetElapsedTime(cycle);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }
        }

        return new StalenessResult(county, department, submitted, failed, notSeenCounty, notSeenDepartment);
    }

    private static async Task<(int Status, int? Version)> TrySubmitAsync(AktoHttp http, ProbeUnit probe, int current, int next, CancellationToken cancellationToken)
    {
        try
        {
            return await http.PutBudgetAsync(ProbeUnit.UnitCode, probe.Document(next), current == 0 ? null : current, cancellationToken);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return (0, null);
        }
    }

    private static async Task<bool> WaitVisibleAsync(AktoHttp http, string scope, string functionCode, decimal amount, long acknowledged, Samples samples, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetElapsedTime(acknowledged) < GiveUp)
        {
            using var tree = await http.GetTreeAsync(scope, 3, cancellationToken);
            if (AktoHttp.FindTotal(tree.RootElement, functionCode) == amount)
            {
                samples.AddSince(acknowledged);
                return true;
            }
        }

        return false;
    }
}
