using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Akto.Consolidation.Grains.Consolidation;

/// <summary>
/// A shard of a scope's consolidated facts (<see cref="IScopeFactsGrain"/>). Like a tree leaf it is a derived view: units
/// contribute absolute, versioned facts after their own write; the shard keeps each unit's latest entry and the running
/// sum (<see cref="FactsAccumulator"/>: the old facts out, the new in), acknowledges at once and checkpoints lazily. A
/// checkpoint of a running activation read back after a crash makes it ask for its scope's repair, which has the units
/// resend. The sum handed to readers is built once per change, between turns, and is immutable.
/// </summary>
[Reentrant]
public sealed class ScopeFactsGrain(
    [PersistentState(GrainStorage.ScopeFactsState, GrainStorage.ProviderName)] IPersistentState<ScopeFactsState> state,
    IOptions<ConsolidationOptions> options,
    ILogger<ScopeFactsGrain> logger) : Grain, IScopeFactsGrain
{
    private Dictionary<string, UnitFactsEntry> _entries = null!;
    private FactsAccumulator _sum = null!;
    private LazyCheckpoint<ScopeFactsState> _checkpoint = null!;
    private ScopeFactsPart? _part;
    private int _year;
    private ConsolidationScope _scope = ConsolidationScope.County;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_year, _scope, _) = ScopeFactsKey.Parse(this.GetPrimaryKeyString());
        var stored = state.State;
        _entries = new Dictionary<string, UnitFactsEntry>(stored.Entries, StringComparer.Ordinal);
        _sum = new FactsAccumulator(_year);
        foreach (var entry in _entries.Values)
        {
            if (entry.Facts is { } facts)
            {
                _sum.Add(facts);
            }
        }

        _checkpoint = new LazyCheckpoint<ScopeFactsState>(state, Snapshot, options.Value.CheckpointInterval, logger, $"Scope facts {this.GetPrimaryKeyString()}");
        await _checkpoint.StartAsync(this, GrainFactory, _year, _scope);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _checkpoint.FinalAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Scope facts {Key} could not flush on deactivation ({Reason})", this.GetPrimaryKeyString(), reason);
        }
    }

    public Task ContributeAsync(UnitFactsContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (contribution.Facts is { } incoming && incoming.Year != _year)
        {
            throw new ArgumentException($"单位 {contribution.UnitCode} 的 {incoming.Year} 年度事实不属于 {_year} 年度 (year mismatch)", nameof(contribution));
        }

        _entries.TryGetValue(contribution.UnitCode, out var existing);
        if (!contribution.Force && existing is not null && existing.Version >= contribution.Version)
        {
            return Task.CompletedTask;
        }

        Replace(existing, new UnitFactsEntry(contribution.UnitCode, contribution.Version, contribution.DocumentVersion, contribution.Facts, contribution.Transfers));
        return Task.CompletedTask;
    }

    public Task<ScopeFactsPart> GetAsync() => Task.FromResult(_part ??= BuildPart());

    public Task<ImmutableArray<UnitFactsEntry>> GetEntriesAsync() =>
        Task.FromResult<ImmutableArray<UnitFactsEntry>>([.. _entries.Values.Where(e => e.Facts is not null).OrderBy(e => e.UnitCode, StringComparer.Ordinal)]);

    private void Replace(UnitFactsEntry? existing, UnitFactsEntry next)
    {
        if (existing?.Facts is { } old)
        {
            _sum.Remove(old);
        }

        if (next.Facts is { } facts)
        {
            _sum.Add(facts);
        }

        _entries[next.UnitCode] = next;
        _part = null;
        _checkpoint.Changed();
    }

    private ScopeFactsPart BuildPart() =>
        new(
            _sum.ToFacts(),
            [.. _entries.Values
                .Where(e => e.Facts is not null)
                .OrderBy(e => e.UnitCode, StringComparer.Ordinal)
                .Select(e => new UnitVersionRef(e.UnitCode, e.DocumentVersion ?? 0))],
            [.. _entries.Values
                .Where(e => e.Facts is not null && e.Transfers is { IsEmpty: false })
                .OrderBy(e => e.UnitCode, StringComparer.Ordinal)
                .Select(e => e.Transfers!)]);

    private ScopeFactsState Snapshot(bool clean) =>
        new()
        {
            Entries = new Dictionary<string, UnitFactsEntry>(_entries, StringComparer.Ordinal),
            Clean = clean,
        };
}
