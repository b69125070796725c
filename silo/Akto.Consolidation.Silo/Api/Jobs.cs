using Akto.Consolidation.Application.Behaviors;
using Akto.Consolidation.Silo.Jobs;
using Hangfire;
using Mediator;

namespace Akto.Consolidation.Silo.Api;

/// <summary>The latest recorded runs of the scheduled jobs.</summary>
public sealed record ListJobRunsQuery(string? JobId, int Limit) : IQuery<IReadOnlyList<JobRun>>, IValidatedMessage
{
    public IReadOnlyDictionary<string, string[]> Validate() =>
        Limit is < 1 or > 500
            ? new Dictionary<string, string[]> { ["limit"] = ["limit 须在 1–500 之间 (limit must be 1–500)"] }
            : new Dictionary<string, string[]>();
}

public sealed class ListJobRunsHandler(JobRunLog log) : IQueryHandler<ListJobRunsQuery, IReadOnlyList<JobRun>>
{
    public async ValueTask<IReadOnlyList<JobRun>> Handle(ListJobRunsQuery query, CancellationToken cancellationToken) =>
        await log.ListAsync(query.JobId, query.Limit, cancellationToken);
}

/// <summary>Runs a recurring job now (it keeps its schedule). False when no such job is registered.</summary>
public sealed record TriggerJobCommand(string JobId) : ICommand<bool>;

public sealed class TriggerJobHandler(IEnumerable<ScheduledJobRegistration> registrations, IRecurringJobManager recurringJobs)
    : ICommandHandler<TriggerJobCommand, bool>
{
    public ValueTask<bool> Handle(TriggerJobCommand command, CancellationToken cancellationToken)
    {
        if (!registrations.Any(r => r.JobId == command.JobId))
        {
            return ValueTask.FromResult(false);
        }

        recurringJobs.Trigger(command.JobId);
        return ValueTask.FromResult(true);
    }
}
