using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Organization;

/// <summary>
/// 全县 of one year (key "{year}", <see cref="GrainKeys.County"/>): the register of every unit with an accepted budget and
/// its department — the scope of county consolidation. Units call it once when they first submit or move.
/// </summary>
public interface ICountyGrain : IGrainWithStringKey
{
    Task RegisterAsync(CountyUnit unit);

    /// <summary>Which of <paramref name="unitCodes"/> are county units; <paramref name="watcher"/> is told when one registers.</summary>
    Task<ImmutableArray<string>> ResolveMembersAsync(string watcher, ImmutableArray<string> unitCodes);

    [ReadOnly]
    Task<ImmutableArray<CountyUnit>> GetUnitsAsync();
}

[GenerateSerializer, Immutable, Alias("akto.county-unit")]
public sealed record CountyUnit(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string UnitName,
    [property: Id(2)] string DepartmentCode);
