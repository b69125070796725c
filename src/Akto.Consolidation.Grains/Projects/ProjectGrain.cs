using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Projects;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Grains.Projects;

/// <summary>
/// 项目: applies edits of one project to its unit's current document with the domain's <see cref="ProjectEdits"/> and
/// submits the result as a new unit version, naming the version it was made on. If another change came first the edit
/// is re-applied to the newer version. It keeps no state of its own: the unit's document is the single record of the
/// figures, so the project and its unit can never disagree.
/// </summary>
public sealed class ProjectGrain : Grain, IProjectGrain
{
    private const int Attempts = 5;

    private int _year;
    private string _unitCode = "";
    private string _projectCode = "";

    private IBudgetUnitGrain Unit => GrainFactory.GetBudgetUnit(_year, _unitCode);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (year, parts) = GrainKeys.Split(this.GetPrimaryKeyString(), 3);
        _year = year;
        _unitCode = parts[0];
        _projectCode = parts[1];
        return Task.CompletedTask;
    }

    public async Task<ProjectView?> GetAsync()
    {
        var current = await Unit.GetAsync();
        if (current?.Document.Projects.FirstOrDefault(p => p.Code == _projectCode) is not { } project)
        {
            return null;
        }

        var status = await Unit.GetStatusAsync();
        return new ProjectView(_year, _unitCode, current.Version, status.State, project, [.. current.Document.Lines.Where(l => l.ProjectCode == _projectCode)]);
    }

    public Task<SubmissionResult> EditAsync(ProjectEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ApplyAsync(
            document => ProjectEdits.ReplaceLines(document, _projectCode, edit.Lines, edit.Performance, edit.AdjustIncome),
            edit.Author,
            edit.Reason,
            edit.ClientRequestId);
    }

    public Task<SubmissionResult> MoveAsync(ProjectMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return ApplyAsync(
            document => ProjectEdits.MoveFunction(document, _projectCode, move.FromFunctionCode, move.ToFunctionCode, move.Amount),
            move.Author,
            move.Reason,
            move.ClientRequestId);
    }

    private async Task<SubmissionResult> ApplyAsync(Func<BudgetDocument, BudgetDocument> edit, string author, string reason, string? requestId)
    {
        // A retried edit returns its first result: re-applying it to the version it produced would apply it twice.
        if (requestId is not null && await Unit.FindResultAsync(requestId) is { } first)
        {
            return first;
        }

        SubmissionResult? result = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await Unit.GetAsync();
            if (current is null)
            {
                return new SubmissionResult(SubmissionOutcome.Refused, null, BudgetState.Draft, [], $"单位 {_unitCode} 还没有预算，不能调整项目 {_projectCode} (the unit has no budget yet)");
            }

            BudgetDocument next;
            try
            {
                next = edit(current.Document);
            }
            catch (ArgumentException exception)
            {
                var status = await Unit.GetStatusAsync();
                var message = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
                return new SubmissionResult(SubmissionOutcome.Refused, current.Version, status.State, [], message);
            }

            result = await Unit.SubmitAsync(new BudgetSubmission(next, author, reason, requestId, current.Version));
            if (result.Outcome != SubmissionOutcome.Conflict)
            {
                return result;
            }
        }

        return result!;
    }
}
