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
