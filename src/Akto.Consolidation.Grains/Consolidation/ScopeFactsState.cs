using Akto.Consolidation.Contracts.Consolidation;

namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>A scope-facts shard's checkpoint: every unit's latest entry.</summary>
[GenerateSerializer, Alias("akto.state.scope-facts")]
public sealed class ScopeFactsState : Storage.ICheckpointState
{
    /// <summary>Unit code → its latest entry; an entry without facts is kept as a tombstone of a unit that left.</summary>
    [Id(0)]
    public Dictionary<string, UnitFactsEntry> Entries { get; set; } = [];

    /// <summary>True only when written by a deactivation (see <see cref="Classification.ClassificationNodeState.Clean"/>).</summary>
    [Id(2)]
    public bool Clean { get; set; }
}
