using System.Diagnostics;
using Akto.Consolidation.LoadDriver.Data;

namespace Akto.Consolidation.LoadDriver.Phases;

/// <summary>What the recovery check found.</summary>
/// <param name="AcknowledgedBeforeKill">Submissions acknowledged during the load the kill interrupted.</param>
/// <param name="UnitsChecked">Units whose stored version was read back (all loaded units when the budget allowed).</param>
/// <param name="Lost">Units whose stored version is below the acknowledged one: acknowledged data lost.</param>
/// <param name="RestartTime">From SIGKILL until the restarted silo was healthy.</param>
/// <param name="ExactAfter">From SIGKILL until the county root equalled the recomputed sum; null when it never did in time.</param>
/// <param name="ReconciledAfter">
/// When the root was not exact by half the budget left after the read-back: the time from SIGKILL at which 对账 (POST …/reconcile) was asked
/// for, and the differences it reported.
/// </param>
public sealed record RecoveryResult(int AcknowledgedBeforeKill, int UnitsChecked, int UnitsToCheck, int Lost, IReadOnlyList<string> LostExamples,
    TimeSpan RestartTime, TimeSpan? ExactAfter, decimal Expected, decimal? LastSeen, (TimeSpan At, int Differences)? ReconciledAfter = null);

/// <summary>
/// SIGKILLs the silo at the peak of a submission load, restarts it, reads back every loaded unit's current version
/// (none may be below its acknowledged version), recomputes the county root from the versions actually stored, and
/// times how long the restarted silo takes to show exactly that root.
/// </summary>
public static class RecoveryPhase
{
    public static async Task<RecoveryResult> RunAsync(RunContext run, int count, int clients, TimeSpan loadBeforeKill, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var acknowledgedBefore = Enumerable.Range(0, count).Sum(run.Ledger.Acknowledged);
        var submissions = SubmissionPhase.RunAsync(run.Http, run.Set, count, run.Ledger, clients, loadBeforeKill + TimeSpan.FromMinutes(1), once: false, load.Token);
        await Task.Delay(loadBeforeKill, cancellationToken);
        var killed = Stopwatch.GetTimestamp();
        await run.KillSiloAsync();
        await load.CancelAsync();
        await submissions;
        var acknowledgedByKill = Enumerable.Range(0, count).Sum(run.Ledger.Acknowledged) - acknowledgedBefore;

        await run.RestartSiloAsync(cancellationToken);
        var restartTime = Stopwatch.GetElapsedTime(killed);

        // Read back every unit that may hold a version: acknowledged, or sent when the silo died.
        var toCheck = Enumerable.Range(0, count).Where(i => run.Ledger.Sent(i) > 0).ToArray();
        var stored = new int[count];
        var lost = new List<string>();
        var checkedUnits = 0;
        var checkedAt = Stopwatch.GetTimestamp();
        using var checkBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        checkBudget.CancelAfter(budget);
        try
        {
            await Parallel.ForEachAsync(toCheck, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = checkBudget.Token }, async (i, ct) =>
            {
                var unit = run.Set.Units[i];
                stored[i] = await run.Http.GetCurrentVersionAsync(unit.UnitCode, ct);
                Interlocked.Increment(ref checkedUnits);
                if (stored[i] < run.Ledger.Acknowledged(i))
                {
                    lock (lost)
                    {
                        lost.Add($"{unit.UnitCode}: stored {stored[i]} < acknowledged {run.Ledger.Acknowledged(i)}");
                    }
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The budget ran out: the report says how many units were checked.
        }

        var probeStored = await run.Http.GetCurrentVersionAsync(ProbeUnit.UnitCode, cancellationToken);
        if (checkedUnits < toCheck.Length)
        {
            return new RecoveryResult(acknowledgedByKill, checkedUnits, toCheck.Length, lost.Count, lost.Take(5).ToList(), restartTime, null, 0m, null);
        }

        // From here on the ledger follows what is stored, so later phases continue from the truth.
        for (var i = 0; i < count; i++)
        {
            run.Ledger.MarkAcknowledged(i, stored[i]);
        }

        run.Ledger.ProbeAcknowledged = probeStored;
        var expected = new County(run.Set, run.Probe, stored, probeStored).FunctionRootTotal();
        decimal? seen = null;
        (TimeSpan, int)? reconciled = null;
        var rootCheckedAt = Stopwatch.GetTimestamp();
        var rootBudget = budget - Stopwatch.GetElapsedTime(checkedAt);
        while (Stopwatch.GetElapsedTime(checkedAt) < budget)
        {
            seen = await run.Http.GetCountyTotalAsync(cancellationToken);
            if (seen == expected)
            {
                return new RecoveryResult(acknowledgedByKill, checkedUnits, toCheck.Length, lost.Count, lost.Take(5).ToList(), restartTime, Stopwatch.GetElapsedTime(killed), expected, seen, reconciled);
            }

            if (reconciled is null && Stopwatch.GetElapsedTime(rootCheckedAt) > rootBudget / 2)
            {
                // The trees did not converge by themselves: the hourly 对账 would repair them; ask for it now.
                try
                {
                    reconciled = (Stopwatch.GetElapsedTime(killed), await run.Http.ReconcileCountyAsync(cancellationToken));
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Reported as -1 differences: 对账 itself did not answer.
                    Console.WriteLine($"  对账 failed: {exception.Message}");
                    reconciled = (Stopwatch.GetElapsedTime(killed), -1);
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        // 对账 answers once it has repaired: look once more, so a repair that ended with the budget still counts.
        if (reconciled is not null && (seen = await run.Http.GetCountyTotalAsync(cancellationToken)) == expected)
        {
            return new RecoveryResult(acknowledgedByKill, checkedUnits, toCheck.Length, lost.Count, lost.Take(5).ToList(), restartTime, Stopwatch.GetElapsedTime(killed), expected, seen, reconciled);
        }

        return new RecoveryResult(acknowledgedByKill, checkedUnits, toCheck.Length, lost.Count, lost.Take(5).ToList(), restartTime, null, expected, seen, reconciled);
    }
}
