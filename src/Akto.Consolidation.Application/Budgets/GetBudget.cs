using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>An accepted version of a unit's budget: the current one, or <see cref="Version"/>.</summary>
public sealed record GetBudgetQuery(int Year, string UnitCode, int? Version) : IQuery<BudgetVersion?>;

public sealed class GetBudgetHandler(IGrainFactory grains) : IQueryHandler<GetBudgetQuery, BudgetVersion?>
{
    public async ValueTask<BudgetVersion?> Handle(GetBudgetQuery query, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(query.Year, query.UnitCode).GetAsync(query.Version);
}

/// <summary>修订轨迹: every accepted version of a unit's budget, oldest first.</summary>
public sealed record GetBudgetVersionsQuery(int Year, string UnitCode) : IQuery<IReadOnlyList<BudgetVersionInfo>>;

public sealed class GetBudgetVersionsHandler(IGrainFactory grains) : IQueryHandler<GetBudgetVersionsQuery, IReadOnlyList<BudgetVersionInfo>>
{
    public async ValueTask<IReadOnlyList<BudgetVersionInfo>> Handle(GetBudgetVersionsQuery query, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(query.Year, query.UnitCode).GetVersionsAsync();
}

/// <summary>A unit's workflow state, department and history.</summary>
public sealed record GetUnitStatusQuery(int Year, string UnitCode) : IQuery<UnitStatus>;

public sealed class GetUnitStatusHandler(IGrainFactory grains) : IQueryHandler<GetUnitStatusQuery, UnitStatus>
{
    public async ValueTask<UnitStatus> Handle(GetUnitStatusQuery query, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(query.Year, query.UnitCode).GetStatusAsync();
}
