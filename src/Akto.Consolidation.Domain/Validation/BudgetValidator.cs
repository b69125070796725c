using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Runs every audit rule on a budget document and on the tables computed from it.</summary>
public static class BudgetValidator
{
    /// <summary>Reads JSON and, when it binds, validates the document; syntax and schema findings come first.</summary>
    public static (BudgetDocument? Document, ValidationReport Report, bool Unreadable) ReadAndValidate(ReadOnlyMemory<byte> utf8)
    {
        var read = BudgetDocumentReader.Read(utf8);
        if (read.Document is null)
        {
            return (null, new ValidationReport(read.Findings), read.Unreadable);
        }

        var report = Validate(read.Document);
        return (read.Document, new ValidationReport([.. read.Findings, .. report.Findings]), false);
    }

    public static ValidationReport Validate(BudgetDocument document, IReadOnlyList<AuditRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!ClassificationCatalog.IsShipped(document.Year))
        {
            return new ValidationReport([new Finding("S-03", Severity.Error, $"预算年度 {document.Year} 没有科目目录，无法审核", ["$.year"])]);
        }

        var catalog = ClassificationCatalog.ForYear(document.Year);
        var tables = DisclosureTables.For(document, catalog);
        return Validate(new ValidationContext(document, tables, catalog), rules ?? AuditRules.All);
    }

    public static ValidationReport Validate(ValidationContext context, IReadOnlyList<AuditRule> rules)
    {
        var findings = new List<Finding>();
        foreach (var rule in rules)
        {
            findings.AddRange(rule.Check is null ? TableRules.Evaluate(rule, context.Tables) : DocumentChecks.Evaluate(rule, context));
        }

        return new ValidationReport(findings);
    }
}
