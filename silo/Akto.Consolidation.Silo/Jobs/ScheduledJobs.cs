using Hangfire;

namespace Akto.Consolidation.Silo.Jobs;

/// <summary>What a scheduled job did, recorded in <c>akto_job_runs</c>.</summary>
/// <param name="Checked">Items looked at (units, departments, snapshots, ...).</param>
/// <param name="Found">Problems found (e.g. stale or missing consolidated totals).</param>
/// <param name="Repaired">Problems repaired.</param>
/// <param name="Summary">One line for operators, Chinese first.</param>
public sealed record JobRunResult(int Checked, int Found, int Repaired, string Summary);

/// <summary>A recurring job of the silo: reconciliation, nightly disclosure snapshots.</summary>
public interface IScheduledJob
{
    Task<JobRunResult> RunAsync(CancellationToken cancellationToken);
}

/// <summary>A recurring job known to the silo: its Hangfire id, implementation, cron and the cron's time zone (null: UTC).</summary>
public sealed record ScheduledJobRegistration(string JobId, Type JobType, string Cron, string? TimeZone = null)
{
    /// <summary>The cron's time zone: an IANA or Windows id as the platform knows it; UTC when none is set.</summary>
    public TimeZoneInfo ResolveTimeZone() => TimeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public static class ScheduledJobServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> as the recurring job <paramref name="jobId"/>: it is added to
    /// Hangfire at start-up, its runs are recorded, and it can be triggered through the API.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string jobId, string cron, string? timeZone = null)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new ScheduledJobRegistration(jobId, typeof(TJob), cron, timeZone));
        return services;
    }
}

/// <summary>
/// The single Hangfire entry point of every scheduled job: Hangfire stores only
/// <c>ScheduledJobRunner.RunAsync(jobId)</c>, so renaming a job class never breaks stored jobs.
/// </summary>
public sealed class ScheduledJobRunner(
    IEnumerable<ScheduledJobRegistration> registrations,
    IServiceScopeFactory scopes,
    JobRunLog log,
    ILogger<ScheduledJobRunner> logger)
{
    // Two silos share one Hangfire storage: a run of a job waits for (or, after a minute, gives up on)
    // the one already running instead of overlapping it.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var registration = registrations.FirstOrDefault(r => r.JobId == jobId)
            ?? throw new InvalidOperationException($"Unknown scheduled job '{jobId}'.");
        var runId = await log.StartAsync(jobId, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var job = (IScheduledJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            var result = await job.RunAsync(cancellationToken);
            await log.FinishAsync(runId, succeeded: true, result, CancellationToken.None);
            logger.LogInformation("Job {JobId} run {RunId}: {Summary}", jobId, runId, result.Summary);
        }
        catch (Exception ex)
        {
            await log.FinishAsync(runId, succeeded: false, new JobRunResult(0, 0, 0, $"失败 (failed): {ex.GetType().Name}: {ex.Message}"), CancellationToken.None);
            throw;
        }
    }
}

/// <summary>Adds or updates every registered recurring job in Hangfire at start-up.</summary>
public sealed class RecurringJobRegistrar(
    IEnumerable<ScheduledJobRegistration> registrations,
    Hosting.AktoSettings settings,
    IRecurringJobManager recurringJobs,
    ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            var jobId = registration.JobId;
            recurringJobs.AddOrUpdate<ScheduledJobRunner>(
                jobId,
                settings.JobQueue,
                runner => runner.RunAsync(jobId, CancellationToken.None),
                registration.Cron,
                new RecurringJobOptions { TimeZone = registration.ResolveTimeZone() });
            logger.LogInformation("Recurring job {JobId} scheduled at '{Cron}' ({TimeZone})", jobId, registration.Cron, registration.TimeZone ?? "UTC");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
