using System.Text;
using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Mediator;

namespace Akto.Consolidation.Application.Budgets;

/// <summary>
/// 提交预算: a new version of a unit's budget document. The body's year and unit code must be those of the URL; syntax,
/// schema and audit errors reject it and leave the accepted version untouched.
/// </summary>
/// <param name="ExpectedVersion">From <c>If-Match</c>: refuse unless this is the current version.</param>
public sealed record SubmitBudgetCommand(
    int Year,
    string UnitCode,
    ReadOnlyMemory<byte> Body,
    string Author,
    string Reason,
    string? IdempotencyKey,
    int? ExpectedVersion) : ICommand<SubmissionResult>, IIdempotentCommand;

/// <summary>
/// Hands the body to the unit grain as it came: the grain replays a known request id, reads the JSON (syntax, schema),
/// refuses a document of another year or unit, validates and only then accepts — one place for all of it.
/// </summary>
public sealed class SubmitBudgetHandler(IGrainFactory grains) : ICommandHandler<SubmitBudgetCommand, SubmissionResult>
{
    public async ValueTask<SubmissionResult> Handle(SubmitBudgetCommand command, CancellationToken cancellationToken) =>
        await grains.GetBudgetUnit(command.Year, command.UnitCode).SubmitJsonAsync(
            new BudgetJsonSubmission(Encoding.UTF8.GetString(command.Body.Span), command.Author, command.Reason, command.IdempotencyKey, command.ExpectedVersion));
}
