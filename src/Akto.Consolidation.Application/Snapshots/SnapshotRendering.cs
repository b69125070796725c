using System.Security.Cryptography;
using System.Text;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Reporting;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>One stored file of a snapshot.</summary>
public sealed record SnapshotFile(string Path, string ContentType, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// A unit of rendering work: one unit, one department or the county, rendered to every <see cref="DisclosureFormat"/>
/// under <see cref="Folder"/> (<c>units/{code}</c>, <c>departments/{code}</c>, <c>county</c>).
/// </summary>
public sealed record SnapshotItem(string Folder, Func<DisclosureSet> Tables)
{
    public IReadOnlyList<string> Paths => [.. Enum.GetValues<DisclosureFormat>().Select(f => $"{Folder}/{SnapshotRendering.FileName(f)}")];

    public IReadOnlyList<SnapshotFile> Render()
    {
        var set = Tables();
        return [.. Enum.GetValues<DisclosureFormat>().Select(f => SnapshotRendering.File($"{Folder}/{SnapshotRendering.FileName(f)}", set, f))];
    }
}

/// <summary>
/// What a snapshot holds, computed only from the cut's documents: every unit's tables 1–11, every department's and (for
/// a county snapshot) the county's consolidated tables — <see cref="Elimination.Consolidate"/> over the cut, then
/// <see cref="DisclosureTables.Build"/>. Pure: the same cut gives the same bytes.
/// </summary>
public static class SnapshotRendering
{
    public static string FileName(DisclosureFormat format) => format switch
    {
        DisclosureFormat.Csv => "tables.csv",
        DisclosureFormat.Markdown => "tables.md",
        _ => "tables.json",
    };

    public static string ContentType(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".csv" => "text/csv; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static SnapshotFile File(string path, DisclosureSet set, DisclosureFormat format)
    {
        var text = format switch
        {
            DisclosureFormat.Csv => DisclosureTextWriter.ToCsv(set),
            DisclosureFormat.Markdown => DisclosureTextWriter.ToMarkdown(set),
            _ => DisclosureJsonWriter.ToJson(set),
        };
        return new SnapshotFile(path, ContentType(path), Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// The rendering work of a cut, units first (in code order), then departments, then the county (county scope only).
    /// <paramref name="documents"/> holds the document of every unit of the cut, by unit code.
    /// </summary>
    public static IReadOnlyList<SnapshotItem> Items(SnapshotCut cut, IReadOnlyDictionary<string, BudgetDocument> documents, ClassificationCatalog catalog)
    {
        var items = new List<SnapshotItem>();
        foreach (var unit in cut.Units)
        {
            var document = documents[unit.UnitCode];
            items.Add(new SnapshotItem($"units/{unit.UnitCode}", () => DisclosureTables.For(document, catalog)));
        }

        foreach (var department in cut.Units.GroupBy(u => u.DepartmentCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = department.Select(u => documents[u.UnitCode]).ToList();
            var code = department.Key;
            var name = members.FirstOrDefault(d => d.UnitCode == code)?.UnitName ?? $"部门 {code}";
            items.Add(new SnapshotItem($"departments/{code}", () => Consolidated(cut.Year, members, catalog, DisclosureScope.Department(code, name))));
        }

        if (cut.Scope.IsCounty && cut.Units.Count > 0)
        {
            var all = cut.Units.Select(u => documents[u.UnitCode]).ToList();
            items.Add(new SnapshotItem("county", () => Consolidated(cut.Year, all, catalog, DisclosureScope.County())));
        }

        return items;
    }

    private static DisclosureSet Consolidated(int year, IReadOnlyList<BudgetDocument> documents, ClassificationCatalog catalog, DisclosureScope scope) =>
        DisclosureTables.Build(Elimination.Consolidate(year, documents).Facts, catalog, scope);
}
