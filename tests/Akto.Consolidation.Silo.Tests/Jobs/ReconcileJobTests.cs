using System.Net;
using System.Net.Http.Json;
using Akto.Consolidation.Silo.Jobs;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Jobs;

/// <summary>
/// Hangfire keeps process-wide state (its global configuration and current storage), so a test that runs a job must
/// not share the process with other silos starting at the same time: this collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "hangfire";
}

[Collection(HangfireCollection.Name)]
public sealed class ReconcileJobTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-jobs-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Reconcile_job_runs_on_demand_and_its_run_is_recorded()
    {
        await using var silo = await RunningSilo.StartAsync(SiloOptions.Embedded(Path.Combine(_root, "data")));
        using var trigger = await silo.Admin.PostAsync($"/api/v1/jobs/{ReconcileConsolidationJob.JobId}/trigger", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var runs = await silo.Admin.GetFromJsonAsync<List<JobRun>>(
                $"/api/v1/jobs/runs?jobId={ReconcileConsolidationJob.JobId}", TestContext.Current.CancellationToken);
            if (runs is [{ Succeeded: false, FinishedAt: not null } failed, ..])
            {
                Assert.Fail($"the reconcile job failed: {failed.Summary}");
            }

            if (runs is [{ Succeeded: true } run, ..])
            {
                Assert.Equal(ReconcileConsolidationJob.JobId, run.JobId);
                Assert.NotNull(run.FinishedAt);
                // The seed unit is loaded on first start: the trees are checked and found exact.
                Assert.DoesNotContain("检查 0，", run.Summary, StringComparison.Ordinal);
                Assert.Contains("发现 0", run.Summary, StringComparison.Ordinal);
                await AssertDashboardShowsTheRunAsync(silo);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the reconcile job did not run within 120 s");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Each_deployment_sharing_a_PostgreSQL_database_sees_only_its_own_job_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await RunningSilo.StartAsync(SiloOptions.OnPostgres());
        await using var second = await RunningSilo.StartAsync(SiloOptions.OnPostgres());
        using var trigger = await first.Admin.PostAsync($"/api/v1/jobs/{ReconcileConsolidationJob.JobId}/trigger", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);

        var path = $"/api/v1/jobs/runs?jobId={ReconcileConsolidationJob.JobId}&limit=500";
        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<JobRun> runs;
        while ((runs = (await first.Admin.GetFromJsonAsync<List<JobRun>>(path, ct))!) is not [{ FinishedAt: not null }, ..])
        {
            Assert.True(DateTime.UtcNow < deadline, "the reconcile job did not run within 120 s");
            await Task.Delay(300, ct);
        }

        var run = Assert.Single(runs);
        Assert.True(run.Succeeded, run.Summary);
        Assert.DoesNotContain(await second.Admin.GetFromJsonAsync<List<JobRun>>(path, ct) ?? [], r => r.RunId == run.RunId);
    }

    /// <summary>The Hangfire dashboard reads the embedded storage through its monitoring API and extended connection.</summary>
    private static async Task AssertDashboardShowsTheRunAsync(RunningSilo silo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var succeeded = await silo.Http.GetStringAsync("/hangfire/jobs/succeeded", TestContext.Current.CancellationToken);
            if (succeeded.Contains("ScheduledJobRunner", StringComparison.Ordinal))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the succeeded run is not on the dashboard within 30 s");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        var recurring = await silo.Http.GetStringAsync("/hangfire/recurring", TestContext.Current.CancellationToken);
        Assert.Contains(ReconcileConsolidationJob.JobId, recurring, StringComparison.Ordinal);
        var servers = await silo.Http.GetStringAsync("/hangfire/servers", TestContext.Current.CancellationToken);
        Assert.Contains("akto-", servers, StringComparison.Ordinal);
        foreach (var page in new[] { "/hangfire", "/hangfire/jobs/enqueued", "/hangfire/jobs/processing", "/hangfire/jobs/scheduled",
            "/hangfire/jobs/failed", "/hangfire/jobs/deleted", "/hangfire/jobs/awaiting", "/hangfire/retries" })
        {
            using var response = await silo.Http.GetAsync(page, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
