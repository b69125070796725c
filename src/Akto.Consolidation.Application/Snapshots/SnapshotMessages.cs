using System.Text.RegularExpressions;
using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Mediator;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>The answer to a snapshot request: the snapshot's id, and whether it is an earlier one with the same cut.</summary>
public sealed record SnapshotRequested(string Id, bool Unchanged, string Status);

/// <summary>
/// 生成快照: takes the cut of <paramref name="Scope"/> now and queues its snapshot, or answers with the last completed
/// snapshot's id when its cut is the same. Null when the scope has no units.
/// </summary>
public sealed partial record RequestSnapshotCommand(int Year, string? Scope, string? Versions, string Trigger, string RequestedBy)
    : ICommand<SnapshotRequested?>, IValidatedMessage
{
    public const string ScheduleTrigger = "schedule";

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Year is < 2000 or > 2100)
        {
            errors["year"] = ["年度应在 2000–2100 之间 (year must be 2000–2100)"];
        }

        if (Scope is null || !ConsolidationScope.TryParse(Scope, out var scope) || (!scope.IsCounty && !CodePattern().IsMatch(scope.DepartmentCode)))
        {
            errors["scope"] = ["scope 应为 county 或 department:{code} (scope must be county or department:{code})"];
        }

        if (!SnapshotVersionsText.TryParse(Versions, out _))
        {
            errors["versions"] = ["versions 应为 approved 或 latest (versions must be approved or latest)"];
        }

        return errors;
    }

    [GeneratedRegex("^[0-9A-Za-z_-]{1,32}$")]
    private static partial Regex CodePattern();
}

public sealed class RequestSnapshotHandler(SnapshotCutReader reader, ISnapshotStore store, ISnapshotScheduler scheduler)
    : ICommandHandler<RequestSnapshotCommand, SnapshotRequested?>
{
    public async ValueTask<SnapshotRequested?> Handle(RequestSnapshotCommand command, CancellationToken cancellationToken)
    {
        var scope = ConsolidationScope.Parse(command.Scope!);
        SnapshotVersionsText.TryParse(command.Versions, out var versions);
        var asOf = DateTimeOffset.UtcNow;
        var cut = await reader.TakeAsync(command.Year, scope, versions, cancellationToken);
        if (cut.Units.Count == 0 && cut.Omitted.Count == 0)
        {
            return null;
        }

        var claim = await store.ClaimAsync(new SnapshotClaim(SnapshotIds.New(), cut, command.Trigger, command.RequestedBy, asOf), cancellationToken);
        if (claim.Outcome == ClaimOutcome.Unchanged)
        {
            return new SnapshotRequested(claim.Id, true, SnapshotStatus.Completed);
        }

        scheduler.Enqueue(claim.Id);
        return new SnapshotRequested(claim.Id, false, SnapshotStatus.Running);
    }
}

public static partial class SnapshotIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}

/// <summary>Snapshots, newest first; of one year when given.</summary>
public sealed record ListSnapshotsQuery(int? Year) : IQuery<IReadOnlyList<SnapshotSummary>>;

public sealed class ListSnapshotsHandler(ISnapshotStore store) : IQueryHandler<ListSnapshotsQuery, IReadOnlyList<SnapshotSummary>>
{
    public async ValueTask<IReadOnlyList<SnapshotSummary>> Handle(ListSnapshotsQuery query, CancellationToken cancellationToken) =>
        await store.ListAsync(query.Year, cancellationToken);
}

/// <summary>A snapshot's manifest: its row, cut, reconciliation and files.</summary>
public sealed record SnapshotManifest(SnapshotRecord Snapshot, IReadOnlyList<StoredFileInfo> Files);

public sealed record GetSnapshotQuery(string Id) : IQuery<SnapshotManifest?>;

public sealed class GetSnapshotHandler(ISnapshotStore store) : IQueryHandler<GetSnapshotQuery, SnapshotManifest?>
{
    public async ValueTask<SnapshotManifest?> Handle(GetSnapshotQuery query, CancellationToken cancellationToken) =>
        await store.FindAsync(query.Id, cancellationToken) is { } snapshot
            ? new SnapshotManifest(snapshot, await store.ListFilesAsync(query.Id, cancellationToken))
            : null;
}

public sealed record GetSnapshotFileQuery(string Id, string Path) : IQuery<StoredFile?>;

public sealed class GetSnapshotFileHandler(ISnapshotStore store) : IQueryHandler<GetSnapshotFileQuery, StoredFile?>
{
    public async ValueTask<StoredFile?> Handle(GetSnapshotFileQuery query, CancellationToken cancellationToken) =>
        await store.ReadFileAsync(query.Id, query.Path, cancellationToken);
}

/// <summary>The diff of two completed snapshots, over the tables <paramref name="Visible"/> lets the caller see. Null when either is unknown.</summary>
public sealed record DiffSnapshotsQuery(string From, string To, Func<string, bool> Visible) : IQuery<SnapshotDiff?>;

public sealed class DiffSnapshotsHandler(ISnapshotStore store) : IQueryHandler<DiffSnapshotsQuery, SnapshotDiff?>
{
    public async ValueTask<SnapshotDiff?> Handle(DiffSnapshotsQuery query, CancellationToken cancellationToken)
    {
        var from = await store.FindAsync(query.From, cancellationToken);
        var to = await store.FindAsync(query.To, cancellationToken);
        if (from is null || to is null)
        {
            return null;
        }

        return SnapshotDiff.Compare(
            query.From,
            query.To,
            [.. from.Units.Where(u => query.Visible($"units/{u.UnitCode}/tables.json"))],
            [.. to.Units.Where(u => query.Visible($"units/{u.UnitCode}/tables.json"))],
            await TablesAsync(query.From, query.Visible, cancellationToken),
            await TablesAsync(query.To, query.Visible, cancellationToken));
    }

    private async Task<IReadOnlyDictionary<string, byte[]>> TablesAsync(string id, Func<string, bool> visible, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in await store.ListFilesAsync(id, cancellationToken))
        {
            if (file.Path.EndsWith("/tables.json", StringComparison.Ordinal) || file.Path == "county/tables.json")
            {
                if (visible(file.Path) && await store.ReadFileAsync(id, file.Path, cancellationToken) is { } stored)
                {
                    tables[file.Path] = stored.Content;
                }
            }
        }

        return tables;
    }
}

/// <summary>公开: marks a completed snapshot published; a published snapshot is never deleted. Null: unknown; false: not completed.</summary>
public sealed record PublishSnapshotCommand(string Id) : ICommand<bool?>;

public sealed class PublishSnapshotHandler(ISnapshotStore store) : ICommandHandler<PublishSnapshotCommand, bool?>
{
    public async ValueTask<bool?> Handle(PublishSnapshotCommand command, CancellationToken cancellationToken) =>
        await store.PublishAsync(command.Id, cancellationToken);
}
