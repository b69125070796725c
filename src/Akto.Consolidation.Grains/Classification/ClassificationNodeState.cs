using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Classification;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>Stored state of a classification node: every child's latest entry and the node's own version.</summary>
[GenerateSerializer, Alias("akto.state.classification-node")]
public sealed class ClassificationNodeState
{
    /// <summary>Contributor (unit code at leaves, child code above) → latest entry, zero entries kept as tombstones.</summary>
    [Id(0)]
    public Dictionary<string, NodeChildState> Children { get; set; } = [];

    /// <summary>Increases whenever the node's sum changes: the version it forwards to its parent.</summary>
    [Id(1)]
    public long Sequence { get; set; }
}

[GenerateSerializer, Immutable, Alias("akto.state.node-child")]
public sealed record NodeChildState(
    [property: Id(0)] long Version,
    [property: Id(1)] Measures Measures,
    [property: Id(2)] ImmutableArray<ProjectShare> Projects,
    [property: Id(3)] int? DocumentVersion);
