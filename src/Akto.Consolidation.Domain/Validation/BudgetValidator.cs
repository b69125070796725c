using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Domain.Validation;

/// <summary>Runs every audit rule on a budget document and on the tables computed from it.</summary>
public static class BudgetValidator
{
    /// <summary>Reads JSON and validates it against the shipped catalogs (tests and tools; services pass their catalogs).</summary>
    public static (BudgetDocument? Document, ValidationReport Report, bool Unreadable) ReadAndValidate(ReadOnlyMemory<byte> utf8) =>
        ReadAndValidate(utf8, ClassificationCatalogs.Shipped);

    /// <summary>Reads JSON and, when it binds, validates the document; syntax and schema findings come first.</summary>
    public static (BudgetDocument? Document, ValidationReport Report, bool Unreadable) ReadAndValidate(ReadOnlyMemory<byte> utf8, IClassificationCatalogs catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        var read = BudgetDocumentReader.Read(utf8);
        if (read.Document is null)
        {
            return (null, new ValidationReport(read.Findings), read.Unreadable);
        }

        var report = Validate(read.Document, catalogs.Find(read.Document.Year));
        return (read.Document, new ValidationReport([.. read.Findings, .. report.Findings]), false);
    }

    /// <summary>Reads JSON and validates it against <paramref name="catalog"/>, the catalog of the year the caller serves.</summary>
    public static (BudgetDocument? Document, ValidationReport Report, bool Unreadable) ReadAndValidate(ReadOnlyMemory<byte> utf8, ClassificationCatalog? catalog)
    {
        var read = BudgetDocumentReader.Read(utf8);
        if (read.Document is null)
        {
            return (null, new ValidationReport(read.Findings), read.Unreadable);
        }

        var report = Validate(read.Document, catalog);
        return (read.Document, new ValidationReport([.. read.Findings, .. report.Findings]), false);
    }

    /// <summary>Validates against the shipped catalogs (tests and tools; services pass their catalogs).</summary>
    public static ValidationReport Validate(BudgetDocument document, IReadOnlyList<AuditRule>? rules = null) =>
        Validate(document, ClassificationCatalogs.Shipped.Find(document?.Year ?? 0), rules);

    /// <summary>
    /// Every rule on <paramref name="document"/> against <paramref name="catalog"/>, the catalog of the document's year;
    /// without one (null, or a catalog of another year) the only finding is S-03: nothing can be checked.
    /// </summary>
    public static ValidationReport Validate(BudgetDocument document, ClassificationCatalog? catalog, IReadOnlyList<AuditRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (catalog is null || catalog.Year != document.Year)
        {
            return new ValidationReport([new Finding("S-03", Severity.Error, $"预算年度 {document.Year} 没有科目目录，无法审核 (no classification catalog for {document.Year})", ["$.year"])]);
        }

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
