using Akto.Consolidation.Contracts.Units;

namespace Akto.Consolidation.Grains.Units;

/// <summary>
/// 修订记录: one accepted version of a unit's budget, written once by its unit. Versions are read rarely (history, a diff,
/// a snapshot of an old cut, the consolidated tables), so a stored one leaves memory at once and a read one soon.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class BudgetVersionGrain(
    [PersistentState(GrainStorage.BudgetVersionState, GrainStorage.ProviderName)] IPersistentState<BudgetVersionState> state) : Grain, IBudgetVersionGrain
{
    public async Task StoreAsync(BudgetVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (state.State.Version is { } stored && IsSame(stored, version))
        {
            return;
        }

        // A new object: a failed write leaves nothing half-changed for the next attempt.
        state.State = new BudgetVersionState { Version = version };
        await state.WriteStateAsync();

        // Its unit holds what it needs; whoever reads the version later loads it again.
        DeactivateOnIdle();
    }

    public Task<BudgetVersion?> GetAsync() => Task.FromResult(state.State.Version);

    /// <summary>The same version stored again by a retried command: same number, time and request.</summary>
    private static bool IsSame(BudgetVersion stored, BudgetVersion version) =>
        stored.Version == version.Version && stored.At == version.At && stored.ClientRequestId == version.ClientRequestId && stored.Author == version.Author;
}

/// <summary>Stored state of a <see cref="BudgetVersionGrain"/>.</summary>
[GenerateSerializer, Alias("akto.state.budget-version")]
public sealed class BudgetVersionState
{
    [Id(0)]
    public BudgetVersion? Version { get; set; }
}
