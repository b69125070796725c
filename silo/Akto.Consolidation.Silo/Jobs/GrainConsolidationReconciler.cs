using Akto.Consolidation.Application.Consolidation;
using Akto.Consolidation.Contracts;
using Mediator;

namespace Akto.Consolidation.Silo.Jobs;

/// <summary>
/// Reconciles the county and every department of each configured budget year that has units, through the
/// reconciliation grain (recompute from the units' current versions, compare every node, repair).
/// </summary>
public sealed class GrainConsolidationReconciler(IGrainFactory grains, IServiceScopeFactory scopes, Hosting.AktoSettings settings) : IConsolidationReconciler
{
    public async Task<ReconciliationSummary> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        int nodes = 0, found = 0, remaining = 0;
        var notes = new List<string>();
        foreach (var year in settings.ReconcileYears)
        {
            var units = await grains.GetCounty(year).GetUnitsAsync();
            if (units.IsEmpty)
            {
                continue;
            }

            var scopesOfYear = units.Select(u => u.DepartmentCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(ConsolidationScope.Department)
                .Prepend(ConsolidationScope.County);
            foreach (var consolidationScope in scopesOfYear)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var report = await mediator.Send(new ReconcileConsolidationCommand(year, consolidationScope), cancellationToken);
                nodes += report.NodesChecked;
                found += report.Differences.Length;
                remaining += report.Remaining.Length;
                if (!report.Differences.IsEmpty || !report.MembershipRepairs.IsEmpty)
                {
                    notes.Add($"{year} {consolidationScope}: 差异 {report.Differences.Length}，重发单位 {report.UnitsRepublished.Length}，成员修复 {report.MembershipRepairs.Length}，剩余 {report.Remaining.Length}");
                }
            }
        }

        if (remaining > 0)
        {
            notes.Add($"仍有 {remaining} 处差异未能修复 (differences left after repair)");
        }

        return new ReconciliationSummary(nodes, found, found - remaining, notes);
    }
}
