using System.Collections.Immutable;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Domain.Validation;

namespace Akto.Consolidation.Contracts.Serialization;

/// <summary>Wire form of <see cref="BudgetFacts"/>: every non-zero cell, exact.</summary>
[GenerateSerializer, Immutable, Alias("akto.budget-facts")]
public readonly record struct BudgetFactsSurrogate(
    [property: Id(0)] int Year,
    [property: Id(1)] ImmutableArray<IncomeCell> Income,
    [property: Id(2)] ImmutableArray<LineCell> Lines,
    [property: Id(3)] ImmutableArray<ProjectCell> Projects,
    [property: Id(4)] ImmutableArray<ThreePublicCell> ThreePublic,
    [property: Id(5)] decimal OfficeOperatingAmount,
    [property: Id(6)] int UnitCount);

[GenerateSerializer, Immutable, Alias("akto.budget-facts.income")]
public sealed record IncomeCell([property: Id(0)] FundSource Source, [property: Id(1)] decimal Amount);

[GenerateSerializer, Immutable, Alias("akto.budget-facts.line")]
public sealed record LineCell(
    [property: Id(0)] string FunctionCode,
    [property: Id(1)] ExpenditureCategory Category,
    [property: Id(2)] string EconomicCode,
    [property: Id(3)] FundSource FundSource,
    [property: Id(4)] string? ProjectUnitCode,
    [property: Id(5)] string? ProjectCode,
    [property: Id(6)] decimal Amount);

[GenerateSerializer, Immutable, Alias("akto.budget-facts.project")]
public sealed record ProjectCell(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string ProjectCode,
    [property: Id(2)] string Name,
    [property: Id(3)] ProjectKind Kind,
    [property: Id(4)] int Order);

[GenerateSerializer, Immutable, Alias("akto.budget-facts.three-public")]
public sealed record ThreePublicCell([property: Id(0)] ThreePublicItem Item, [property: Id(1)] BudgetType BudgetType, [property: Id(2)] decimal Amount);

[RegisterConverter]
public sealed class BudgetFactsConverter : IConverter<BudgetFacts, BudgetFactsSurrogate>
{
    public BudgetFacts ConvertFromSurrogate(in BudgetFactsSurrogate surrogate) =>
        BudgetFacts.FromCells(
            surrogate.Year,
            surrogate.Income.Select(c => KeyValuePair.Create(c.Source, c.Amount)),
            surrogate.Lines.Select(c => KeyValuePair.Create(
                new LineKey(c.FunctionCode, c.Category, c.EconomicCode, c.FundSource, c.ProjectCode is null ? null : new ProjectRef(c.ProjectUnitCode ?? "", c.ProjectCode)),
                c.Amount)),
            surrogate.Projects.Select(p => new ProjectInfo(new ProjectRef(p.UnitCode, p.ProjectCode), p.Name, p.Kind, p.Order)),
            surrogate.ThreePublic.Select(c => KeyValuePair.Create((c.Item, c.BudgetType), c.Amount)),
            surrogate.OfficeOperatingAmount,
            surrogate.UnitCount);

    public BudgetFactsSurrogate ConvertToSurrogate(in BudgetFacts value) =>
        new(
            value.Year,
            [.. value.Income.Select(p => new IncomeCell(p.Key, p.Value))],
            [.. value.Lines.Select(p => new LineCell(p.Key.FunctionCode, p.Key.Category, p.Key.EconomicCode, p.Key.FundSource, p.Key.Project?.UnitCode, p.Key.Project?.ProjectCode, p.Value))],
            [.. value.Projects.Values.Select(p => new ProjectCell(p.Ref.UnitCode, p.Ref.ProjectCode, p.Name, p.Kind, p.Order))],
            [.. value.ThreePublic.Select(p => new ThreePublicCell(p.Key.Item, p.Key.BudgetType, p.Value))],
            value.OfficeOperatingAmount,
            value.UnitCount);
}

/// <summary>Wire form of an <see cref="InternalTransfer"/> (内部往来).</summary>
[GenerateSerializer, Immutable, Alias("akto.internal-transfer")]
public readonly record struct InternalTransferSurrogate(
    [property: Id(0)] string PayerUnitCode,
    [property: Id(1)] string PayeeUnitCode,
    [property: Id(2)] decimal PaidAmount,
    [property: Id(3)] decimal ReceivedAmount);

[RegisterConverter]
public sealed class InternalTransferConverter : IConverter<InternalTransfer, InternalTransferSurrogate>
{
    public InternalTransfer ConvertFromSurrogate(in InternalTransferSurrogate surrogate) =>
        new(surrogate.PayerUnitCode, surrogate.PayeeUnitCode, surrogate.PaidAmount, surrogate.ReceivedAmount);

    public InternalTransferSurrogate ConvertToSurrogate(in InternalTransfer value) =>
        new(value.PayerUnitCode, value.PayeeUnitCode, value.PaidAmount, value.ReceivedAmount);
}

/// <summary>Wire form of a unit's <see cref="TransferDeclarations"/>.</summary>
[GenerateSerializer, Immutable, Alias("akto.transfer-declarations")]
public readonly record struct TransferDeclarationsSurrogate(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] ImmutableArray<TransferAmount> Paid,
    [property: Id(2)] ImmutableArray<TransferAmount> Received,
    [property: Id(3)] ImmutableArray<Finding> Findings);

/// <summary>An amount paid to or received from another unit.</summary>
[GenerateSerializer, Immutable, Alias("akto.transfer-amount")]
public sealed record TransferAmount([property: Id(0)] string UnitCode, [property: Id(1)] decimal Amount);

[RegisterConverter]
public sealed class TransferDeclarationsConverter : IConverter<TransferDeclarations, TransferDeclarationsSurrogate>
{
    public TransferDeclarations ConvertFromSurrogate(in TransferDeclarationsSurrogate surrogate) =>
        new(
            surrogate.UnitCode,
            ToDictionary(surrogate.Paid),
            ToDictionary(surrogate.Received),
            surrogate.Findings.IsDefault ? [] : [.. surrogate.Findings]);

    public TransferDeclarationsSurrogate ConvertToSurrogate(in TransferDeclarations value) =>
        new(
            value.UnitCode,
            [.. value.Paid.Select(p => new TransferAmount(p.Key, p.Value))],
            [.. value.Received.Select(p => new TransferAmount(p.Key, p.Value))],
            [.. value.Findings]);

    private static SortedDictionary<string, decimal> ToDictionary(ImmutableArray<TransferAmount> amounts)
    {
        var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var amount in amounts.IsDefault ? [] : amounts)
        {
            result[amount.UnitCode] = result.GetValueOrDefault(amount.UnitCode) + amount.Amount;
        }

        return result;
    }
}
