using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;

namespace Akto.Consolidation.Domain.Disclosure;

/// <summary>Computes the eleven disclosure tables (单位预算公开表) from budget facts.</summary>
public static class DisclosureTables
{
    /// <summary>The tables of one unit's document (against the shipped catalog of its year when no catalog is given).</summary>
    public static DisclosureSet For(BudgetDocument document, ClassificationCatalog? catalog = null) =>
        Build(BudgetFacts.FromDocument(document), catalog ?? ClassificationCatalogs.Shipped.Get(document.Year), DisclosureScope.Unit(document.UnitCode, document.UnitName));

    /// <summary>
    /// The consolidated tables of several documents: the tables of their cell-wise sum, with money moving between these
    /// units (<see cref="Elimination"/>) counted once.
    /// </summary>
    public static DisclosureSet Consolidate(IReadOnlyList<BudgetDocument> documents, DisclosureScope scope, ClassificationCatalog? catalog = null)
    {
        if (documents.Count == 0)
        {
            throw new ArgumentException("至少需要一个单位预算 (at least one document).", nameof(documents));
        }

        var year = documents[0].Year;
        return Build(Elimination.Consolidate(year, documents).Facts, catalog ?? ClassificationCatalogs.Shipped.Get(year), scope);
    }

    /// <summary>
    /// The scope several documents make: one document is its unit; documents of one 主管部门 are that department (named
    /// after the document that heads it, when present); anything else is the county.
    /// </summary>
    public static DisclosureScope ScopeOf(IReadOnlyList<BudgetDocument> documents)
    {
        if (documents.Count == 1)
        {
            return DisclosureScope.Unit(documents[0].UnitCode, documents[0].UnitName);
        }

        var departments = documents.Select(d => d.DepartmentCode).Distinct(StringComparer.Ordinal).ToList();
        if (departments.Count == 1)
        {
            var head = documents.FirstOrDefault(d => d.UnitCode == departments[0]);
            return DisclosureScope.Department(departments[0], head?.UnitName ?? $"部门 {departments[0]}");
        }

        return DisclosureScope.County();
    }

    public static DisclosureSet Build(BudgetFacts facts, ClassificationCatalog catalog, DisclosureScope scope)
    {
        var context = new DisclosureContext(facts, catalog, scope);
        return new DisclosureSet(
            facts.Year,
            scope,
            CurrencyUnit.TenThousandYuan,
            [
                Table1.Build(context),
                Table2.Build(context),
                Table3.Build(context),
                Table4.Build(context),
                Table5.Build(context),
                Table6.Build(context),
                Table7.Build(context),
                BudgetTypeExpenditureTable.Build(context, 8, BudgetType.GovernmentFund),
                BudgetTypeExpenditureTable.Build(context, 9, BudgetType.StateCapital),
                Table10.Build(context),
                Table11.Build(context),
            ]);
    }
}
