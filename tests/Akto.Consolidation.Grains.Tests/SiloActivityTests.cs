namespace Akto.Consolidation.Grains.Tests;

/// <summary><see cref="SiloActivity"/> follows the silo's lifecycle: active once started, stopping from the first stop.</summary>
public sealed class SiloActivityTests
{
    [Fact]
    public async Task Work_waits_for_the_silo_to_be_active_and_is_cancelled_when_it_stops()
    {
        var lifecycle = new RecordingLifecycle();
        var activity = new SiloActivity();
        activity.Participate(lifecycle);
        var (stage, observer) = Assert.Single(lifecycle.Observers);
        Assert.True(stage > ServiceLifecycleStage.Active, "must start after the silo is active and stop before the tree flush");

        var waiting = activity.WhenActiveAsync();
        Assert.False(waiting.IsCompleted);
        await observer.OnStart(TestContext.Current.CancellationToken);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(activity.Stopping.IsCancellationRequested);

        await observer.OnStop(TestContext.Current.CancellationToken);
        Assert.True(activity.Stopping.IsCancellationRequested);
    }

    [Fact]
    public async Task Work_waiting_for_a_silo_that_stops_before_it_was_active_is_cancelled()
    {
        var lifecycle = new RecordingLifecycle();
        var activity = new SiloActivity();
        activity.Participate(lifecycle);
        var waiting = activity.WhenActiveAsync();

        await lifecycle.Observers[0].Observer.OnStop(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        public List<(int Stage, ILifecycleObserver Observer)> Observers { get; } = [];

        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Observers.Add((stage, observer));
            return new Unsubscriber();
        }

        private sealed class Unsubscriber : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
