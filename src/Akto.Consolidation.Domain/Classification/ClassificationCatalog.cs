using System.Collections.Frozen;

namespace Akto.Consolidation.Domain.Classification;

/// <summary>Which classification tree a code belongs to.</summary>
public enum ClassificationTree
{
    /// <summary>支出功能分类: 类 (3) / 款 (5) / 项 (7 digits).</summary>
    Function,

    /// <summary>部门预算支出经济分类: 类 (3) / 款 (5 digits).</summary>
    Economic,
}

/// <summary>科目级次.</summary>
public enum ClassificationLevel
{
    /// <summary>类.</summary>
    Class,

    /// <summary>款.</summary>
    Section,

    /// <summary>项.</summary>
    Item,
}

/// <summary>One 科目 of a classification catalog.</summary>
public sealed record ClassificationEntry(string Code, string Name, ClassificationLevel Level, string? Parent, int Year);

/// <summary>
/// 科目目录: the function and economic classifications of one budget year. A pure value: where it comes from (the
/// shipped <c>seeds/classification</c>, an override directory, a catalog imported on a running cluster) is the business of
/// <see cref="IClassificationCatalogs"/>; how its files are read and checked is <see cref="CatalogLoader"/>'s.
/// </summary>
public sealed class ClassificationCatalog
{
    private readonly FrozenDictionary<string, ClassificationEntry> _function;
    private readonly FrozenDictionary<string, ClassificationEntry> _economic;
    private readonly ClassificationEntry[] _functionOrdered;
    private readonly ClassificationEntry[] _economicOrdered;
    private readonly FrozenDictionary<(ClassificationTree, string, int), string> _displayNames;

    /// <param name="displayNames">公开表显示名称 replacing the shipped ones of the year (an override directory's file); the shipped ones when null.</param>
    public ClassificationCatalog(int year, IEnumerable<ClassificationEntry> function, IEnumerable<ClassificationEntry> economic, string? source = null, IReadOnlyList<DisplayNameOverride>? displayNames = null)
    {
        Year = year;
        Source = source;
        _function = function.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _economic = economic.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _functionOrdered = [.. _function.Values.OrderBy(e => e.Code, StringComparer.Ordinal)];
        _economicOrdered = [.. _economic.Values.OrderBy(e => e.Code, StringComparer.Ordinal)];
        FunctionClasses = [.. _functionOrdered.Where(e => e.Level == ClassificationLevel.Class)];
        DisplayNameOverrides = displayNames ?? DisplayNames.Shipped(year);
        _displayNames = DisplayNameOverrides.ToFrozenDictionary(o => (o.Tree, o.Code, o.Table), o => o.Name);
    }

    /// <summary>The catalog of two checked tree files (their sources joined when they differ).</summary>
    public ClassificationCatalog(CatalogTreeFile function, CatalogTreeFile economic, IReadOnlyList<DisplayNameOverride>? displayNames = null)
        : this(
            function?.Year ?? throw new ArgumentNullException(nameof(function)),
            function.Entries,
            (economic ?? throw new ArgumentNullException(nameof(economic))).Entries,
            JoinSources(function.Source, economic.Source),
            displayNames)
    {
        if (function.Tree != ClassificationTree.Function || economic.Tree != ClassificationTree.Economic || economic.Year != function.Year)
        {
            throw new ArgumentException("需要同一年度的功能分类与经济分类 (function and economic trees of one year).");
        }
    }

    public int Year { get; }

    /// <summary>The edition the catalog was taken from (the files' first <c>#</c> comment line), when they name one.</summary>
    public string? Source { get; }

    /// <summary>Every 类 of the function classification, in code order (Table 1 lists them all).</summary>
    public IReadOnlyList<ClassificationEntry> FunctionClasses { get; }

    /// <summary>The entries of a tree in code order.</summary>
    public IEnumerable<ClassificationEntry> Entries(ClassificationTree tree) =>
        tree == ClassificationTree.Function ? _functionOrdered : _economicOrdered;

    public ClassificationEntry? Find(ClassificationTree tree, string code) =>
        (tree == ClassificationTree.Function ? _function : _economic).GetValueOrDefault(code);

    /// <summary>The name of a code, or the code itself when the catalog does not know it.</summary>
    public string NameOf(ClassificationTree tree, string code) => Find(tree, code)?.Name ?? code;

    /// <summary>The year's 公开表显示名称 (<c>seeds/classification/display-names-{year}.csv</c>); usually none.</summary>
    public IReadOnlyList<DisplayNameOverride> DisplayNameOverrides { get; }

    /// <summary>
    /// The name disclosure table <paramref name="table"/> prints for a code: the year's override for that table when one
    /// ships (<see cref="DisplayNames"/>), else <see cref="NameOf"/>.
    /// </summary>
    public string DisplayNameOf(ClassificationTree tree, string code, int table) =>
        _displayNames.TryGetValue((tree, code, table), out var name) ? name : NameOf(tree, code);

    /// <summary>True when <paramref name="code"/> is a leaf-level code the tree books amounts on (项 / 经济 款).</summary>
    public bool IsBookable(ClassificationTree tree, string code) =>
        Find(tree, code) is { } entry && entry.Level == (tree == ClassificationTree.Function ? ClassificationLevel.Item : ClassificationLevel.Section);

    /// <summary>
    /// The shipped catalog of <paramref name="year"/> (<see cref="ClassificationCatalogs.Shipped"/>), for tests and tools;
    /// <see cref="CatalogNotFoundException"/> when none ships. Services take theirs from an <see cref="IClassificationCatalogs"/>
    /// (override directory, imports), so nothing in the running system calls this.
    /// </summary>
    public static ClassificationCatalog ForYear(int year) => ClassificationCatalogs.Shipped.Get(year);

    /// <summary>True when a catalog of <paramref name="year"/> ships with the system.</summary>
    public static bool IsShipped(int year) => ClassificationCatalogs.Shipped.Find(year) is not null;

    /// <summary>
    /// Parses one catalog CSV of <paramref name="year"/> and throws one <see cref="FormatException"/> naming every problem.
    /// Kept for callers that want entries or nothing; <see cref="CatalogLoader.Load"/> returns the problems instead.
    /// </summary>
    public static IReadOnlyList<ClassificationEntry> Parse(string csv, int year, ClassificationTree tree = ClassificationTree.Function)
    {
        var result = CatalogLoader.Load(csv, year, tree);
        return result.File?.Entries ?? throw new FormatException(string.Join("\n", result.Problems));
    }

    private static string? JoinSources(string? function, string? economic) =>
        function == economic || economic is null ? function : function is null ? economic : $"{function}; {economic}";
}
