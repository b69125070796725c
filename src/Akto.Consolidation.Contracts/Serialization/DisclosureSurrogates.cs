using System.Collections.Immutable;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Contracts.Serialization;

/// <summary>Wire form of a <see cref="DisclosureSet"/> (单位/部门/全县预算公开表).</summary>
[GenerateSerializer, Immutable, Alias("akto.disclosure-set")]
public readonly record struct DisclosureSetSurrogate(
    [property: Id(0)] int Year,
    [property: Id(1)] DisclosureScopeKind ScopeKind,
    [property: Id(2)] string? ScopeCode,
    [property: Id(3)] string ScopeName,
    [property: Id(4)] string CurrencyUnit,
    [property: Id(5)] ImmutableArray<DisclosureTableSurrogate> Tables);

[GenerateSerializer, Immutable, Alias("akto.disclosure-table")]
public sealed record DisclosureTableSurrogate(
    [property: Id(0)] int Id,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableArray<string> Columns,
    [property: Id(3)] ImmutableArray<DisclosureRowSurrogate> Rows,
    [property: Id(4)] string? Note);

/// <summary>A row; <see cref="Cells"/> holds one value per entry of <see cref="CellColumns"/>, in the row's order.</summary>
[GenerateSerializer, Immutable, Alias("akto.disclosure-row")]
public sealed record DisclosureRowSurrogate(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Level,
    [property: Id(3)] string? Project,
    [property: Id(4)] string? UnitCode,
    [property: Id(5)] ImmutableArray<string> CellColumns,
    [property: Id(6)] ImmutableArray<decimal?> Cells);

[RegisterConverter]
public sealed class DisclosureSetConverter : IConverter<DisclosureSet, DisclosureSetSurrogate>
{
    public DisclosureSet ConvertFromSurrogate(in DisclosureSetSurrogate surrogate) =>
        new(
            surrogate.Year,
            new DisclosureScope(surrogate.ScopeKind, surrogate.ScopeCode, surrogate.ScopeName),
            surrogate.CurrencyUnit,
            [.. surrogate.Tables.Select(FromSurrogate)]);

    public DisclosureSetSurrogate ConvertToSurrogate(in DisclosureSet value) =>
        new(value.Year, value.Scope.Kind, value.Scope.Code, value.Scope.Name, value.CurrencyUnit, [.. value.Tables.Select(ToSurrogate)]);

    private static DisclosureTable FromSurrogate(DisclosureTableSurrogate table) =>
        new(
            table.Id,
            table.Title,
            [.. table.Columns],
            [.. table.Rows.Select(r => new DisclosureRow(r.Code, r.Name, Cells(r)) { Level = r.Level, Project = r.Project, UnitCode = r.UnitCode })],
            table.Note);

    private static Dictionary<string, decimal?> Cells(DisclosureRowSurrogate row)
    {
        var cells = new Dictionary<string, decimal?>(row.CellColumns.Length);
        for (var i = 0; i < row.CellColumns.Length; i++)
        {
            cells[row.CellColumns[i]] = row.Cells[i];
        }

        return cells;
    }

    private static DisclosureTableSurrogate ToSurrogate(DisclosureTable table) =>
        new(
            table.Id,
            table.Title,
            [.. table.Columns],
            [.. table.Rows.Select(r => new DisclosureRowSurrogate(r.Code, r.Name, r.Level, r.Project, r.UnitCode, [.. r.Cells.Keys], [.. r.Cells.Values]))],
            table.Note);
}
