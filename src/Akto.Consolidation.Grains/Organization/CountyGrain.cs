using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Grains.Storage;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Organization;

/// <summary>
/// 全县: the register of the year's units and their departments. Every unit registers with its first version, so the
/// register is the one grain all first submissions of a county meet: it is reentrant and commits in groups (one write
/// in flight, the registrations that arrive meanwhile share the next one), instead of one write of the whole register per
/// unit, one after another.
/// </summary>
[Reentrant]
public sealed class CountyGrain(
    [PersistentState(GrainStorage.CountyState, GrainStorage.ProviderName)] IPersistentState<CountyState> state) : Grain, ICountyGrain
{
    private int _year;
    private Dictionary<string, CountyUnit> _units = null!;
    private Dictionary<string, HashSet<string>> _watchers = null!;
    private CoalescedWriter<CountyState> _writer = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _) = GrainKeys.Split(this.GetPrimaryKeyString(), 1);
        _units = new Dictionary<string, CountyUnit>(state.State.Units, StringComparer.Ordinal);
        _watchers = Watchers.Copy(state.State.Watchers);
        _writer = new CoalescedWriter<CountyState>(state, () => new CountyState
        {
            Units = new Dictionary<string, CountyUnit>(_units, StringComparer.Ordinal),
            Watchers = Watchers.Copy(_watchers),
        });
        return Task.CompletedTask;
    }

    public async Task RegisterAsync(CountyUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var known = _units.TryGetValue(unit.UnitCode, out var existing);
        if (known && existing == unit)
        {
            return;
        }

        _units[unit.UnitCode] = unit;
        await _writer.WriteAsync();
        if (!known)
        {
            Watchers.Notify(GrainFactory, _year, _watchers, unit.UnitCode);
        }
    }

    public async Task<ImmutableArray<string>> ResolveMembersAsync(string watcher, ImmutableArray<string> unitCodes)
    {
        if (Watchers.Watch(_watchers, watcher, unitCodes))
        {
            await _writer.WriteAsync();
        }

        return [.. unitCodes.Where(_units.ContainsKey)];
    }

    public Task<ImmutableArray<CountyUnit>> GetUnitsAsync() =>
        Task.FromResult<ImmutableArray<CountyUnit>>([.. _units.Values.OrderBy(u => u.UnitCode, StringComparer.Ordinal)]);
}
