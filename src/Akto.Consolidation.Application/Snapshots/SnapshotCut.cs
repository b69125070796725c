using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;

namespace Akto.Consolidation.Application.Snapshots;

/// <summary>Which version of each unit a snapshot shows.</summary>
public enum SnapshotVersions
{
    /// <summary>最新审核通过: the version of the latest approval still standing; units never approved are left out.</summary>
    Approved,

    /// <summary>最新接受: every unit's current accepted version.</summary>
    Latest,
}

public static class SnapshotVersionsText
{
    public static string ToText(this SnapshotVersions versions) => versions == SnapshotVersions.Approved ? "approved" : "latest";

    public static bool TryParse(string? text, out SnapshotVersions versions)
    {
        versions = text == "latest" ? SnapshotVersions.Latest : SnapshotVersions.Approved;
        return text is "approved" or "latest";
    }
}

/// <summary>A unit of a cut and the version the snapshot shows of it.</summary>
public sealed record CutUnit(string UnitCode, string DepartmentCode, int Version);

/// <summary>A unit of the scope the cut leaves out, and why (e.g. never approved).</summary>
public sealed record OmittedUnit(string UnitCode, string DepartmentCode, string Reason);

/// <summary>
/// 一致性截面: for every unit of a scope, the one version a snapshot shows. Versions are write-once grains, so a cut read
/// later gives the same documents; the <see cref="Digest"/> identifies the cut (same digest, same files).
/// </summary>
public sealed record SnapshotCut(int Year, ConsolidationScope Scope, SnapshotVersions Versions, IReadOnlyList<CutUnit> Units, IReadOnlyList<OmittedUnit> Omitted)
{
    /// <summary>SHA-256 (hex) over year, scope, mode and the sorted unit→version list (left-out units as "-").</summary>
    public string Digest
    {
        get
        {
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"akto-snapshot-cut/1\n{Year}\n{Scope}\n{Versions.ToText()}\n");
            var lines = Units.Select(u => $"{u.UnitCode}@{u.DepartmentCode}={u.Version.ToString(CultureInfo.InvariantCulture)}")
                .Concat(Omitted.Select(o => $"{o.UnitCode}@{o.DepartmentCode}=-"))
                .Order(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>
    /// The cut of <paramref name="register"/> (the county's units) for <paramref name="scope"/>: the county takes every unit,
    /// a department the units whose register entry names it. <paramref name="statusOf"/> gives each unit's status.
    /// </summary>
    public static SnapshotCut Take(int year, ConsolidationScope scope, SnapshotVersions versions, IEnumerable<CountyUnit> register, IReadOnlyDictionary<string, UnitStatus> statusOf)
    {
        var units = new List<CutUnit>();
        var omitted = new List<OmittedUnit>();
        foreach (var entry in InScope(register, scope))
        {
            var status = statusOf.GetValueOrDefault(entry.UnitCode);
            var version = status is null ? null : VersionOf(status, versions);
            if (version is { } chosen)
            {
                units.Add(new CutUnit(entry.UnitCode, entry.DepartmentCode, chosen));
            }
            else
            {
                omitted.Add(new OmittedUnit(entry.UnitCode, entry.DepartmentCode,
                    versions == SnapshotVersions.Approved ? "尚无审核通过的版本 (no approved version)" : "尚无已接受的版本 (no accepted version)"));
            }
        }

        return new SnapshotCut(year, scope, versions, units, omitted);
    }

    /// <summary>The register's units of <paramref name="scope"/>, in code order.</summary>
    public static IEnumerable<CountyUnit> InScope(IEnumerable<CountyUnit> register, ConsolidationScope scope) =>
        register.Where(u => scope.IsCounty || string.Equals(u.DepartmentCode, scope.DepartmentCode, StringComparison.Ordinal))
            .OrderBy(u => u.UnitCode, StringComparer.Ordinal);

    /// <summary>
    /// The version a snapshot shows of a unit: its current version (<see cref="SnapshotVersions.Latest"/>), or the version
    /// of its latest approval — the one approved if the unit is 审核通过 now, else the last version ever approved.
    /// </summary>
    public static int? VersionOf(UnitStatus status, SnapshotVersions versions)
    {
        if (versions == SnapshotVersions.Latest)
        {
            return status.CurrentVersion;
        }

        // 审核通过 is final, so the latest approval event is the standing one whether or not the unit is still approved.
        return status.History.Where(e => e.Action == WorkflowAction.Approve && e.Version is not null)
            .OrderBy(e => e.Sequence)
            .LastOrDefault()?.Version;
    }
}
