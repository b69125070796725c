namespace Akto.Consolidation.Domain.Validation;

/// <summary>错误 blocks submission and disclosure; 警告 is reported and lets the budget through.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One violated rule: its id, severity, a Chinese message and every place involved — JSON paths into the document
/// (<c>$.lines[3].amount</c>) and table cells (<c>表1[总计].收入/预算数</c>).
/// </summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, IReadOnlyList<string> Locations)
{
    public override string ToString() =>
        $"{RuleId} {(Severity == Severity.Error ? "错误" : "警告")} {string.Join("; ", Locations)}: {Message}";
}

/// <summary>All findings of one validation run.</summary>
public sealed record ValidationReport(IReadOnlyList<Finding> Findings)
{
    public static ValidationReport Empty { get; } = new([]);

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public IEnumerable<Finding> Errors => Findings.Where(f => f.Severity == Severity.Error);

    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Severity == Severity.Warning);
}
