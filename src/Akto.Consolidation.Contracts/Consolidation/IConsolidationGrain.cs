using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Contracts.Consolidation;

/// <summary>
/// Queries over consolidated figures. Stateless (any key; use 0): it reads the trees, the register and the units' current
/// versions, and consolidates with the domain's own code. Reconciliation is <see cref="IReconciliationGrain"/>'s.
/// </summary>
public interface IConsolidationGrain : IGrainWithIntegerKey
{
    /// <summary>A node of a scope's tree with its measures and its children's (child codes, or units at a leaf).</summary>
    Task<TreeNodeView> GetTreeAsync(int year, ConsolidationScope scope, ClassificationTree tree, string code);

    /// <summary>The units and projects whose money makes up a node.</summary>
    Task<DrillDownView> DrillDownAsync(int year, ConsolidationScope scope, ClassificationTree tree, string code);

    /// <summary>合并: the eliminated sum of the current versions of the scope's units.</summary>
    Task<ConsolidatedBudget> GetConsolidatedAsync(int year, ConsolidationScope scope);

    /// <summary>部门 / 全县预算公开表 1–11 of the consolidated figures, by the same code as a unit's tables.</summary>
    Task<DisclosureSet> GetDisclosureAsync(int year, ConsolidationScope scope);

    /// <summary>Calls that reached the root against those that reached the leaves, since the nodes' activation.</summary>
    Task<TreeLoad> GetTreeLoadAsync(int year, ConsolidationScope scope, ClassificationTree tree);
}

[GenerateSerializer, Immutable, Alias("akto.tree-node-view")]
public sealed record TreeNodeView(
    [property: Id(0)] NodeKey Key,
    [property: Id(1)] string Name,
    [property: Id(2)] Measures Measures,
    [property: Id(3)] ImmutableArray<TreeChildView> Children);

/// <summary>A child of a node: a classification code, or at a leaf a unit (<paramref name="IsUnit"/>).</summary>
[GenerateSerializer, Immutable, Alias("akto.tree-child-view")]
public sealed record TreeChildView(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsUnit,
    [property: Id(3)] Measures Measures);

[GenerateSerializer, Immutable, Alias("akto.drill-down-view")]
public sealed record DrillDownView(
    [property: Id(0)] NodeKey Key,
    [property: Id(1)] string Name,
    [property: Id(2)] Measures Measures,
    [property: Id(3)] ImmutableArray<UnitShare> Units);

/// <summary>One unit's money under a node, with its projects (basic spending belongs to no project).</summary>
[GenerateSerializer, Immutable, Alias("akto.unit-share")]
public sealed record UnitShare(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string UnitName,
    [property: Id(2)] int? DocumentVersion,
    [property: Id(3)] Measures Measures,
    [property: Id(4)] ImmutableArray<ProjectShare> Projects);

[GenerateSerializer, Immutable, Alias("akto.unit-version-ref")]
public sealed record UnitVersionRef([property: Id(0)] string UnitCode, [property: Id(1)] int Version);

[GenerateSerializer, Immutable, Alias("akto.consolidated-budget")]
public sealed record ConsolidatedBudget(
    [property: Id(0)] int Year,
    [property: Id(1)] ConsolidationScope Scope,
    [property: Id(2)] string Name,
    [property: Id(3)] ImmutableArray<UnitVersionRef> Units,
    [property: Id(4)] BudgetFacts Facts,
    [property: Id(5)] ImmutableArray<InternalTransfer> Transfers,
    [property: Id(6)] ImmutableArray<Finding> Findings);

/// <summary>A node (or, with <paramref name="Contributor"/>, one unit's entry at a leaf) whose figures differ from the recomputation.</summary>
[GenerateSerializer, Immutable, Alias("akto.node-difference")]
public sealed record NodeDifference(
    [property: Id(0)] string NodeKey,
    [property: Id(1)] string? Contributor,
    [property: Id(2)] Measures Expected,
    [property: Id(3)] Measures Actual);

[GenerateSerializer, Immutable, Alias("akto.reconciliation-report")]
public sealed record ReconciliationReport(
    [property: Id(0)] int Year,
    [property: Id(1)] ConsolidationScope Scope,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset CompletedAt,
    [property: Id(4)] int UnitsChecked,
    [property: Id(5)] int NodesChecked,
    [property: Id(6)] ImmutableArray<NodeDifference> Differences,
    [property: Id(7)] ImmutableArray<string> UnitsRepublished,
    [property: Id(8)] int NodesResent,
    [property: Id(9)] ImmutableArray<string> MembershipRepairs,
    [property: Id(10)] ImmutableArray<NodeDifference> Remaining,
    [property: Id(11)] ImmutableArray<FactsDifference> FactsDifferences,
    [property: Id(12)] ImmutableArray<FactsDifference> FactsRemaining)
{
    /// <summary>True when the trees and the scope's facts equal the recomputation after the repairs.</summary>
    public bool Exact => Remaining.IsEmpty && (FactsRemaining.IsDefault || FactsRemaining.IsEmpty);
}

/// <summary>A unit whose entry in a scope-facts shard differs from its facts recomputed from its current version.</summary>
/// <param name="Problem">What differs: missing, stray, figures, transfers, version or shard.</param>
[GenerateSerializer, Immutable, Alias("akto.facts-difference")]
public sealed record FactsDifference(
    [property: Id(0)] string Shard,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] string Problem);

/// <summary>How many calls reached a tree's root and leaves: the root's share shows whether the cadence shields it.</summary>
[GenerateSerializer, Immutable, Alias("akto.tree-load")]
public sealed record TreeLoad(
    [property: Id(0)] NodeKey Root,
    [property: Id(1)] int Nodes,
    [property: Id(2)] long LeafCalls,
    [property: Id(3)] long RootCalls,
    [property: Id(4)] long AllCalls)
{
    /// <summary>Root calls per leaf call.</summary>
    public double RootToLeafRatio => LeafCalls == 0 ? 0d : (double)RootCalls / LeafCalls;
}
