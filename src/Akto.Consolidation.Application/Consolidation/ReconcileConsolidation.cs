using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Consolidation;
using Mediator;

namespace Akto.Consolidation.Application.Consolidation;

/// <summary>对账: recompute a scope from its units' current versions, compare with the trees and repair.</summary>
public sealed record ReconcileConsolidationCommand(int Year, ConsolidationScope Scope) : ICommand<ReconciliationReport>;

public sealed class ReconcileConsolidationHandler(IGrainFactory grains) : ICommandHandler<ReconcileConsolidationCommand, ReconciliationReport>
{
    public async ValueTask<ReconciliationReport> Handle(ReconcileConsolidationCommand command, CancellationToken cancellationToken) =>
        await grains.GetConsolidation().ReconcileAsync(command.Year, command.Scope);
}

/// <summary>部门审核通过: possible only when every unit of the department is approved.</summary>
public sealed record ApproveDepartmentCommand(int Year, string DepartmentCode, string Approver, string? IdempotencyKey)
    : ICommand<Contracts.Organization.DepartmentApprovalResult>, Behaviors.IIdempotentCommand;

public sealed class ApproveDepartmentHandler(IGrainFactory grains) : ICommandHandler<ApproveDepartmentCommand, Contracts.Organization.DepartmentApprovalResult>
{
    public async ValueTask<Contracts.Organization.DepartmentApprovalResult> Handle(ApproveDepartmentCommand command, CancellationToken cancellationToken) =>
        await grains.GetDepartment(command.Year, command.DepartmentCode).ApproveAsync(command.Approver, command.IdempotencyKey);
}
