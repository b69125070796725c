using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Consolidation;

/// <summary>
/// Repairs one scope's trees on request (key "{year}/{scope}", <see cref="GrainKeys.Scope"/>): a node that restarted
/// from a checkpoint of a running activation — its silo died — may lack contributions it had acknowledged, and asks here.
/// Requests that arrive together, or while a repair runs, are served by one more reconciliation.
/// </summary>
public interface IScopeRepairGrain : IGrainWithStringKey
{
    [OneWay]
    Task RequestAsync(string reason);

    [AlwaysInterleave]
    Task<ScopeRepairStatus> GetStatusAsync();
}

/// <summary>What a scope's repair has done since its activation.</summary>
[GenerateSerializer, Immutable, Alias("akto.scope-repair-status")]
public sealed record ScopeRepairStatus(
    [property: Id(0)] long Requests,
    [property: Id(1)] long Repairs,
    [property: Id(2)] bool Running,
    [property: Id(3)] string? LastReason,
    [property: Id(4)] ReconciliationReport? LastReport);
