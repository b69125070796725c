using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Microsoft.Extensions.Logging;

namespace Akto.Consolidation.Grains.Units;

/// <summary>Where a unit belongs: telling its department and the county (all idempotent), and leaving a department it moved from.</summary>
internal static class UnitOrganization
{
    /// <summary>
    /// Joins the unit's department and registers it with the county when <paramref name="register"/>; completes a move by
    /// leaving the old department (<see cref="BudgetUnitState.PendingLeave"/> is cleared in the state, stored with the
    /// unit's next write — leaving twice is harmless if that write never comes).
    /// </summary>
    public static async Task SyncAsync(IGrainFactory grains, int year, string unitCode, BudgetUnitState state, bool register, ILogger logger)
    {
        if (state.DepartmentCode is not { } department || state.UnitName is not { } unitName)
        {
            return;
        }

        if (register)
        {
            var joined = await grains.GetDepartment(year, department).JoinAsync(new DepartmentMember(unitCode, unitName, state.Status));
            if (!joined.Accepted)
            {
                logger.LogWarning("Unit {Year}/{Unit} could not rejoin department {Department}: {Error}", year, unitCode, department, joined.Error);
            }

            await grains.GetCounty(year).RegisterAsync(new CountyUnit(unitCode, unitName, department));
        }

        if (state.PendingLeave is { } left)
        {
            if (left != department)
            {
                await grains.GetDepartment(year, left).LeaveAsync(unitCode);
            }

            state.PendingLeave = null;
        }
    }
}
