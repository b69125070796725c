using System.Collections.Concurrent;

namespace Akto.Consolidation.Domain.Classification;

/// <summary>
/// 公开表显示名称: the name one disclosure table of a year prints for a code where the published template words it
/// differently from the catalog (2024 表4 prints 234 as 抗疫特别国债还本支出; the catalog and 表1 say 抗疫特别国债安排的支出).
/// The catalog keeps one name per code; the override applies to that table only.
/// </summary>
public sealed record DisplayNameOverride(ClassificationTree Tree, string Code, int Table, string Name);

/// <summary>
/// Reads <c>seeds/classification/display-names-{year}.csv</c> (embedded as <c>catalogs/display-names-{year}.csv</c>):
/// <c>#</c> comment lines, the header <c>tree,code,table,name</c>, one row per override.
/// </summary>
public static class DisplayNames
{
    public const string Header = "tree,code,table,name";

    private static readonly ConcurrentDictionary<int, IReadOnlyList<DisplayNameOverride>> Cache = new();

    public static string FileName(int year) => $"display-names-{year}.csv";

    /// <summary>The shipped overrides of <paramref name="year"/>; none when no file ships for it.</summary>
    public static IReadOnlyList<DisplayNameOverride> Shipped(int year) => Cache.GetOrAdd(year, static year =>
    {
        var name = $"catalogs/{FileName(year)}";
        using var stream = typeof(DisplayNames).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return [];
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name);
    });

    /// <summary>Parses an override file; a malformed line is an <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static IReadOnlyList<DisplayNameOverride> Parse(string csv, string file)
    {
        var (overrides, problems) = Load(csv);
        return problems.Count == 0 ? overrides : throw new InvalidDataException($"{file}:{problems[0].Line}: {problems[0].Message}");
    }

    /// <summary>Reads an override file and lists every malformed line (none when the overrides are usable).</summary>
    public static (IReadOnlyList<DisplayNameOverride> Overrides, IReadOnlyList<CatalogProblem> Problems) Load(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var overrides = new List<DisplayNameOverride>();
        var problems = new List<CatalogProblem>();
        var header = false;
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!header)
            {
                header = true;
                if (line != Header)
                {
                    problems.Add(Bad(i, $"表头应为 {Header} (header must be '{Header}')"));
                }

                continue;
            }

            var fields = CatalogLoader.SplitCsvLine(line);
            if (fields.Count != 4)
            {
                problems.Add(Bad(i, "应有 4 列 (expected 4 fields)"));
                continue;
            }

            var tree = ClassificationCodes.ParseTree(fields[0]);
            if (tree is null)
            {
                problems.Add(Bad(i, $"未知分类 {fields[0]} (tree must be function or economic)"));
                continue;
            }

            if (!int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var table) || table is < 1 or > 11)
            {
                problems.Add(Bad(i, $"表号 {fields[2]} 应为 1–11 (table must be 1–11)"));
                continue;
            }

            if (fields[1].Length == 0 || fields[3].Trim().Length == 0)
            {
                problems.Add(Bad(i, "编码与名称不能为空 (code and name are required)"));
                continue;
            }

            overrides.Add(new DisplayNameOverride(tree.Value, fields[1], table, fields[3].Trim()));
        }

        return (overrides, problems);
    }

    private static CatalogProblem Bad(int index, string message) => new(index + 1, "", message);
}
