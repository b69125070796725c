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
