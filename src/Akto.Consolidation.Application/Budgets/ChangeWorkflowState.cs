using System.Collections.Immutable;
using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>The workflow actions of the API: 送审, 审核通过, 退回, 重新编辑.</summary>
public enum WorkflowActionName
{
    Submit,
    Approve,
    Return,
    Reopen,
}

/// <summary>A workflow transition of a unit's budget; 退回 needs at least one reason.</summary>
public sealed record ChangeWorkflowStateCommand(
    int Year,
    string UnitCode,
    WorkflowActionName Action,
    string Actor,
    IReadOnlyList<string> Reasons,
    string? IdempotencyKey) : ICommand<WorkflowResult>, IIdempotentCommand, IValidatedMessage
{
    public IReadOnlyDictionary<string, string[]> Validate() =>
        Action == WorkflowActionName.Return && !Reasons.Any(r => !string.IsNullOrWhiteSpace(r))
            ? new Dictionary<string, string[]> { ["reasons"] = ["退回须说明原因 (returning a budget needs at least one reason)"] }
            : new Dictionary<string, string[]>();
}

public sealed class ChangeWorkflowStateHandler(IGrainFactory grains) : ICommandHandler<ChangeWorkflowStateCommand, WorkflowResult>
{
    public async ValueTask<WorkflowResult> Handle(ChangeWorkflowStateCommand command, CancellationToken cancellationToken)
    {
        var unit = grains.GetBudgetUnit(command.Year, command.UnitCode);
        var workflow = new WorkflowCommand(command.Actor, [.. command.Reasons.Where(r => !string.IsNullOrWhiteSpace(r))], command.IdempotencyKey);
        return command.Action switch
        {
            WorkflowActionName.Submit => await unit.SendForReviewAsync(workflow),
            WorkflowActionName.Approve => await unit.ApproveAsync(workflow),
            WorkflowActionName.Return => await unit.ReturnAsync(workflow),
            _ => await unit.ReopenAsync(workflow),
        };
    }
}
