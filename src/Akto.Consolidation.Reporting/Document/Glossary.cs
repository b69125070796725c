using System.Collections.Concurrent;
using System.Text.Json;

namespace Akto.Consolidation.Reporting.Document;

/// <summary>
/// 第四部分 名词解释: the terms a disclosure explains, as data. The shipped glossaries are <c>seeds/glossary/default.json</c>
/// (transcribed from the seed disclosure) and, where a year words them differently, <c>seeds/glossary/{year}.json</c>; a
/// document may bring its own file (<see cref="Read(Stream)"/>).
/// </summary>
public sealed record Glossary(string Title, IReadOnlyList<GlossaryEntry> Entries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a glossary file: <c>{"title":"名词解释","entries":[{"term":"…","definition":"…"}]}</c>.</summary>
    public static Glossary Read(Stream json)
    {
        var file = JsonSerializer.Deserialize<GlossaryFile>(json, Json) ?? throw new InvalidDataException("名词解释文件为空 (empty glossary file).");
        var entries = file.Entries ?? [];
        if (entries.Count == 0 || entries.Any(e => string.IsNullOrWhiteSpace(e.Term) || string.IsNullOrWhiteSpace(e.Definition)))
        {
            throw new InvalidDataException("名词解释须至少一条，且每条有名词和解释 (a glossary needs entries, each with a term and a definition).");
        }

        return new Glossary(string.IsNullOrWhiteSpace(file.Title) ? "名词解释" : file.Title, [.. entries.Select(e => new GlossaryEntry(e.Term!, e.Definition!))]);
    }

    /// <summary>Reads a glossary file from disk.</summary>
    public static Glossary ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private sealed record GlossaryFile(string? Title, List<GlossaryFileEntry>? Entries);

    private sealed record GlossaryFileEntry(string? Term, string? Definition);
}

/// <summary>One 名词: "财政拨款" and its explanation, printed "一、财政拨款：指由……".</summary>
public sealed record GlossaryEntry(string Term, string Definition);

/// <summary>The glossaries shipped in this assembly (embedded from <c>seeds/glossary/*.json</c>).</summary>
public static class Glossaries
{
    private static readonly ConcurrentDictionary<int, Glossary> ByYear = new();

    /// <summary>
    /// The glossary of <paramref name="year"/>: <c>{year}.json</c> when shipped, <c>default.json</c> otherwise; read once per
    /// year (every unit of a snapshot asks for it).
    /// </summary>
    public static Glossary ForYear(int year) => ByYear.GetOrAdd(year, static year => Load($"glossary/{year}.json") ?? Load("glossary/default.json")
        ?? throw new InvalidOperationException("缺少默认名词解释 (glossary/default.json is not embedded)."));

    private static Glossary? Load(string name)
    {
        using var stream = typeof(Glossaries).Assembly.GetManifestResourceStream(name);
        return stream is null ? null : Glossary.Read(stream);
    }
}
