namespace Akto.Consolidation.Silo.Jobs;

/// <summary>What one run of the reconcile job found over every scope and year: nodes checked, differences found and repaired.</summary>
public sealed record ReconciliationSummary(int Checked, int Found, int Repaired, IReadOnlyList<string> Notes);

/// <summary>
/// Re-derives department and county consolidations from the units' latest versions and repairs drift
/// (a lost push, a replayed stale version). Implemented over the consolidation grains; the job only schedules it.
/// </summary>
public interface IConsolidationReconciler
{
    Task<ReconciliationSummary> ReconcileAsync(CancellationToken cancellationToken);
}

/// <summary>The recurring job <c>reconcile-consolidation</c> (hourly by default, <c>Akto__Jobs__ReconcileCron</c>).</summary>
public sealed class ReconcileConsolidationJob(IConsolidationReconciler reconciler) : IScheduledJob
{
    public const string JobId = "reconcile-consolidation";

    public async Task<JobRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var report = await reconciler.ReconcileAsync(cancellationToken);
        var summary = $"检查 {report.Checked}，发现 {report.Found}，修复 {report.Repaired}"
            + (report.Notes.Count > 0 ? "; " + string.Join("; ", report.Notes) : "");
        return new JobRunResult(report.Checked, report.Found, report.Repaired, summary);
    }
}
