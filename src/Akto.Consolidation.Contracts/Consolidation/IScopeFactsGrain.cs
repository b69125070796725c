using System.Collections.Immutable;
using System.Globalization;
using Akto.Consolidation.Domain.Facts;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Consolidation;

/// <summary>
/// 合并事实: one shard of a scope's consolidated facts (key "{year}/{scope}/{shard}", <see cref="ScopeFactsKey"/>). Each
/// unit of the scope puts its facts within the scope (internal transfers eliminated) in the shard of its code, absolute and
/// versioned like its tree contributions; the shard keeps the running sum, so a department's or the county's tables 1–11
/// cost what the sum's cells cost, not a read of every unit's document.
/// </summary>
public interface IScopeFactsGrain : IGrainWithStringKey
{
    /// <summary>Records a unit's facts (null: the unit left the scope); older versions are ignored unless forced.</summary>
    Task ContributeAsync(UnitFactsContribution contribution);

    /// <summary>The shard's sum, its units' document versions and their transfer declarations.</summary>
    [AlwaysInterleave]
    Task<ScopeFactsPart> GetAsync();

    /// <summary>Every unit's entry (reconciliation compares them with the recomputation).</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<UnitFactsEntry>> GetEntriesAsync();
}

/// <summary>A unit's facts within a scope, with the unit's contribution version and the document version they come from.</summary>
[GenerateSerializer, Immutable, Alias("akto.unit-facts-contribution")]
public sealed record UnitFactsContribution(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] long Version,
    [property: Id(2)] int? DocumentVersion,
    [property: Id(3)] BudgetFacts? Facts,
    [property: Id(4)] TransferDeclarations? Transfers,
    [property: Id(5)] bool Force);

/// <summary>What a shard holds for one unit.</summary>
[GenerateSerializer, Immutable, Alias("akto.unit-facts-entry")]
public sealed record UnitFactsEntry(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] long Version,
    [property: Id(2)] int? DocumentVersion,
    [property: Id(3)] BudgetFacts? Facts,
    [property: Id(4)] TransferDeclarations? Transfers);

/// <summary>A shard's part of a scope's consolidation.</summary>
/// <param name="Facts">Σ of the shard's units' facts within the scope.</param>
/// <param name="Units">Units with facts, and the document version each contributed.</param>
/// <param name="Transfers">The non-empty transfer declarations of those units.</param>
[GenerateSerializer, Immutable, Alias("akto.scope-facts-part")]
public sealed record ScopeFactsPart(
    [property: Id(0)] BudgetFacts Facts,
    [property: Id(1)] ImmutableArray<UnitVersionRef> Units,
    [property: Id(2)] ImmutableArray<TransferDeclarations> Transfers);

/// <summary>Which shard of a scope's facts a unit belongs to.</summary>
public static class ScopeFactsKey
{
    /// <summary>Shards of the county's facts: a county's units spread over them, so no one shard holds (and checkpoints) them all.</summary>
    public const int CountyShards = 16;

    /// <summary>Shards of a department's facts: a department has tens of units, not thousands.</summary>
    public const int DepartmentShards = 1;

    public static int ShardsOf(ConsolidationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsCounty ? CountyShards : DepartmentShards;
    }

    /// <summary>The shard of <paramref name="unitCode"/>: a stable hash of the code (not <see cref="string.GetHashCode()"/>, which differs per process).</summary>
    public static int ShardOf(ConsolidationScope scope, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        var hash = 2166136261u;
        foreach (var c in unitCode)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % (uint)ShardsOf(scope));
    }

    /// <summary>"{year}/{scope}/{shard}".</summary>
    public static string Of(int year, ConsolidationScope scope, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, ShardsOf(scope));
        return $"{GrainKeys.Scope(year, scope)}/{shard.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>True for a text of the shape of a scope-facts key (three segments), as opposed to a node key.</summary>
    public static bool IsKey(string key) => key.Count(c => c == '/') == 2;

    public static string ForUnit(int year, ConsolidationScope scope, string unitCode) => Of(year, scope, ShardOf(scope, unitCode));

    /// <summary>Every shard key of a scope.</summary>
    public static IEnumerable<string> All(int year, ConsolidationScope scope) =>
        Enumerable.Range(0, ShardsOf(scope)).Select(shard => Of(year, scope, shard));

    /// <summary>Reads a shard key back.</summary>
    public static (int Year, ConsolidationScope Scope, int Shard) Parse(string key)
    {
        var (year, parts) = GrainKeys.Split(key, 3);
        if (!ConsolidationScope.TryParse(parts[0], out var scope) || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var shard) || shard >= ShardsOf(scope))
        {
            throw new FormatException($"grain key '{key}' is not a scope-facts key ({{year}}/{{scope}}/{{shard}})");
        }

        return (year, scope, shard);
    }
}
