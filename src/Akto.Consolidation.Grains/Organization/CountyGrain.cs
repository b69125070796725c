using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;

namespace Akto.Consolidation.Grains.Organization;

/// <summary>全县: the register of the year's units and their departments.</summary>
public sealed class CountyGrain(
    [PersistentState(GrainStorage.CountyState, GrainStorage.ProviderName)] IPersistentState<CountyState> state) : Grain, ICountyGrain
{
    private int _year;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _) = GrainKeys.Split(this.GetPrimaryKeyString(), 1);
        return Task.CompletedTask;
    }

    public async Task RegisterAsync(CountyUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var known = state.State.Units.TryGetValue(unit.UnitCode, out var existing);
        if (known && existing == unit)
        {
            return;
        }

        state.State.Units[unit.UnitCode] = unit;
        await state.WriteStateAsync();
        if (!known)
        {
            Watchers.Notify(GrainFactory, _year, state.State.Watchers, unit.UnitCode);
        }
    }

    public async Task<ImmutableArray<string>> ResolveMembersAsync(string watcher, ImmutableArray<string> unitCodes)
    {
        if (Watchers.Watch(state.State.Watchers, watcher, unitCodes))
        {
            await state.WriteStateAsync();
        }

        return [.. unitCodes.Where(state.State.Units.ContainsKey)];
    }

    public Task<ImmutableArray<CountyUnit>> GetUnitsAsync() =>
        Task.FromResult<ImmutableArray<CountyUnit>>([.. state.State.Units.Values.OrderBy(u => u.UnitCode, StringComparer.Ordinal)]);
}
