using System.Collections.Immutable;
using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Validation;
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

public sealed class SubmitBudgetHandler(IGrainFactory grains) : ICommandHandler<SubmitBudgetCommand, SubmissionResult>
{
    public async ValueTask<SubmissionResult> Handle(SubmitBudgetCommand command, CancellationToken cancellationToken)
    {
        var unit = grains.GetBudgetUnit(command.Year, command.UnitCode);
        if (command.IdempotencyKey is { } key && await unit.FindResultAsync(key) is { } first)
        {
            return first;
        }

        var read = BudgetDocumentReader.Read(command.Body);
        var findings = read.Findings.ToList();
        if (read.Document is { } document)
        {
            if (document.Year != command.Year)
            {
                findings.Add(new Finding("S-20", Severity.Error, $"文档年度 {document.Year} 与地址中的年度 {command.Year} 不一致", ["$.year"]));
            }

            if (document.UnitCode != command.UnitCode)
            {
                findings.Add(new Finding("S-20", Severity.Error, $"文档单位编码 {document.UnitCode} 与地址中的单位编码 {command.UnitCode} 不一致", ["$.unitCode"]));
            }
        }

        if (read.Document is null || findings.Any(f => f.Severity == Severity.Error))
        {
            var status = await unit.GetStatusAsync();
            return new SubmissionResult(SubmissionOutcome.Rejected, status.CurrentVersion, status.State, [.. findings], "预算文档无法接受 (the document cannot be accepted)");
        }

        return await unit.SubmitAsync(new BudgetSubmission(read.Document, command.Author, command.Reason, command.IdempotencyKey, command.ExpectedVersion));
    }
}
