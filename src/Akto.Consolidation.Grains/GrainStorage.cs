namespace Akto.Consolidation.Grains;

/// <summary>
/// Where the grains keep their state: one storage provider named <see cref="ProviderName"/>, and a unique, permanent state
/// name per grain class — the ADO.NET provider keys rows by state name and grain key, so these names must never change
/// or be shared. State types are Orleans-serialized (<c>[GenerateSerializer]</c>, aliased, ids never renumbered); domain
/// documents inside them are stored as budget-document JSON.
/// </summary>
public static class GrainStorage
{
    /// <summary>The storage provider every grain uses; the silo registers it (tests: memory storage).</summary>
    public const string ProviderName = "budget";

    public const string BudgetUnitState = "budget-unit";

    public const string BudgetVersionState = "budget-version";

    public const string ClassificationNodeState = "classification-node";

    public const string ScopeFactsState = "scope-facts";

    public const string ClassificationCatalogState = "classification-catalog";

    public const string DepartmentState = "department";

    public const string CountyState = "county";
}
