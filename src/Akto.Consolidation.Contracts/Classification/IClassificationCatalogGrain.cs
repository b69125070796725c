using System.Collections.Immutable;
using Akto.Consolidation.Domain.Classification;
using Orleans.Concurrency;

namespace Akto.Consolidation.Contracts.Classification;

/// <summary>
/// The 科目目录 imported for one budget year on a running cluster (key = the year). It holds, per tree, the checked CSV
/// that replaces the shipped (or override-directory) tree, and a version that grows with every replacement. Units ask it
/// for the version on every submission (one cheap read-only call) and rebuild their catalog only when it changed, so a
/// replacement counts for the next submission on any silo, without a restart.
/// </summary>
public interface IClassificationCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The version of the imported trees: 0 while nothing has been imported for the year.</summary>
    [ReadOnly]
    Task<int> GetVersionAsync();

    [ReadOnly]
    Task<ImportedCatalog> GetAsync();

    /// <summary>
    /// Checks <paramref name="csv"/> (the agreed file format) as the tree of this year and, when it passes, stores it as
    /// that tree's replacement; otherwise nothing changes and every problem is returned with its line.
    /// </summary>
    Task<CatalogReplacement> ReplaceAsync(ClassificationTree tree, string csv, string author);
}

/// <summary>The imported trees of a year (null: not imported, the shipped or override-directory tree counts).</summary>
[GenerateSerializer, Immutable, Alias("akto.imported-catalog")]
public sealed record ImportedCatalog(
    [property: Id(0)] int Year,
    [property: Id(1)] int Version,
    [property: Id(2)] string? FunctionCsv,
    [property: Id(3)] string? EconomicCsv,
    [property: Id(4)] DateTimeOffset? UpdatedAt,
    [property: Id(5)] string? UpdatedBy)
{
    public string? CsvOf(ClassificationTree tree) => tree == ClassificationTree.Function ? FunctionCsv : EconomicCsv;
}

/// <summary>A problem of an imported catalog line (<see cref="CatalogProblem"/> across the wire).</summary>
[GenerateSerializer, Immutable, Alias("akto.catalog-line-error")]
public sealed record CatalogLineError(
    [property: Id(0)] int Line,
    [property: Id(1)] string Column,
    [property: Id(2)] string Message)
{
    public static CatalogLineError From(CatalogProblem problem) => new(problem.Line, problem.Column, problem.Message);

    public override string ToString() => new CatalogProblem(Line, Column, Message).ToString();
}

/// <summary>The outcome of a replacement: accepted with the new version, or refused with every problem.</summary>
[GenerateSerializer, Immutable, Alias("akto.catalog-replacement")]
public sealed record CatalogReplacement(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] int Version,
    [property: Id(2)] ImmutableArray<CatalogLineError> Errors);
