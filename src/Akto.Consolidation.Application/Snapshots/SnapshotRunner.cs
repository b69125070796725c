using System.Collections.Concurrent;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>Reads a scope's cut from the grains: the county register, then each unit's status.</summary>
public sealed class SnapshotCutReader(IGrainFactory grains)
{
    public async Task<SnapshotCut> TakeAsync(int year, ConsolidationScope scope, SnapshotVersions versions, CancellationToken cancellationToken)
    {
        var register = await grains.GetCounty(year).GetUnitsAsync();
        var members = SnapshotCut.InScope(register, scope).ToList();
        var statuses = new ConcurrentDictionary<string, UnitStatus>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (unit, _) =>
            statuses[unit.UnitCode] = await grains.GetBudgetUnit(year, unit.UnitCode).GetStatusAsync());
        return SnapshotCut.Take(year, scope, versions, members, statuses);
    }
}

/// <summary>
/// How a run renders and stores: the <paramref name="Formats"/> of every item (<see cref="SnapshotRendering.DefaultFormats"/>
/// when null), at most about <paramref name="BatchFiles"/> files per transaction (whole items per batch).
/// </summary>
public sealed record SnapshotRunOptions(int BatchFiles = 48, IReadOnlyList<Reporting.DisclosureFormat>? Formats = null)
{
    public IReadOnlyList<Reporting.DisclosureFormat> RenderedFormats => Formats ?? SnapshotRendering.DefaultFormats;
}

/// <summary>
/// Test seam, off unless configured (<c>Akto:Snapshots:FailAfterFiles</c>, set only by tests): a run throws once per
/// snapshot after storing this many files, so that the retried run can be seen to finish without duplicates.
/// </summary>
public sealed class SnapshotFaultInjection(int? failAfterFiles)
{
    private readonly ConcurrentDictionary<string, bool> _failed = new(StringComparer.Ordinal);

    public void AfterStored(string snapshotId, int storedThisRun)
    {
        if (failAfterFiles is { } limit && storedThisRun >= limit && _failed.TryAdd(snapshotId, true))
        {
            throw new InvalidOperationException($"注入的故障 (injected failure) after {storedThisRun} files of snapshot {snapshotId}");
        }
    }
}

/// <summary>
/// Writes a claimed snapshot: reads the cut's documents (write-once versions), reconciles the cut's scopes and records what
/// was found and repaired, renders every unit, department and the county, and stores the files in batches. Safe to run
/// again after a failure: files already stored are not written twice, and only a complete set marks the snapshot completed.
/// </summary>
public sealed class SnapshotRunner(
    IGrainFactory grains,
    ClusterCatalogs catalogs,
    ISnapshotStore store,
    SnapshotFaultInjection faults,
    SnapshotRunOptions options,
    ISnapshotPdfPrinter? printer = null)
{
    public async Task RunAsync(string snapshotId, Action<SnapshotProgress>? progress, CancellationToken cancellationToken)
    {
        var snapshot = await store.FindAsync(snapshotId, cancellationToken)
            ?? throw new InvalidOperationException($"快照 {snapshotId} 不存在 (no such snapshot)");
        if (snapshot.Summary.Status == SnapshotStatus.Completed)
        {
            return;
        }

        try
        {
            await WriteAsync(snapshot, progress, cancellationToken);
        }
        catch (Exception ex)
        {
            await store.FailAsync(snapshotId, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task WriteAsync(SnapshotRecord snapshot, Action<SnapshotProgress>? progress, CancellationToken cancellationToken)
    {
        var id = snapshot.Summary.Id;
        var year = snapshot.Summary.Year;
        var scope = ConsolidationScope.Parse(snapshot.Summary.Scope);
        SnapshotVersionsText.TryParse(snapshot.Summary.Versions, out var versions);
        var cut = new SnapshotCut(year, scope, versions, snapshot.Units, snapshot.Omitted);
        var catalog = await catalogs.FindAsync(year) ?? throw new CatalogNotFoundException(year);

        var documents = new ConcurrentDictionary<string, BudgetDocument>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(cut.Units, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (unit, _) =>
        {
            var version = await grains.GetBudgetUnit(year, unit.UnitCode).GetAsync(unit.Version)
                ?? throw new InvalidOperationException($"单位 {unit.UnitCode} 没有第 {unit.Version} 版 (version missing)");
            documents[unit.UnitCode] = version.Document;
        });

        var items = SnapshotRendering.Items(cut, documents, catalog);
        await store.StartAttemptAsync(id, items.Count, cancellationToken);
        if (snapshot.Reconciliation is null)
        {
            await store.RecordReconciliationAsync(id, await ReconcileAsync(cut, cancellationToken), cancellationToken);
        }

        var formats = options.RenderedFormats;
        var stored = (await store.ListFilesAsync(id, cancellationToken)).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var batch = new List<SnapshotFile>();
        int done = 0, storedThisRun = 0;

        // Items are rendered a window at a time on every core (rendering is pure CPU work), and stored in their order.
        foreach (var window in items.Chunk(Math.Max(2, Environment.ProcessorCount * 2)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rendered = await Task.WhenAll(window.Select(item => item.Paths(formats).All(stored.Contains)
                ? Task.FromResult<IReadOnlyList<SnapshotFile>>([])
                : Task.Run(() => item.RenderAsync(formats, printer, cancellationToken), cancellationToken)));
            foreach (var files in rendered)
            {
                batch.AddRange(files.Where(f => !stored.Contains(f.Path)));
                done++;
                if (batch.Count >= options.BatchFiles)
                {
                    await store.StoreAsync(id, batch, done, cancellationToken);
                    storedThisRun += batch.Count;
                    batch.Clear();
                    progress?.Invoke(new SnapshotProgress(done, items.Count));
                    faults.AfterStored(id, storedThisRun);
                }
            }
        }

        await store.StoreAsync(id, batch, done, cancellationToken);
        progress?.Invoke(new SnapshotProgress(done, items.Count));
        if (!await store.CompleteAsync(id, [.. items.SelectMany(i => i.Paths(formats))], cancellationToken))
        {
            throw new InvalidOperationException($"快照 {id} 的文件不完整 (files incomplete)");
        }
    }

    private async Task<SnapshotReconciliation> ReconcileAsync(SnapshotCut cut, CancellationToken cancellationToken)
    {
        var departments = cut.Units.Select(u => u.DepartmentCode).Concat(cut.Omitted.Select(o => o.DepartmentCode))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        IEnumerable<ConsolidationScope> scopes = cut.Scope.IsCounty
            ? [ConsolidationScope.County, .. departments.Select(ConsolidationScope.Department)]
            : [cut.Scope];
        int count = 0, nodes = 0, found = 0, remaining = 0;
        var notes = new List<string>();
        foreach (var scope in scopes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = await grains.GetReconciliation().ReconcileAsync(cut.Year, scope);
            count++;
            nodes += report.NodesChecked;
            var differences = report.Differences.Length + (report.FactsDifferences.IsDefault ? 0 : report.FactsDifferences.Length);
            var left = report.Remaining.Length + (report.FactsRemaining.IsDefault ? 0 : report.FactsRemaining.Length);
            found += differences;
            remaining += left;
            if (differences > 0 || !report.MembershipRepairs.IsEmpty)
            {
                notes.Add($"{scope}: 差异 {differences}，重发单位 {report.UnitsRepublished.Length}，成员修复 {report.MembershipRepairs.Length}，剩余 {left}");
            }
        }

        return new SnapshotReconciliation(count, nodes, found, Math.Max(0, found - remaining), remaining, notes);
    }
}
