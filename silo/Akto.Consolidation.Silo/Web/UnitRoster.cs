namespace Akto.Consolidation.Silo.Web;

/// <summary>单位名录: a unit the county expects a budget from.</summary>
public sealed record RosterUnit(string UnitCode, string UnitName, string DepartmentCode);

/// <summary>
/// 单位名录: the units expected to submit, from the CSV file <c>Akto:Roster</c> (<c>unitCode,unitName,departmentCode</c>,
/// an optional header line, <c>#</c> comments). Without the setting there is no roster and the pages say so rather than
/// guess who is missing.
/// </summary>
public sealed class UnitRoster(WebSettings settings)
{
    public bool IsConfigured => settings.RosterPath is not null;

    /// <summary>The roster's units; empty when none is configured. A line without three fields is reported, not skipped.</summary>
    public async Task<RosterRead> ReadAsync(CancellationToken cancellationToken)
    {
        if (settings.RosterPath is not { } path)
        {
            return new RosterRead([], []);
        }

        if (!File.Exists(path))
        {
            return new RosterRead([], [$"单位名录文件不存在: {path}"]);
        }

        var units = new List<RosterUnit>();
        var problems = new List<string>();
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (i == 0 && line.StartsWith("unitCode", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != 3 || fields.Any(f => f.Length == 0))
            {
                problems.Add($"第 {i + 1} 行应为 unitCode,unitName,departmentCode");
                continue;
            }

            units.Add(new RosterUnit(fields[0], fields[1], fields[2]));
        }

        return new RosterRead(units, problems);
    }
}

/// <summary>The roster's units and the lines that could not be read.</summary>
public sealed record RosterRead(IReadOnlyList<RosterUnit> Units, IReadOnlyList<string> Problems);
