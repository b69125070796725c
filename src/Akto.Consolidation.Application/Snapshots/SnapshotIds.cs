using System.Text.RegularExpressions;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>快照编号: a new snapshot's id (a version-7 GUID, 32 lower-case hex digits, in time order) and its check.</summary>
public static partial class SnapshotIds
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
