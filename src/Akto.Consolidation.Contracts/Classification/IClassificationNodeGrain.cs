using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Classification;

/// <summary>
/// One node of a classification tree of a scope (key <see cref="NodeKey"/>). It keeps each child's latest
/// <i>absolute</i> contribution with its version, ignores stale versions, and forwards its own sum to its parent on a short
/// cadence, so duplicated, lost-then-resent and reordered messages cannot make totals drift. Leaves' children are units
/// (contributor = unit code, version = the unit's contribution sequence); other nodes' children are child codes. Only
/// children call parents.
/// </summary>
public interface IClassificationNodeGrain : IGrainWithStringKey
{
    /// <summary>A child's absolute figures. Returns once they are stored.</summary>
    Task ContributeAsync(NodeContribution contribution);

    [ReadOnly]
    Task<NodeSnapshot> GetAsync();

    [ReadOnly]
    Task<NodeStats> GetStatsAsync();

    /// <summary>
    /// Sends this node's stored sum to its parent now and waits for it to be stored there (reconciliation). With
    /// <paramref name="force"/> the parent takes it whatever version it holds.
    /// </summary>
    Task ResendAsync(bool force);

    /// <summary>
    /// Sends what the node has not yet forwarded to its parent now, after any forward in flight, and waits until it is
    /// stored there: a silo about to stop flushes its nodes leaves first, while their parents can still take it.
    /// </summary>
    Task FlushAsync();
}

/// <summary>A child's contribution to a node.</summary>
/// <param name="Contributor">The unit code (leaves) or the child node's code.</param>
/// <param name="Version">Increases with every change of the contributor's figures; older versions are ignored.</param>
/// <param name="Measures">The contributor's absolute figures at this node (zero withdraws it).</param>
/// <param name="Projects">At leaves: the unit's projects on this code.</param>
/// <param name="DocumentVersion">At leaves: the unit's document version the figures come from.</param>
/// <param name="Force">Reconciliation: replace the stored entry whatever its version.</param>
[GenerateSerializer, Immutable, Alias("akto.node-contribution")]
public sealed record NodeContribution(
    [property: Id(0)] string Contributor,
    [property: Id(1)] long Version,
    [property: Id(2)] Measures Measures,
    [property: Id(3)] ImmutableArray<ProjectShare> Projects,
    [property: Id(4)] int? DocumentVersion,
    [property: Id(5)] bool Force = false);

/// <summary>A project's money on one classification code (项目).</summary>
[GenerateSerializer, Immutable, Alias("akto.project-share")]
public sealed record ProjectShare(
    [property: Id(0)] string ProjectCode,
    [property: Id(1)] string ProjectName,
    [property: Id(2)] decimal Amount);

/// <summary>A node's sum and the entry it keeps for every child.</summary>
[GenerateSerializer, Immutable, Alias("akto.node-snapshot")]
public sealed record NodeSnapshot(
    [property: Id(0)] NodeKey Key,
    [property: Id(1)] Measures Measures,
    [property: Id(2)] long Sequence,
    [property: Id(3)] ImmutableArray<NodeChild> Children);

[GenerateSerializer, Immutable, Alias("akto.node-child")]
public sealed record NodeChild(
    [property: Id(0)] string Contributor,
    [property: Id(1)] long Version,
    [property: Id(2)] Measures Measures,
    [property: Id(3)] ImmutableArray<ProjectShare> Projects,
    [property: Id(4)] int? DocumentVersion);

/// <summary>Load on one node since its activation: how many calls reached it and what became of them.</summary>
[GenerateSerializer, Immutable, Alias("akto.node-stats")]
public sealed record NodeStats(
    [property: Id(0)] NodeKey Key,
    [property: Id(1)] long CallsReceived,
    [property: Id(2)] long Applied,
    [property: Id(3)] long StaleIgnored,
    [property: Id(4)] long ForwardsSent);
