using System.Net;
using System.Net.Http.Json;
using Akto.Consolidation.Silo.Jobs;
using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>The embedded mode: one silo, SQLite files under the data directory.</summary>
public sealed class EmbeddedSiloTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-embedded-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Grain_state_survives_a_restart()
    {
        var options = SiloOptions.Embedded(Path.Combine(_root, "data"));
        await using (var silo = await RunningSilo.StartAsync(options))
        {
            await silo.Grains.GetGrain<ICounterGrain>("2024/u1").AddAsync("一");
            await silo.Grains.GetGrain<ICounterGrain>("2024/u1").AddAsync("二");
        }

        Assert.True(File.Exists(Path.Combine(_root, "data", "akto.db")));
        Assert.True(File.Exists(Path.Combine(_root, "data", "hangfire.db")));

        await using (var restarted = await RunningSilo.StartAsync(options))
        {
            var state = await restarted.Grains.GetGrain<ICounterGrain>("2024/u1").GetAsync();
            Assert.Equal(["一", "二"], state.Notes);
        }
    }

    [Fact]
    public async Task Grain_state_survives_a_hard_kill()
    {
        // A hard kill leaves the files as they are at that instant: the database plus an uncheckpointed WAL.
        // Copy them from under the running silo (nothing is written meanwhile) and start a new silo on the copy.
        var live = SiloOptions.Embedded(Path.Combine(_root, "live"));
        var crashed = Path.Combine(_root, "crashed");
        await using (var silo = await RunningSilo.StartAsync(live))
        {
            for (var i = 0; i < 20; i++)
            {
                await silo.Grains.GetGrain<ICounterGrain>($"2024/u{i % 4}").AddAsync($"w{i}");
            }

            Directory.CreateDirectory(crashed);
            // Hangfire's own file is left behind: it is rebuilt, and it is being written right now.
            foreach (var file in Directory.GetFiles(live.DataDirectory!, "akto.db*"))
            {
                using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var target = File.Create(Path.Combine(crashed, Path.GetFileName(file)));
                await source.CopyToAsync(target, TestContext.Current.CancellationToken);
            }

            Assert.True(new FileInfo(Path.Combine(crashed, "akto.db-wal")).Length > 0, "the writes are still in the WAL");
        }

        await using var recovered = await RunningSilo.StartAsync(live with { DataDirectory = crashed });
        for (var u = 0; u < 4; u++)
        {
            Assert.Equal(5, (await recovered.Grains.GetGrain<ICounterGrain>($"2024/u{u}").GetAsync()).Count);
        }
    }

    [Fact]
    public async Task Unknown_job_cannot_be_triggered()
    {
        await using var silo = await RunningSilo.StartAsync(SiloOptions.Embedded(Path.Combine(_root, "data")));
        using var response = await silo.Admin.PostAsync("/api/v1/jobs/no-such-job/trigger", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
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
