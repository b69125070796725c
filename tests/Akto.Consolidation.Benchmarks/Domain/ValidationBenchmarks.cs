using System.Text.Json;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
using BenchmarkDotNet.Attributes;

namespace Akto.Consolidation.Benchmarks.Domain;

/// <summary>
/// Validating one document, against reading it (JSON syntax, JSON Schema, binding) as the baseline. <c>seed</c> is the
/// real disclosure (many lines, projects and performance tables); <c>random</c> is the median-sized document of the 300
/// random units the other benchmarks consolidate. <c>ShapeBySchema</c> and <c>ShapeByChecker</c> compare the two ways of
/// finding the schema's violations on a document already parsed: JsonSchema.Net evaluation (the oracle) and the
/// hand-written <see cref="BudgetDocumentShape"/> that <c>Read</c> uses.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private byte[] _json = [];
    private BudgetDocument _document = new();
    private JsonDocument? _parsed;

    [Params("seed", "random")]
    public string Document { get; set; } = "seed";

    [GlobalSetup]
    public void Setup()
    {
        if (Document == "seed")
        {
            _json = RandomBudgets.SeedJson;
        }
        else
        {
            var documents = RandomBudgets.Create(DomainBenchmarks.MaxUnits);
            var median = documents.OrderBy(d => d.Lines.Count).ThenBy(d => d.UnitCode, StringComparer.Ordinal).ElementAt(documents.Count / 2);
            _json = JsonSerializer.SerializeToUtf8Bytes(median, BudgetJson.Options);
        }

        _document = BudgetDocumentReader.Read(_json).Document ?? throw new InvalidOperationException($"{Document}: unreadable");
        _parsed = JsonDocument.Parse(_json);
        SteadyState.WarmUpValidator(_json);
    }

    /// <summary>Syntax, schema and binding: what every submission pays before any rule runs.</summary>
    [Benchmark(Baseline = true)]
    public BudgetReadResult Read() => BudgetDocumentReader.Read(_json);

    /// <summary>The schema's violations by JsonSchema.Net evaluation (what <c>Read</c> paid before the checker).</summary>
    [Benchmark]
    public int ShapeBySchema() => BudgetDocumentReader.SchemaFindingsBySchema(_parsed!.RootElement).Count;

    /// <summary>The schema's violations by <see cref="BudgetDocumentShape"/>: one walk, what <c>Read</c> pays now.</summary>
    [Benchmark]
    public int ShapeByChecker() => BudgetDocumentShape.Findings(_parsed!.RootElement).Count;

    [GlobalCleanup]
    public void Cleanup() => _parsed?.Dispose();

    /// <summary>Every audit rule on a document already read (tables 1–11 computed on the way).</summary>
    [Benchmark]
    public ValidationReport Validate() => BudgetValidator.Validate(_document);

    /// <summary>What a grain does with a submission: read, then validate.</summary>
    [Benchmark]
    public int ReadAndValidate() => BudgetValidator.ReadAndValidate(_json).Report.Findings.Count;
}
