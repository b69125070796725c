using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Client.Commands;

/// <summary>A budget file checked on this machine before it is sent: its year, unit, bytes and errors.</summary>
internal sealed record LocalCheck(string File, int Year, string UnitCode, byte[] Bytes, IReadOnlyList<FindingRow> Errors)
{
    /// <summary>
    /// Reads and validates <paramref name="file"/> with the year's catalog. Null (after printing why) when the file cannot
    /// be read or its year has no catalog — a usage or I/O problem, not a finding.
    /// </summary>
    public static LocalCheck? Run(FileInfo file, IClassificationCatalogs catalogs, TextWriter error)
    {
        if (!BudgetFile.TryRead(file, error, out var bytes) || !CliCatalogs.TryReadAndValidate(bytes, catalogs, error, out var result, out _))
        {
            return null;
        }

        var (document, report, _) = result;
        var errors = report.Findings
            .Where(f => f.Severity == Severity.Error)
            .Select(f => new FindingRow(f.RuleId, "error", string.Join("; ", f.Locations), f.Message))
            .ToList();
        return new LocalCheck(file.FullName, document?.Year ?? 0, document?.UnitCode ?? "", bytes, errors);
    }
}
