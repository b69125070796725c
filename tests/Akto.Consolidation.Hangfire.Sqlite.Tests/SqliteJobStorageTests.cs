using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Data.Sqlite;

namespace Akto.Consolidation.Hangfire.Sqlite.Tests;

/// <summary>Jobs run by the server tests; static because Hangfire stores a method, not an instance.</summary>
public static class Probe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Runs = new();

    public static Task RanAsync(string token) => Runs.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Run(string token) => Runs.GetOrAdd(token, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public static void Nothing()
    {
    }
}

public sealed class SqliteJobStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-hangfire-" + Guid.NewGuid().ToString("N"));

    private string File => Path.Combine(_root, "hangfire.db");

    private SqliteJobStorage NewStorage(TimeSpan? poll = null) =>
        new(File, new SqliteJobStorageOptions { QueuePollInterval = poll ?? TimeSpan.FromMilliseconds(200), InvisibilityTimeout = TimeSpan.FromMinutes(5) });

    [Fact]
    public async Task Enqueued_job_is_fetched_performed_and_recorded_as_succeeded()
    {
        var storage = NewStorage();
        var token = Guid.NewGuid().ToString("N");
        var client = new BackgroundJobClient(storage);
        var jobId = client.Enqueue(() => Probe.Run(token));

        using (var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 1, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) }, storage))
        {
            await Probe.RanAsync(token).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => storage.GetConnection().GetStateData(jobId)?.Name == SucceededState.StateName);
        }

        var monitoring = storage.GetMonitoringApi();
        await WaitUntilAsync(() => monitoring.GetStatistics().Succeeded == 1);
        var details = monitoring.JobDetails(jobId);
        Assert.Equal([SucceededState.StateName, ProcessingState.StateName, EnqueuedState.StateName], details.History.Select(h => h.StateName));
        Assert.Equal(1, monitoring.SucceededByDatesCount()[DateTime.UtcNow.Date]);
        Assert.Equal(1, monitoring.SucceededListCount());
        Assert.Contains(jobId, monitoring.SucceededJobs(0, 10).Select(j => j.Key));
        Assert.Equal(0, monitoring.EnqueuedCount(EnqueuedState.DefaultQueue));
        Assert.Equal(0, monitoring.FetchedCount(EnqueuedState.DefaultQueue));
    }

    [Fact]
    public void Fetch_takes_a_job_once_and_a_job_given_back_is_fetched_again()
    {
        var storage = NewStorage();
        var jobId = new BackgroundJobClient(storage).Enqueue(() => Probe.Nothing());
        using var first = storage.GetConnection();
        using var second = storage.GetConnection();

        var fetched = first.FetchNextJob([EnqueuedState.DefaultQueue], TestContext.Current.CancellationToken);
        Assert.Equal(jobId, fetched.JobId);
        Assert.Equal(1, storage.GetMonitoringApi().FetchedCount(EnqueuedState.DefaultQueue));

        using (var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => second.FetchNextJob([EnqueuedState.DefaultQueue], cancelled.Token));
        }

        // Disposed without RemoveFromQueue (a worker stopped mid-job): the job goes back to its queue.
        fetched.Dispose();
        var again = second.FetchNextJob([EnqueuedState.DefaultQueue], TestContext.Current.CancellationToken);
        Assert.Equal(jobId, again.JobId);
        again.RemoveFromQueue();
        again.Dispose();
        Assert.Equal(0, storage.GetMonitoringApi().EnqueuedCount(EnqueuedState.DefaultQueue));
        Assert.Equal(0, storage.GetMonitoringApi().FetchedCount(EnqueuedState.DefaultQueue));
    }

    [Fact]
    public void Distributed_lock_excludes_other_connections_and_other_storages_on_the_same_file()
    {
        var a = NewStorage();
        var b = NewStorage();
        using var holder = a.GetConnection();
        using var sameStorage = a.GetConnection();
        using var otherStorage = b.GetConnection();

        var held = holder.AcquireDistributedLock("resource", TimeSpan.FromSeconds(1));
        // Re-entrant on the connection that holds it.
        holder.AcquireDistributedLock("resource", TimeSpan.FromSeconds(1)).Dispose();
        Assert.Throws<DistributedLockTimeoutException>(() => sameStorage.AcquireDistributedLock("resource", TimeSpan.FromMilliseconds(300)));
        Assert.Throws<DistributedLockTimeoutException>(() => otherStorage.AcquireDistributedLock("resource", TimeSpan.FromMilliseconds(300)));
        // Other resources are independent.
        otherStorage.AcquireDistributedLock("another", TimeSpan.FromSeconds(1)).Dispose();

        held.Dispose();
        using var taken = otherStorage.AcquireDistributedLock("resource", TimeSpan.FromSeconds(5));
        Assert.Throws<DistributedLockTimeoutException>(() => holder.AcquireDistributedLock("resource", TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Distributed_lock_admits_one_holder_at_a_time_under_contention()
    {
        var storages = new[] { NewStorage(), NewStorage() };
        var inside = 0;
        var maxInside = 0;
        var tasks = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            using var connection = storages[i % 2].GetConnection();
            for (var round = 0; round < 5; round++)
            {
                using var held = connection.AcquireDistributedLock("contended", TimeSpan.FromSeconds(30));
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                Thread.Sleep(5);
                Interlocked.Decrement(ref inside);
            }
        }));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(1, maxInside);
    }

    [Fact]
    public void Recurring_job_survives_a_new_storage_on_the_same_file()
    {
        new RecurringJobManager(NewStorage()).AddOrUpdate("nightly", () => Probe.Nothing(), Cron.Daily(2), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

        var reopened = NewStorage();
        using var connection = reopened.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("nightly", job.Id);
        Assert.Equal(Cron.Daily(2), job.Cron);
        Assert.NotNull(job.NextExecution);
        Assert.Equal(1, reopened.GetMonitoringApi().GetStatistics().Recurring);
    }

    [Fact]
    public void Triggered_recurring_job_is_enqueued_and_counted()
    {
        var storage = NewStorage();
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate("now", () => Probe.Nothing(), Cron.Never());
        manager.Trigger("now");

        var monitoring = storage.GetMonitoringApi();
        Assert.Equal(1, monitoring.EnqueuedCount(EnqueuedState.DefaultQueue));
        Assert.Equal(1, monitoring.GetStatistics().Enqueued);
        var queue = Assert.Single(monitoring.Queues());
        Assert.Equal(EnqueuedState.DefaultQueue, queue.Name);
        Assert.Single(queue.FirstJobs);
    }

    [Fact]
    public void Expired_rows_are_removed_and_live_ones_kept()
    {
        var storage = NewStorage();
        using var connection = (JobStorageConnection)storage.GetConnection();
        var expiring = connection.CreateExpiredJob(Job.FromExpression(() => Probe.Nothing()), new Dictionary<string, string?>(), DateTime.UtcNow, TimeSpan.FromMilliseconds(1));
        var kept = connection.CreateExpiredJob(Job.FromExpression(() => Probe.Nothing()), new Dictionary<string, string?> { ["p"] = "v" }, DateTime.UtcNow, TimeSpan.FromHours(1));
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.IncrementCounter("expiring", TimeSpan.FromMilliseconds(1));
            transaction.IncrementCounter("kept");
            transaction.AddToSet("set", "a");
            ((JobStorageTransaction)transaction).ExpireSet("set", TimeSpan.FromMilliseconds(1));
            transaction.SetRangeInHash("hash", [new("f", "v")]);
            transaction.Commit();
        }

        Thread.Sleep(50);
        Assert.True(SqliteExpirationManager.RemoveExpired(storage, TestContext.Current.CancellationToken) >= 3);

        Assert.Null(connection.GetJobData(expiring));
        Assert.NotNull(connection.GetJobData(kept));
        Assert.Equal("v", connection.GetJobParameter(kept, "p"));
        Assert.Equal(0, connection.GetCounter("expiring"));
        Assert.Equal(1, connection.GetCounter("kept"));
        Assert.Equal(0, connection.GetSetCount("set"));
        Assert.Equal("v", connection.GetValueFromHash("hash", "f"));
    }

    [Fact]
    public void Lists_are_newest_first_and_trim_keeps_the_newest()
    {
        var storage = NewStorage();
        using var connection = (JobStorageConnection)storage.GetConnection();
        using (var transaction = connection.CreateWriteTransaction())
        {
            foreach (var value in new[] { "1", "2", "3", "4" })
            {
                transaction.InsertToList("list", value);
            }

            transaction.TrimList("list", 0, 2);
            transaction.Commit();
        }

        Assert.Equal(["4", "3", "2"], connection.GetAllItemsFromList("list"));
        Assert.Equal(["3", "2"], connection.GetRangeFromList("list", 1, 2));
    }

    [Fact]
    public void Servers_are_announced_and_timed_out()
    {
        var storage = NewStorage();
        using var connection = storage.GetConnection();
        connection.AnnounceServer("server-1", new global::Hangfire.Server.ServerContext { WorkerCount = 3, Queues = ["default"] });
        var server = Assert.Single(storage.GetMonitoringApi().Servers());
        Assert.Equal(3, server.WorkersCount);
        connection.Heartbeat("server-1");
        Assert.Equal(1, connection.RemoveTimedOutServers(TimeSpan.FromMilliseconds(-1000)));
        Assert.Throws<BackgroundServerGoneException>(() => connection.Heartbeat("server-1"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
