using Orleans.Runtime;

namespace Akto.Consolidation.Silo.Tests.Infrastructure;

/// <summary>
/// A small persistent grain for the persistence tests: the storage provider is the point, so this stands
/// in for the real budget grains. String keys like the real ones ("{year}/{unitCode}").
/// </summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<CounterState> AddAsync(string note);

    Task<CounterState> GetAsync();

    Task ClearAsync();

    /// <summary>The silo this activation lives on.</summary>
    Task<string> WhereAsync();
}

[GenerateSerializer, Alias("akto.tests.counter-state")]
public sealed class CounterState
{
    [Id(0)] public int Count { get; set; }

    [Id(1)] public List<string> Notes { get; set; } = [];
}

public sealed class CounterGrain(
    [PersistentState("test-counter", "budget")] IPersistentState<CounterState> state,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public async Task<CounterState> AddAsync(string note)
    {
        state.State.Count++;
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
        return state.State;
    }

    public Task<CounterState> GetAsync() => Task.FromResult(state.State);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
