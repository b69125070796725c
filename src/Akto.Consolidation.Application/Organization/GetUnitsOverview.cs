using System.Collections.Immutable;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Organization;

/// <summary>单位总览 of a year: every department (or one, <paramref name="DepartmentCode"/>) with its units.</summary>
public sealed record GetUnitsOverviewQuery(int Year, string? DepartmentCode) : IQuery<UnitsOverview>;

/// <summary>
/// Reads the county register and the departments' statuses (members, states, approval), then every unit's status, all
/// concurrently: a unit's status is its row's summary, so a 1,000-unit county costs 1,000 small reads and no document.
/// A unit is listed under the department whose member it is; one the county registered but no department lists yet (a
/// move in flight) under the county register's department.
/// </summary>
public sealed class GetUnitsOverviewHandler(IGrainFactory grains) : IQueryHandler<GetUnitsOverviewQuery, UnitsOverview>
{
    public async ValueTask<UnitsOverview> Handle(GetUnitsOverviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var registered = query.DepartmentCode is null ? await grains.GetCounty(query.Year).GetUnitsAsync() : [];
        var departmentCodes = query.DepartmentCode is { } one
            ? [one]
            : registered.Select(u => u.DepartmentCode).Distinct(StringComparer.Ordinal).ToList();

        var departments = await Task.WhenAll(departmentCodes.Select(code => grains.GetDepartment(query.Year, code).GetStatusAsync()));
        var listed = departments.SelectMany(d => d.Members.Select(m => m.UnitCode)).ToHashSet(StringComparer.Ordinal);
        var unlisted = registered.Where(u => !listed.Contains(u.UnitCode)).ToList();

        var unitCodes = listed.Concat(unlisted.Select(u => u.UnitCode)).ToList();
        var statuses = (await Task.WhenAll(unitCodes.Select(code => grains.GetBudgetUnit(query.Year, code).GetStatusAsync())))
            .ToDictionary(s => s.UnitCode, StringComparer.Ordinal);

        var result = departments
            .Select(d => new DepartmentOverview(
                d.DepartmentCode,
                d.Name,
                d.Approved,
                [.. d.Members.Select(m => Overview(statuses[m.UnitCode], m.UnitName))
                    .Concat(unlisted.Where(u => u.DepartmentCode == d.DepartmentCode).Select(u => Overview(statuses[u.UnitCode], u.UnitName)))
                    .OrderBy(u => u.UnitCode, StringComparer.Ordinal)]))
            .Where(d => d.Units.Length > 0 || d.Approved)
            .OrderBy(d => d.DepartmentCode, StringComparer.Ordinal);
        return new UnitsOverview(query.Year, [.. result]);
    }

    private static UnitOverview Overview(UnitStatus status, string name) =>
        new(status.UnitCode, status.UnitName ?? name, status.State, status.CurrentVersion, status.WarningCount, status.LastChangedAt);
}
