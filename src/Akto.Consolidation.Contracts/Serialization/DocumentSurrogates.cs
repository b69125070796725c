using System.Text.Json;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Contracts.Serialization;

// The domain stays free of Orleans: its documents travel and are stored as the budget-document JSON format
// (docs/budget-document.schema.json, BudgetJson conventions), which is already versioned, schema-checked and stable.
// That keeps grain state readable by any tool and immune to renaming a C# property's Orleans field id.

/// <summary>Wire and storage form of a <see cref="BudgetDocument"/>: its JSON in the budget-document format.</summary>
[GenerateSerializer, Alias("akto.budget-document")]
public struct BudgetDocumentSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
public sealed class BudgetDocumentConverter : IConverter<BudgetDocument, BudgetDocumentSurrogate>
{
    public BudgetDocument ConvertFromSurrogate(in BudgetDocumentSurrogate surrogate) => DomainJson.Read<BudgetDocument>(surrogate.Json);

    public BudgetDocumentSurrogate ConvertToSurrogate(in BudgetDocument value) => new() { Json = DomainJson.Write(value) };
}

/// <summary>Wire form of a <see cref="BudgetProject"/> (项目), as in the budget-document format.</summary>
[GenerateSerializer, Alias("akto.budget-project")]
public struct BudgetProjectSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
public sealed class BudgetProjectConverter : IConverter<BudgetProject, BudgetProjectSurrogate>
{
    public BudgetProject ConvertFromSurrogate(in BudgetProjectSurrogate surrogate) => DomainJson.Read<BudgetProject>(surrogate.Json);

    public BudgetProjectSurrogate ConvertToSurrogate(in BudgetProject value) => new() { Json = DomainJson.Write(value) };
}

/// <summary>Wire form of an <see cref="ExpenditureLine"/> (支出明细行), as in the budget-document format.</summary>
[GenerateSerializer, Alias("akto.expenditure-line")]
public struct ExpenditureLineSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
public sealed class ExpenditureLineConverter : IConverter<ExpenditureLine, ExpenditureLineSurrogate>
{
    public ExpenditureLine ConvertFromSurrogate(in ExpenditureLineSurrogate surrogate) => DomainJson.Read<ExpenditureLine>(surrogate.Json);

    public ExpenditureLineSurrogate ConvertToSurrogate(in ExpenditureLine value) => new() { Json = DomainJson.Write(value) };
}

/// <summary>Wire form of a <see cref="ProjectPerformance"/> (项目支出绩效目标表), as in the budget-document format.</summary>
[GenerateSerializer, Alias("akto.project-performance")]
public struct ProjectPerformanceSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
public sealed class ProjectPerformanceConverter : IConverter<ProjectPerformance, ProjectPerformanceSurrogate>
{
    public ProjectPerformance ConvertFromSurrogate(in ProjectPerformanceSurrogate surrogate) => DomainJson.Read<ProjectPerformance>(surrogate.Json);

    public ProjectPerformanceSurrogate ConvertToSurrogate(in ProjectPerformance value) => new() { Json = DomainJson.Write(value) };
}

/// <summary>Wire form of an audit <see cref="Finding"/>.</summary>
[GenerateSerializer, Alias("akto.finding")]
public struct FindingSurrogate
{
    [Id(0)]
    public string RuleId;

    [Id(1)]
    public Severity Severity;

    [Id(2)]
    public string Message;

    [Id(3)]
    public string[] Locations;
}

[RegisterConverter]
public sealed class FindingConverter : IConverter<Finding, FindingSurrogate>
{
    public Finding ConvertFromSurrogate(in FindingSurrogate surrogate) =>
        new(surrogate.RuleId, surrogate.Severity, surrogate.Message, surrogate.Locations ?? []);

    public FindingSurrogate ConvertToSurrogate(in Finding value) =>
        new() { RuleId = value.RuleId, Severity = value.Severity, Message = value.Message, Locations = [.. value.Locations] };
}

internal static class DomainJson
{
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, BudgetJson.Options) ?? throw new JsonException($"{typeof(T).Name}: null JSON");

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, BudgetJson.Options);
}
