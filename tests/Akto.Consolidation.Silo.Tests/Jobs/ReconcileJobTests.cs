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
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the reconcile job did not run within 120 s");
            await Task.Delay(500, TestContext.Current.CancellationToken);
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
