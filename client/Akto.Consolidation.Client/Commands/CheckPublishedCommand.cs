using System.CommandLine;
using System.Text.Json;
using Akto.Consolidation.Client.Published;

namespace Akto.Consolidation.Client.Commands;

/// <summary>
/// <c>akto check-published FILE</c>: reads tables 1–11 as printed (the XLSX <c>disclosure --format xlsx</c> writes, a
/// workbook laid out the same way, or the JSON contract) and runs every 审核公式 over table cells on them. Prints each
/// inconsistency as <c>表X 行 R 列 C: expected … printed …</c>; exit 0 none, 1 inconsistencies or unreadable cells,
/// 2 when the file cannot be read.
/// </summary>
internal static class CheckPublishedCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "公开表 (printed tables: .xlsx or the disclosure .json)" };
        var command = new Command("check-published", "审核已公开的表 1–11 (run the audit formulas on printed tables).") { file };
        command.SetAction(parse => Run(parse.GetValue(file)!, output, error));
        return command;
    }

    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        PublishedTables tables;
        try
        {
            using var stream = File.OpenRead(file.FullName);
            tables = file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? PublishedTablesReader.ReadJson(stream)
                : PublishedTablesReader.ReadXlsx(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error.WriteLine($"{file.FullName}: 无法读取公开表 (cannot read printed tables): {e.Message}");
            return ExitCodes.Unreadable;
        }

        foreach (var problem in tables.Problems)
        {
            output.WriteLine(problem);
        }

        var (inconsistencies, skipped) = PublishedTableCheck.Run(tables.Set);
        foreach (var item in inconsistencies)
        {
            output.WriteLine(item.ToString());
        }

        foreach (var line in skipped)
        {
            error.WriteLine($"未审核 (not evaluated) {line}");
        }

        if (inconsistencies.Count > 0 && PublishedTableCheck.CommonCells(inconsistencies) is { Count: > 0 } common)
        {
            output.WriteLine($"所有不一致都涉及 (every inconsistency involves): {string.Join("; ", common)}");
        }

        var count = inconsistencies.Count + tables.Problems.Count;
        output.WriteLine($"{file.Name}: 表{string.Join("、", tables.Set.Tables.Select(t => t.Id))} — {count} 处不一致 ({count} inconsistencies)");
        return count > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
