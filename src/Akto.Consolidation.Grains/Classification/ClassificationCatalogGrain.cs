using System.Collections.Immutable;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Grains.Classification;

/// <summary>
/// The catalogs imported for a year (key = the year). It stores the checked CSV text, not parsed entries: the text is the
/// agreed, versioned file format, so what is stored is exactly what <c>GET …?format=csv</c> gives back and what an
/// operator would put in the override directory. Readers parse it once per version (<see cref="ClusterCatalogs"/>).
/// </summary>
public sealed class ClassificationCatalogGrain(
    [PersistentState(GrainStorage.ClassificationCatalogState, GrainStorage.ProviderName)] IPersistentState<ClassificationCatalogState> state,
    TimeProvider? timeProvider = null) : Grain, IClassificationCatalogGrain
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    private int Year => (int)this.GetPrimaryKeyLong();

    public Task<int> GetVersionAsync() => Task.FromResult(state.State.Version);

    public Task<ImportedCatalog> GetAsync() => Task.FromResult(new ImportedCatalog(
        Year, state.State.Version, state.State.FunctionCsv, state.State.EconomicCsv, state.State.UpdatedAt, state.State.UpdatedBy));

    public async Task<CatalogReplacement> ReplaceAsync(ClassificationTree tree, string csv, string author)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var result = CatalogLoader.Load(csv, Year, tree);
        if (result.File is null)
        {
            return new CatalogReplacement(false, state.State.Version, [.. result.Problems.Select(CatalogLineError.From)]);
        }

        // Stored in the canonical form, so equal catalogs are equal text whatever spacing or order they arrived in.
        var canonical = CatalogLoader.Write(result.File);
        if (tree == ClassificationTree.Function)
        {
            state.State.FunctionCsv = canonical;
        }
        else
        {
            state.State.EconomicCsv = canonical;
        }

        state.State.Version++;
        state.State.UpdatedAt = _time.GetUtcNow();
        state.State.UpdatedBy = author;
        await state.WriteStateAsync();
        return new CatalogReplacement(true, state.State.Version, ImmutableArray<CatalogLineError>.Empty);
    }
}

/// <summary>Stored state of <see cref="ClassificationCatalogGrain"/>.</summary>
[GenerateSerializer, Alias("akto.state.classification-catalog")]
public sealed class ClassificationCatalogState
{
    /// <summary>Grows with every replacement; 0 while nothing has been imported.</summary>
    [Id(0)]
    public int Version { get; set; }

    [Id(1)]
    public string? FunctionCsv { get; set; }

    [Id(2)]
    public string? EconomicCsv { get; set; }

    [Id(3)]
    public DateTimeOffset? UpdatedAt { get; set; }

    [Id(4)]
    public string? UpdatedBy { get; set; }
}
