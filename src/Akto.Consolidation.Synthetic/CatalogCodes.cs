using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Synthetic;

/// <summary>
/// The codes a generator may book on, from one catalog: archetype codes the catalog lacks are skipped, and where none of
/// a list exists a stable fallback of the same 类 (or, failing that, of the catalog) stands in, so every document is valid
/// whatever the catalog holds.
/// </summary>
internal sealed class CatalogCodes
{
    private readonly ClassificationCatalog _catalog;
    private readonly string[] _functionItems;
    private readonly string[] _economicSections;

    public CatalogCodes(ClassificationCatalog catalog)
    {
        _catalog = catalog;
        _functionItems = [.. catalog.Entries(ClassificationTree.Function).Where(e => catalog.IsBookable(ClassificationTree.Function, e.Code)).Select(e => e.Code)];
        _economicSections = [.. catalog.Entries(ClassificationTree.Economic).Where(e => catalog.IsBookable(ClassificationTree.Economic, e.Code)).Select(e => e.Code)];
        if (_functionItems.Length == 0 || _economicSections.Length == 0)
        {
            throw new InvalidOperationException($"{catalog.Year} 年科目目录没有可列支的项级功能科目或款级经济科目 (the catalog has no bookable codes).");
        }
    }

    public int Year => _catalog.Year;

    public ClassificationCatalog Catalog => _catalog;

    public string? FirstFunction(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(c => _catalog.IsBookable(ClassificationTree.Function, c));

    public IReadOnlyList<string> Functions(IEnumerable<string> candidates) =>
        [.. candidates.Where(c => _catalog.IsBookable(ClassificationTree.Function, c)).Distinct(StringComparer.Ordinal)];

    /// <summary>The first bookable candidate, else the first bookable 项 of the first candidate's 类, else of the catalog.</summary>
    public string FunctionOrFallback(IReadOnlyList<string> candidates)
    {
        if (FirstFunction(candidates) is { } code)
        {
            return code;
        }

        var classes = candidates.Select(ClassificationCodes.ClassOf).ToHashSet(StringComparer.Ordinal);
        return _functionItems.FirstOrDefault(i => classes.Contains(ClassificationCodes.ClassOf(i))) ?? _functionItems[0];
    }

    public bool IsEconomic(string code) => _catalog.IsBookable(ClassificationTree.Economic, code);

    public IReadOnlyList<string> Economics(IEnumerable<string> candidates) =>
        [.. candidates.Where(IsEconomic).Distinct(StringComparer.Ordinal)];

    /// <summary>A bookable economic 款 for spending of this mix: a candidate, else 30299, else any 302, else the first.</summary>
    public IReadOnlyList<string> EconomicsOrFallback(IEnumerable<string> candidates)
    {
        var found = Economics(candidates);
        if (found.Count > 0)
        {
            return found;
        }

        return [IsEconomic("30299") ? "30299" : _economicSections.FirstOrDefault(s => s.StartsWith("302", StringComparison.Ordinal)) ?? _economicSections[0]];
    }
}
