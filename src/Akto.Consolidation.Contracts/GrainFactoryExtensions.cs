using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Projects;
using Akto.Consolidation.Contracts.Units;

namespace Akto.Consolidation.Contracts;

/// <summary>Typed access to the grains by their business keys.</summary>
public static class GrainFactoryExtensions
{
    public static IBudgetUnitGrain GetBudgetUnit(this IGrainFactory factory, int year, string unitCode) =>
        factory.GetGrain<IBudgetUnitGrain>(GrainKeys.Unit(year, unitCode));

    public static IBudgetVersionGrain GetBudgetVersion(this IGrainFactory factory, int year, string unitCode, int version) =>
        factory.GetGrain<IBudgetVersionGrain>(GrainKeys.Version(year, unitCode, version));

    public static IProjectGrain GetProject(this IGrainFactory factory, int year, string unitCode, string projectCode) =>
        factory.GetGrain<IProjectGrain>(GrainKeys.Project(year, unitCode, projectCode));

    public static IDepartmentGrain GetDepartment(this IGrainFactory factory, int year, string departmentCode) =>
        factory.GetGrain<IDepartmentGrain>(GrainKeys.Department(year, departmentCode));

    public static ICountyGrain GetCounty(this IGrainFactory factory, int year) =>
        factory.GetGrain<ICountyGrain>(GrainKeys.County(year));

    public static IClassificationNodeGrain GetNode(this IGrainFactory factory, NodeKey key) =>
        factory.GetGrain<IClassificationNodeGrain>(key.ToString());

    public static IScopeRepairGrain GetScopeRepair(this IGrainFactory factory, int year, ConsolidationScope scope) =>
        factory.GetGrain<IScopeRepairGrain>(GrainKeys.Scope(year, scope));

    /// <summary>The shard of a scope's consolidated facts that <paramref name="unitCode"/> contributes to.</summary>
    public static IScopeFactsGrain GetScopeFacts(this IGrainFactory factory, int year, ConsolidationScope scope, string unitCode) =>
        factory.GetGrain<IScopeFactsGrain>(ScopeFactsKey.ForUnit(year, scope, unitCode));

    public static IClassificationCatalogGrain GetClassificationCatalog(this IGrainFactory factory, int year) =>
        factory.GetGrain<IClassificationCatalogGrain>(year);

    public static IConsolidationGrain GetConsolidation(this IGrainFactory factory) =>
        factory.GetGrain<IConsolidationGrain>(0);

    public static IReconciliationGrain GetReconciliation(this IGrainFactory factory) =>
        factory.GetGrain<IReconciliationGrain>(0);
}
