using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Units;

/// <summary>
/// One accepted version of a unit's budget (修订记录), key "{year}/{unitCode}/{version}" (<see cref="GrainKeys.Version"/>).
/// Written once, by its unit, before the unit records the version as accepted: so a unit's own state holds only the list
/// of its versions, and a submission writes its document once instead of rewriting every earlier one.
/// </summary>
public interface IBudgetVersionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores the version. Storing the same version again is harmless; a different one replaces it only while the unit has
    /// not recorded it (a write whose unit never acknowledged it, e.g. the silo died in between), which only the unit knows:
    /// only the unit calls this.
    /// </summary>
    Task StoreAsync(BudgetVersion version);

    /// <summary>The stored version; null when none was stored.</summary>
    [ReadOnly]
    Task<BudgetVersion?> GetAsync();
}
