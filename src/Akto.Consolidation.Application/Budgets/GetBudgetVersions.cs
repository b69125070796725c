using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>修订轨迹: every accepted version of a unit's budget, oldest first.</summary>
public sealed record GetBudgetVersionsQuery(int Year, string UnitCode) : IQuery<IReadOnlyList<BudgetVersionInfo>>;

public sealed class GetBudgetVersionsHandler(IGrainFactory grains) : IQueryHandler<GetBudgetVersionsQuery, IReadOnlyList<BudgetVersionInfo>>
{
    public async ValueTask<IReadOnlyList<BudgetVersionInfo>> Handle(GetBudgetVersionsQuery query, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(query.Year, query.UnitCode).GetVersionsAsync();
}
