using System.Collections.Concurrent;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Contracts.Classification;

/// <summary>
/// The catalogs a cluster uses: the catalogs imported on it (<see cref="IClassificationCatalogGrain"/>) over the host's
/// own (shipped, under <c>Akto:CatalogDirectory</c>). Asking costs one read-only grain call for the year's version; the
/// catalog is parsed once per (year, version) and kept, so a submission never re-parses one, and a replacement is seen
/// by the next request on every silo. One instance per silo (a singleton), shared by grains and request handlers.
/// </summary>
public sealed class ClusterCatalogs(IGrainFactory grains, IClassificationCatalogs hostCatalogs)
{
    private readonly ConcurrentDictionary<int, (int Version, ClassificationCatalog? Catalog)> _built = new();

    /// <summary>The host's catalogs, before any import.</summary>
    public IClassificationCatalogs HostCatalogs { get; } = hostCatalogs;

    /// <summary>The catalog of <paramref name="year"/> as it is now, or null when the year has none.</summary>
    public async Task<ClassificationCatalog?> FindAsync(int year)
    {
        var version = await grains.GetClassificationCatalog(year).GetVersionAsync();
        if (version == 0)
        {
            return HostCatalogs.Find(year);
        }

        if (_built.TryGetValue(year, out var built) && built.Version == version)
        {
            return built.Catalog;
        }

        var imported = await grains.GetClassificationCatalog(year).GetAsync();
        var catalog = Build(imported, HostCatalogs);
        _built[year] = (imported.Version, catalog);
        return catalog;
    }

    /// <summary>The current tree of a year and the version it has (0 = not imported).</summary>
    public async Task<(CatalogTreeFile? Tree, int Version)> FindTreeAsync(int year, ClassificationTree tree)
    {
        var imported = await grains.GetClassificationCatalog(year).GetAsync();
        if (imported.CsvOf(tree) is { } csv)
        {
            return (CatalogLoader.Load(csv, year, tree).File, imported.Version);
        }

        return (FindHostTree(year, tree), imported.Version);
    }

    /// <summary>The catalog of imported trees over the host's; a tree not imported is the host's.</summary>
    public static ClassificationCatalog? Build(ImportedCatalog imported, IClassificationCatalogs hostCatalogs)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var function = Tree(imported, ClassificationTree.Function, hostCatalogs);
        var economic = Tree(imported, ClassificationTree.Economic, hostCatalogs);
        // Imports replace trees only: the 公开表显示名称 stay the host's (its override directory's, else the shipped ones).
        return function is not null && economic is not null
            ? new ClassificationCatalog(function, economic, hostCatalogs.Find(imported.Year)?.DisplayNameOverrides)
            : null;
    }

    private static CatalogTreeFile? Tree(ImportedCatalog imported, ClassificationTree tree, IClassificationCatalogs hostCatalogs) =>
        imported.CsvOf(tree) is { } csv
            ? CatalogLoader.Load(csv, imported.Year, tree).File
            : FindHostTree(hostCatalogs, imported.Year, tree);

    private CatalogTreeFile? FindHostTree(int year, ClassificationTree tree) => FindHostTree(HostCatalogs, year, tree);

    private static CatalogTreeFile? FindHostTree(IClassificationCatalogs catalogs, int year, ClassificationTree tree)
    {
        if (catalogs is LayeredCatalogs layered)
        {
            return layered.FindTree(year, tree);
        }

        return catalogs.Find(year) is { } catalog
            ? new CatalogTreeFile(year, tree, catalog.Source, [.. catalog.Entries(tree)])
            : null;
    }
}
