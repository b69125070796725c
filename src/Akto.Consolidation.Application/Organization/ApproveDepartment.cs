using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Mediator;

namespace Akto.Consolidation.Application.Organization;

/// <summary>部门审核通过: possible only when every unit of the department is approved.</summary>
public sealed record ApproveDepartmentCommand(int Year, string DepartmentCode, string Approver, string? IdempotencyKey)
    : ICommand<DepartmentApprovalResult>, IIdempotentCommand;

public sealed class ApproveDepartmentHandler(IGrainFactory grains) : ICommandHandler<ApproveDepartmentCommand, DepartmentApprovalResult>
{
    public async ValueTask<DepartmentApprovalResult> Handle(ApproveDepartmentCommand command, CancellationToken cancellationToken) =>
        await grains.GetDepartment(command.Year, command.DepartmentCode).ApproveAsync(command.Approver, command.IdempotencyKey);
}
