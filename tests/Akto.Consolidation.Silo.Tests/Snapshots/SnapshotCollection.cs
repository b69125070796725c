namespace Akto.Consolidation.Silo.Tests.Snapshots;

/// <summary>
/// The snapshot tests run one silo at a time: run side by side in one process, an embedded silo's snapshot job was
/// never picked up while a PostgreSQL silo was running (Hangfire keeps process-wide state, e.g. <c>JobStorage.Current</c>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SnapshotCollection
{
    public const string Name = "snapshots";
}
