using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Akto.Consolidation.Domain.Classification;

/// <summary>Where the catalogs of each budget year come from.</summary>
public interface IClassificationCatalogs
{
    /// <summary>The catalog of <paramref name="year"/>, or null when there is none.</summary>
    ClassificationCatalog? Find(int year);
}

/// <summary>One layer of catalog files: a tree of a year, or null when this layer does not have it.</summary>
public interface ICatalogTreeSource
{
    CatalogTreeFile? Find(int year, ClassificationTree tree);
}

/// <summary>
/// A layer that may also bring the year's 公开表显示名称 (<c>display-names-{year}.csv</c>); the first layer that has a file
/// wins, else the shipped overrides apply.
/// </summary>
public interface IDisplayNameSource
{
    /// <summary>The overrides of <paramref name="year"/>, or null when this layer has no file for it.</summary>
    IReadOnlyList<DisplayNameOverride>? FindDisplayNames(int year);
}

/// <summary>A budget year the system has no classification catalog for: every command and request on it is refused clearly.</summary>
public sealed class CatalogNotFoundException(int year)
    : Exception($"预算年度 {year} 没有科目目录 (no classification catalog for {year})")
{
    public int Year { get; } = year;
}

/// <summary>A catalog file that does not pass <see cref="CatalogLoader"/>'s checks; <see cref="Problems"/> lists them all.</summary>
public sealed class CatalogLoadException(string file, IReadOnlyList<CatalogProblem> problems)
    : Exception($"科目目录 {file} 有 {problems.Count} 处错误 (invalid classification catalog):\n" + string.Join("\n", problems))
{
    public string File { get; } = file;

    public IReadOnlyList<CatalogProblem> Problems { get; } = problems;
}

public static class ClassificationCatalogSourceExtensions
{
    public static bool TryGet(this IClassificationCatalogs catalogs, int year, [MaybeNullWhen(false)] out ClassificationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        catalog = catalogs.Find(year);
        return catalog is not null;
    }

    /// <summary>The catalog of <paramref name="year"/>; <see cref="CatalogNotFoundException"/> when there is none.</summary>
    public static ClassificationCatalog Get(this IClassificationCatalogs catalogs, int year)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        return catalogs.Find(year) ?? throw new CatalogNotFoundException(year);
    }
}

/// <summary>
/// The catalogs of the system: the shipped defaults (<c>seeds/classification</c>, embedded in this assembly), optionally
/// under an override directory whose files replace the shipped ones per year and tree. Catalogs imported on a running
/// cluster are one more layer on top, added by the cluster (it knows when they change).
/// </summary>
public static class ClassificationCatalogs
{
    /// <summary>The shipped catalogs only.</summary>
    public static IClassificationCatalogs Shipped { get; } = new LayeredCatalogs([EmbeddedCatalogTrees.Instance]);

    /// <summary>The shipped catalogs under an override directory (none when <paramref name="directory"/> is null or empty).</summary>
    public static IClassificationCatalogs WithOverrides(string? directory) =>
        string.IsNullOrWhiteSpace(directory) ? Shipped : new LayeredCatalogs([new DirectoryCatalogTrees(directory), EmbeddedCatalogTrees.Instance]);

    /// <summary>The file name of a tree of a year: <c>function-2024.csv</c>.</summary>
    public static string FileName(ClassificationTree tree, int year) => $"{ClassificationCodes.TreeName(tree)}-{year}.csv";
}

/// <summary>
/// Layers of tree files, the first that has a tree winning; each year's catalog is built once and kept, so asking for
/// it again costs a dictionary look-up.
/// </summary>
public sealed class LayeredCatalogs(IReadOnlyList<ICatalogTreeSource> layers) : IClassificationCatalogs
{
    private readonly ConcurrentDictionary<int, ClassificationCatalog?> _cache = new();

    public IReadOnlyList<ICatalogTreeSource> Layers { get; } = layers;

    public ClassificationCatalog? Find(int year) => _cache.GetOrAdd(year, Build, Layers);

    /// <summary>The tree of a year from the first layer that has it.</summary>
    public CatalogTreeFile? FindTree(int year, ClassificationTree tree) => FindTree(Layers, year, tree);

    /// <summary>A catalog from layers, uncached: the cluster builds one per imported version.</summary>
    public static ClassificationCatalog? Build(int year, IReadOnlyList<ICatalogTreeSource> layers) =>
        FindTree(layers, year, ClassificationTree.Function) is { } function && FindTree(layers, year, ClassificationTree.Economic) is { } economic
            ? new ClassificationCatalog(function, economic, layers.OfType<IDisplayNameSource>().Select(l => l.FindDisplayNames(year)).FirstOrDefault(d => d is not null))
            : null;

    private static CatalogTreeFile? FindTree(IReadOnlyList<ICatalogTreeSource> layers, int year, ClassificationTree tree)
    {
        foreach (var layer in layers)
        {
            if (layer.Find(year, tree) is { } file)
            {
                return file;
            }
        }

        return null;
    }
}

/// <summary>The shipped catalogs: <c>seeds/classification/*.csv</c> embedded as <c>catalogs/{tree}-{year}.csv</c>.</summary>
public sealed class EmbeddedCatalogTrees : ICatalogTreeSource
{
    public static EmbeddedCatalogTrees Instance { get; } = new();

    private readonly ConcurrentDictionary<(int, ClassificationTree), CatalogTreeFile?> _cache = new();

    private EmbeddedCatalogTrees()
    {
    }

    public CatalogTreeFile? Find(int year, ClassificationTree tree) => _cache.GetOrAdd((year, tree), static key =>
    {
        var (year, tree) = key;
        var name = $"catalogs/{ClassificationCatalogs.FileName(tree, year)}";
        using var stream = typeof(EmbeddedCatalogTrees).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var result = CatalogLoader.Load(reader.ReadToEnd(), year, tree);
        return result.File ?? throw new CatalogLoadException(name, result.Problems);
    });
}

/// <summary>
/// An override directory (<c>Akto:CatalogDirectory</c>, <c>akto --catalogs DIR</c>): its <c>{tree}-{year}.csv</c> files
/// replace the shipped ones, and its <c>display-names-{year}.csv</c> the shipped 公开表显示名称 of that year. A file there that does not pass the checks is an error, not silently skipped: an operator
/// who put it there meant it to count.
/// </summary>
public sealed class DirectoryCatalogTrees(string directory) : ICatalogTreeSource, IDisplayNameSource
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public IReadOnlyList<DisplayNameOverride>? FindDisplayNames(int year)
    {
        var path = Path.Combine(Directory, DisplayNames.FileName(year));
        if (!File.Exists(path))
        {
            return null;
        }

        var (overrides, problems) = DisplayNames.Load(File.ReadAllText(path));
        return problems.Count == 0 ? overrides : throw new CatalogLoadException(path, problems);
    }

    public CatalogTreeFile? Find(int year, ClassificationTree tree)
    {
        var path = Path.Combine(Directory, ClassificationCatalogs.FileName(tree, year));
        if (!File.Exists(path))
        {
            return null;
        }

        var result = CatalogLoader.Load(File.ReadAllText(path), year, tree);
        return result.File ?? throw new CatalogLoadException(path, result.Problems);
    }
}
