using System.Collections.Frozen;
using System.Reflection;

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
/// 科目目录: the function and economic classifications of one budget year, read from
/// <c>seeds/classification/{function|economic}-{year}.csv</c> (code,name,level,parent,year).
/// </summary>
public sealed class ClassificationCatalog
{
    private readonly FrozenDictionary<string, ClassificationEntry> _function;
    private readonly FrozenDictionary<string, ClassificationEntry> _economic;

    private ClassificationCatalog(int year, IEnumerable<ClassificationEntry> function, IEnumerable<ClassificationEntry> economic)
    {
        Year = year;
        _function = function.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _economic = economic.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        FunctionClasses = [.. _function.Values.Where(e => e.Level == ClassificationLevel.Class).OrderBy(e => e.Code, StringComparer.Ordinal)];
    }

    public int Year { get; }

    /// <summary>Every 类 of the function classification, in code order (Table 1 lists them all).</summary>
    public IReadOnlyList<ClassificationEntry> FunctionClasses { get; }

    public IEnumerable<ClassificationEntry> Entries(ClassificationTree tree) =>
        (tree == ClassificationTree.Function ? _function : _economic).Values.OrderBy(e => e.Code, StringComparer.Ordinal);

    public ClassificationEntry? Find(ClassificationTree tree, string code) =>
        (tree == ClassificationTree.Function ? _function : _economic).GetValueOrDefault(code);

    /// <summary>The name of a code, or the code itself when the catalog does not know it.</summary>
    public string NameOf(ClassificationTree tree, string code) => Find(tree, code)?.Name ?? code;

    /// <summary>True when <paramref name="code"/> is a leaf-level code the tree books amounts on (项 / 经济 款).</summary>
    public bool IsBookable(ClassificationTree tree, string code) =>
        Find(tree, code) is { } entry && entry.Level == (tree == ClassificationTree.Function ? ClassificationLevel.Item : ClassificationLevel.Section);

    /// <summary>The catalogs that ship with the system (embedded copies of <c>seeds/classification</c>).</summary>
    public static ClassificationCatalog ForYear(int year) => Cache.GetOrAdd(year, LoadEmbedded);

    /// <summary>True when the shipped catalogs cover <paramref name="year"/>.</summary>
    public static bool IsShipped(int year) =>
        typeof(ClassificationCatalog).Assembly.GetManifestResourceInfo($"catalogs/function-{year}.csv") is not null;

    /// <summary>Reads <c>function-{year}.csv</c> and <c>economic-{year}.csv</c> from a directory (another year's catalogs).</summary>
    public static ClassificationCatalog LoadFromDirectory(string directory, int year) =>
        new(
            year,
            Parse(File.ReadAllText(Path.Combine(directory, $"function-{year}.csv")), year),
            Parse(File.ReadAllText(Path.Combine(directory, $"economic-{year}.csv")), year));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, ClassificationCatalog> Cache = new();

    private static ClassificationCatalog LoadEmbedded(int year)
    {
        var assembly = typeof(ClassificationCatalog).Assembly;
        return new ClassificationCatalog(
            year,
            Parse(ReadResource(assembly, $"catalogs/function-{year}.csv"), year),
            Parse(ReadResource(assembly, $"catalogs/economic-{year}.csv"), year));
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"没有 {name} 的科目目录 (no classification catalog '{name}' is shipped).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Parses one catalog CSV (header <c>code,name,level,parent,year</c>; level 类/款/项); rows of other years are skipped.
    /// Lines starting with <c>#</c> are comments (the shipped files name their source edition that way); the first other line is the header.
    /// </summary>
    public static IReadOnlyList<ClassificationEntry> Parse(string csv, int year)
    {
        var entries = new List<ClassificationEntry>();
        var lines = csv.Split('\n');
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim('\r', ' ', '\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                throw new FormatException($"科目目录第 {i + 1} 行应有 5 列 (line {i + 1}: expected code,name,level,parent,year).");
            }

            var rowYear = int.Parse(fields[4], System.Globalization.CultureInfo.InvariantCulture);
            if (rowYear != year)
            {
                continue;
            }

            var level = fields[2] switch
            {
                "类" => ClassificationLevel.Class,
                "款" => ClassificationLevel.Section,
                "项" => ClassificationLevel.Item,
                var other => throw new FormatException($"科目目录第 {i + 1} 行级次 '{other}' 无效 (level must be 类, 款 or 项)."),
            };
            entries.Add(new ClassificationEntry(fields[0], fields[1], level, fields[3].Length == 0 ? null : fields[3], rowYear));
        }

        return entries;
    }
}

/// <summary>Code arithmetic of the two classification trees.</summary>
public static class ClassificationCodes
{
    /// <summary>The 类 of a function or economic code (first three digits).</summary>
    public static string ClassOf(string code) => code.Length >= 3 ? code[..3] : code;

    /// <summary>
    /// 人员经费 as opposed to 公用经费 in basic spending: economic 类 301 工资福利支出 and 303 对个人和家庭的补助.
    /// </summary>
    public static bool IsPersonnel(string economicCode) => ClassOf(economicCode) is "301" or "303";

    /// <summary>The 款 of a function code (first five digits).</summary>
    public static string SectionOf(string code) => code[..5];

    /// <summary>The level a code's length implies.</summary>
    public static ClassificationLevel LevelOf(string code) => code.Length switch
    {
        3 => ClassificationLevel.Class,
        5 => ClassificationLevel.Section,
        _ => ClassificationLevel.Item,
    };

    /// <summary>The chain of ancestors of a code, nearest first ("2080101" → "20801", "208").</summary>
    public static IEnumerable<string> AncestorsOf(string code)
    {
        if (code.Length > 5)
        {
            yield return code[..5];
        }

        if (code.Length > 3)
        {
            yield return code[..3];
        }
    }
}
