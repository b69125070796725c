namespace Akto.Consolidation.Application.Snapshots;

/// <summary>Where a snapshot is: being written, complete (every file stored), or failed (its run will be retried).</summary>
public static class SnapshotStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}

/// <summary>Rendering work done (units, departments, county) of the total.</summary>
public sealed record SnapshotProgress(int Done, int Total);

/// <summary>What reconciling the cut's scopes found and repaired (对账), recorded with the snapshot.</summary>
public sealed record SnapshotReconciliation(int ScopesChecked, int NodesChecked, int DifferencesFound, int Repaired, int Remaining, IReadOnlyList<string> Notes)
{
    public string Summary => $"对账 {ScopesChecked} 个范围、{NodesChecked} 个节点：发现差异 {DifferencesFound}，修复 {Repaired}，剩余 {Remaining}";
}

/// <summary>A snapshot as listed.</summary>
public sealed record SnapshotSummary(
    string Id,
    int Year,
    string Scope,
    string Versions,
    string Trigger,
    string RequestedBy,
    DateTimeOffset AsOf,
    string Status,
    SnapshotProgress Progress,
    string CutDigest,
    bool Published,
    DateTimeOffset? CompletedAt,
    string? Error);

/// <summary>A snapshot with its cut and reconciliation.</summary>
public sealed record SnapshotRecord(SnapshotSummary Summary, IReadOnlyList<CutUnit> Units, IReadOnlyList<OmittedUnit> Omitted, SnapshotReconciliation? Reconciliation, int Attempts);

/// <summary>A stored file without its bytes.</summary>
public sealed record StoredFileInfo(string Path, string ContentType, string Sha256, int Bytes);

/// <summary>A stored file with its bytes.</summary>
public sealed record StoredFile(string Path, string ContentType, string Sha256, byte[] Content);

/// <summary>A new snapshot's row, or the cut a request wants.</summary>
public sealed record SnapshotClaim(string NewId, SnapshotCut Cut, string Trigger, string RequestedBy, DateTimeOffset AsOf);

public enum ClaimOutcome
{
    /// <summary>The last completed snapshot of the same year, scope and versions has this cut: nothing was created.</summary>
    Unchanged,

    /// <summary>A new snapshot row, to be written.</summary>
    Created,

    /// <summary>A snapshot of this cut is running or failed: the same row is written on (never a second one).</summary>
    Resumed,
}

public sealed record ClaimResult(string Id, ClaimOutcome Outcome);

/// <summary>
/// The snapshots of the deployment's database (<c>akto_snapshots</c>, <c>akto_snapshot_files</c>): rows are claimed under a
/// lock per (year, scope, versions), files are written once (unique per snapshot and path) in transactions, and a snapshot
/// is marked completed only when every expected file is stored.
/// </summary>
public interface ISnapshotStore
{
    Task<ClaimResult> ClaimAsync(SnapshotClaim claim, CancellationToken cancellationToken);

    Task<SnapshotRecord?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<SnapshotSummary>> ListAsync(int? year, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredFileInfo>> ListFilesAsync(string id, CancellationToken cancellationToken);

    Task<StoredFile?> ReadFileAsync(string id, string path, CancellationToken cancellationToken);

    /// <summary>
    /// The contents of every file called <paramref name="fileName"/> in any folder of the snapshot (e.g. each
    /// <c>{folder}/tables.json</c>) whose path <paramref name="include"/> accepts, in one read: path → bytes.
    /// </summary>
    Task<IReadOnlyDictionary<string, byte[]>> ReadFilesNamedAsync(string id, string fileName, Func<string, bool> include, CancellationToken cancellationToken);

    /// <summary>A run starts (again): status running, one more attempt, the total of rendering work.</summary>
    Task StartAttemptAsync(string id, int total, CancellationToken cancellationToken);

    Task RecordReconciliationAsync(string id, SnapshotReconciliation reconciliation, CancellationToken cancellationToken);

    /// <summary>Stores files that are not stored yet, in one transaction, with the progress reached after them.</summary>
    Task StoreAsync(string id, IReadOnlyList<SnapshotFile> files, int done, CancellationToken cancellationToken);

    /// <summary>Marks the snapshot completed when exactly <paramref name="expectedPaths"/> are stored; false otherwise.</summary>
    Task<bool> CompleteAsync(string id, IReadOnlyCollection<string> expectedPaths, CancellationToken cancellationToken);

    Task FailAsync(string id, string error, CancellationToken cancellationToken);

    /// <summary>Marks a completed snapshot published (never deleted by retention). Null: no such snapshot; false: not completed.</summary>
    Task<bool?> PublishAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes unpublished snapshots of <paramref name="trigger"/> completed before <paramref name="before"/>,
    /// files and all, except the newest completed snapshot of each year, scope and versions (an unchanged cut answers with it).
    /// </summary>
    Task<int> DeleteUnpublishedAsync(string trigger, DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>Runs a claimed snapshot in the background (Hangfire in the silo).</summary>
public interface ISnapshotScheduler
{
    void Enqueue(string snapshotId);
}
