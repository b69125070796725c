using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Classification;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>A classification node's checkpoint: every child's latest entry and the node's own version.</summary>
[GenerateSerializer, Alias("akto.state.classification-node")]
public sealed class ClassificationNodeState : Storage.ICheckpointState
{
    /// <summary>Contributor (unit code at leaves, child code above) → latest entry, zero entries kept as tombstones.</summary>
    [Id(0)]
    public Dictionary<string, NodeChildState> Children { get; set; } = [];

    /// <summary>Increases whenever the node's sum changes: the version it forwards to its parent.</summary>
    [Id(1)]
    public long Sequence { get; set; }

    /// <summary>How many activations this node has had (the first is 1); the high bits of the versions it forwards.</summary>
    [Id(2)]
    public long Incarnation { get; set; }

    /// <summary>
    /// True only when written by a deactivation, after which nothing more arrived: the checkpoint holds everything the node
    /// had. A checkpoint of a running activation may be behind what it received until it stopped.
    /// </summary>
    [Id(3)]
    public bool Clean { get; set; }
}

[GenerateSerializer, Immutable, Alias("akto.state.node-child")]
public sealed record NodeChildState(
    [property: Id(0)] long Version,
    [property: Id(1)] Measures Measures,
    [property: Id(2)] ImmutableArray<ProjectShare> Projects,
    [property: Id(3)] int? DocumentVersion);
