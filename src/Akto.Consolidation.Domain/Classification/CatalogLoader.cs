using System.Globalization;
using System.Text;

namespace Akto.Consolidation.Domain.Classification;

/// <summary>One checked tree of one year: what a <c>{function|economic}-{year}.csv</c> file holds.</summary>
public sealed record CatalogTreeFile(int Year, ClassificationTree Tree, string? Source, IReadOnlyList<ClassificationEntry> Entries);

/// <summary>What is wrong with one line of a catalog file (line 1 is the file's first line); <see cref="Column"/> is empty for a whole line.</summary>
public sealed record CatalogProblem(int Line, string Column, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"第 {Line} 行: {Message}" : $"第 {Line} 行 {Column}: {Message}";
}

/// <summary>A row as read, before it is checked: the fields as text and the line they came from.</summary>
public sealed record CatalogRow(int Line, string Code, string Name, string Level, string Parent, string Year);

/// <summary>A loaded tree, or every problem that kept it from loading.</summary>
public sealed record CatalogLoadResult(CatalogTreeFile? File, IReadOnlyList<CatalogProblem> Problems)
{
    public bool IsValid => File is not null;
}

/// <summary>
/// Reads and checks catalog files: <c>#</c> comment lines (the first names the source edition), then the header
/// <c>code,name,level,parent,year</c>, one 科目 per line, level 类/款/项. Every problem is reported with its line —
/// malformed code for its level, missing parent, parent of the wrong level, empty name, duplicate code, wrong year — as
/// data rather than an exception, so the CLI can print them all and the API can return them all in one 400.
/// </summary>
public static class CatalogLoader
{
    public const string Header = "code,name,level,parent,year";

    public static CatalogLoadResult Load(string csv, int year, ClassificationTree tree)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<CatalogProblem>();
        var rows = new List<CatalogRow>();
        string? source = null;
        var headerSeen = false;
        var lines = csv.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r').Trim(' ', '\uFEFF', '\t');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                source ??= line.TrimStart('#').Trim() is { Length: > 0 } comment ? comment : null;
                continue;
            }

            var fields = SplitCsvLine(line);
            if (!headerSeen)
            {
                headerSeen = true;
                if (string.Join(',', fields.Select(f => f.Trim())) != Header)
                {
                    problems.Add(new CatalogProblem(number, "", $"表头应为 {Header} (the header must be {Header})"));
                }

                continue;
            }

            if (fields.Count != 5)
            {
                problems.Add(new CatalogProblem(number, "", $"应有 5 列 code,name,level,parent,year，实有 {fields.Count} 列 (expected 5 columns)"));
                continue;
            }

            rows.Add(new CatalogRow(number, fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4].Trim()));
        }

        if (!headerSeen)
        {
            problems.Add(new CatalogProblem(1, "", $"文件为空，缺少表头 {Header} (empty file)"));
        }

        // A file whose header or lines are already wrong is not also reported "empty".
        var checkedRows = rows.Count == 0 && problems.Count > 0 ? null : Check(rows, year, tree, source);
        problems.AddRange(checkedRows?.Problems ?? []);
        return problems.Count == 0 ? checkedRows! : new CatalogLoadResult(null, [.. problems.OrderBy(p => p.Line)]);
    }

    /// <summary>Checks rows read from any format (CSV, a spreadsheet) and builds the tree when nothing is wrong.</summary>
    public static CatalogLoadResult Check(IReadOnlyList<CatalogRow> rows, int year, ClassificationTree tree, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<CatalogProblem>();
        var entries = new List<(CatalogRow Row, ClassificationEntry Entry)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = new Dictionary<string, ClassificationLevel>(StringComparer.Ordinal);
        var treeName = tree == ClassificationTree.Function ? "功能分类" : "经济分类";
        foreach (var row in rows)
        {
            var rowProblems = problems.Count;
            var level = ClassificationCodes.ParseLevel(row.Level);
            if (level is null)
            {
                problems.Add(new CatalogProblem(row.Line, "level", $"级次“{row.Level}”无效，应为 类、款 或 项 (level must be 类, 款 or 项)"));
            }
            else if (tree == ClassificationTree.Economic && level == ClassificationLevel.Item)
            {
                problems.Add(new CatalogProblem(row.Line, "level", "经济分类只有 类 和 款 两级 (the economic tree has no 项)"));
            }

            if (row.Code.Length == 0 || !row.Code.All(char.IsAsciiDigit))
            {
                problems.Add(new CatalogProblem(row.Line, "code", $"科目编码“{row.Code}”应为数字 (a code is digits only)"));
            }
            else if (level is { } l && row.Code.Length != ClassificationCodes.LengthOf(l))
            {
                problems.Add(new CatalogProblem(row.Line, "code", $"{ClassificationCodes.LevelName(l)}级科目编码应为 {ClassificationCodes.LengthOf(l)} 位，“{row.Code}”为 {row.Code.Length} 位 (a {l} code has {ClassificationCodes.LengthOf(l)} digits)"));
            }

            if (row.Name.Length == 0)
            {
                problems.Add(new CatalogProblem(row.Line, "name", $"科目 {row.Code} 缺少名称 (name is empty)"));
            }

            if (!int.TryParse(row.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var rowYear) || rowYear != year)
            {
                problems.Add(new CatalogProblem(row.Line, "year", $"年度“{row.Year}”应为 {year} (the row's year must be {year})"));
            }

            if (row.Code.Length > 0 && !firstLine.TryAdd(row.Code, row.Line))
            {
                problems.Add(new CatalogProblem(row.Line, "code", $"科目编码 {row.Code} 重复，第 {firstLine[row.Code]} 行已有 (duplicate code)"));
                continue;
            }

            if (level is { } read)
            {
                known.TryAdd(row.Code, read);
            }

            if (level is { } valid && problems.Count == rowProblems)
            {
                entries.Add((row, new ClassificationEntry(row.Code, row.Name, valid, row.Parent.Length == 0 ? null : row.Parent, year)));
            }
        }

        foreach (var (row, entry) in entries)
        {
            var expected = ClassificationCodes.ParentOf(entry.Code);
            if (entry.Parent is null)
            {
                if (expected is not null)
                {
                    problems.Add(new CatalogProblem(row.Line, "parent", $"{ClassificationCodes.LevelName(entry.Level)} {entry.Code} 缺少上级科目，应为 {expected} (parent missing)"));
                }

                continue;
            }

            if (expected is null)
            {
                problems.Add(new CatalogProblem(row.Line, "parent", $"类 {entry.Code} 不应有上级科目 (a 类 has no parent)"));
            }
            else if (entry.Parent != expected)
            {
                problems.Add(new CatalogProblem(row.Line, "parent", $"科目 {entry.Code} 的上级应为 {expected}，而非 {entry.Parent} (the parent is the code's prefix)"));
            }
            else if (!known.TryGetValue(entry.Parent, out var parentLevel))
            {
                problems.Add(new CatalogProblem(row.Line, "parent", $"{treeName}没有科目 {entry.Code} 的上级科目 {entry.Parent} (parent {entry.Parent} is not in the catalog)"));
            }
            else if (parentLevel != entry.Level - 1)
            {
                problems.Add(new CatalogProblem(row.Line, "parent", $"上级科目 {entry.Parent} 是{ClassificationCodes.LevelName(parentLevel)}，{ClassificationCodes.LevelName(entry.Level)}的上级应为{ClassificationCodes.LevelName(entry.Level - 1)} (parent of the wrong level)"));
            }
        }

        if (problems.Count == 0 && entries.Count == 0)
        {
            problems.Add(new CatalogProblem(rows.Count == 0 ? 1 : rows[0].Line, "", $"{treeName}没有科目 (the catalog is empty)"));
        }

        return problems.Count == 0
            ? new CatalogLoadResult(new CatalogTreeFile(year, tree, source, [.. entries.Select(e => e.Entry)]), [])
            : new CatalogLoadResult(null, [.. problems.OrderBy(p => p.Line)]);
    }

    /// <summary>Writes a tree in the agreed file format: a <c>#</c> source line, the header, one line per entry in code order.</summary>
    public static string Write(CatalogTreeFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringBuilder();
        if (file.Source is { Length: > 0 } source)
        {
            text.Append("# ").Append(source.ReplaceLineEndings(" ")).Append('\n');
        }

        text.Append(Header).Append('\n');
        foreach (var entry in file.Entries.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            text.Append(entry.Code).Append(',')
                .Append(Quote(entry.Name)).Append(',')
                .Append(ClassificationCodes.LevelName(entry.Level)).Append(',')
                .Append(entry.Parent).Append(',')
                .Append(entry.Year.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Rows as the file format writes them, unchecked: the header on line 1 and row <c>i</c> on line <c>i + 2</c> (so a
    /// problem's line maps back to the row), the source as a trailing comment line.
    /// </summary>
    public static string WriteRows(IEnumerable<CatalogRow> rows, string? source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', Quote(row.Code), Quote(row.Name), Quote(row.Level), Quote(row.Parent), Quote(row.Year)).Append('\n');
        }

        if (source is { Length: > 0 })
        {
            text.Append("# ").Append(source.ReplaceLineEndings(" ")).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A row of a hand-made list (a spreadsheet, JSON): a missing level follows from the code's length (3 类, 5 款,
    /// 7 项) and a missing parent from its digits; the checks then judge the result like any file's.
    /// </summary>
    public static CatalogRow Infer(int line, string? code, string? name, string? level, string? parent, int year)
    {
        var trimmedCode = (code ?? "").Trim();
        var knownLength = trimmedCode.Length is 3 or 5 or 7 && trimmedCode.All(char.IsAsciiDigit);
        var trimmedLevel = (level ?? "").Trim();
        if (trimmedLevel.Length == 0 && knownLength)
        {
            trimmedLevel = ClassificationCodes.LevelName(ClassificationCodes.LevelOf(trimmedCode));
        }

        var trimmedParent = (parent ?? "").Trim();
        if (trimmedParent.Length == 0 && knownLength)
        {
            trimmedParent = ClassificationCodes.ParentOf(trimmedCode) ?? "";
        }

        return new CatalogRow(line, trimmedCode, (name ?? "").Trim(), trimmedLevel, trimmedParent, year.ToString(CultureInfo.InvariantCulture));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Splits one CSV line; fields may be quoted ("…", with "" for a quote) so a name may hold a comma.</summary>
    public static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
