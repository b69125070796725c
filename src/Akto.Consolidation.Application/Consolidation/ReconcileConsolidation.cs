using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Consolidation;
using Mediator;

namespace Akto.Consolidation.Application.Consolidation;

/// <summary>对账: recompute a scope from its units' current versions, compare with the trees and repair.</summary>
public sealed record ReconcileConsolidationCommand(int Year, ConsolidationScope Scope) : ICommand<ReconciliationReport>;

public sealed class ReconcileConsolidationHandler(IGrainFactory grains) : ICommandHandler<ReconcileConsolidationCommand, ReconciliationReport>
{
    public async ValueTask<ReconciliationReport> Handle(ReconcileConsolidationCommand command, CancellationToken cancellationToken) =>
        await grains.GetReconciliation().ReconcileAsync(command.Year, command.Scope);
}
