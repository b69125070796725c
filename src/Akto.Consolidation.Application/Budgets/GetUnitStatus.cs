using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>A unit's workflow state, department and history.</summary>
public sealed record GetUnitStatusQuery(int Year, string UnitCode) : IQuery<UnitStatus>;

public sealed class GetUnitStatusHandler(IGrainFactory grains) : IQueryHandler<GetUnitStatusQuery, UnitStatus>
{
    public async ValueTask<UnitStatus> Handle(GetUnitStatusQuery query, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(query.Year, query.UnitCode).GetStatusAsync();
}
