using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>
/// The silo as a user runs it: its own process from its build output, embedded mode, the seed served at once — a
/// hard kill (SIGKILL) in the middle of its life loses no accepted version, and a stop (SIGTERM) under load exits
/// cleanly (code 0, no native crash) and keeps every acknowledged submission.
/// </summary>
public sealed class SiloProcessTests : IDisposable
{
    private const string AdminKey = "process-admin-key-0123456789";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "akto-process-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serves_the_seed_consolidation_and_survives_a_hard_kill()
    {
        var port = RunningSilo.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        using (var first = StartSilo(port))
        {
            await WaitHealthyAsync(client, first);
            var root = await WaitForRootTotalAsync(client, "department:139001", 7499.14m);
            Assert.Equal(7499.14m, root.GetProperty("total").GetDecimal());
            Assert.Equal(6188.75m, root.GetProperty("sources").GetProperty("generalBudget").GetDecimal() + root.GetProperty("sources").GetProperty("generalBudgetTransfer").GetDecimal());

            using var edited = await PutAsync(client, "139001", SeedAs("139001"), ifMatch: "\"1\"");
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }

        using var second = StartSilo(port);
        try
        {
            await WaitHealthyAsync(client, second);
            var versions = await client.GetFromJsonAsync<JsonElement>(UnitPath("139001", "versions"), Ct);
            Assert.Equal(2, versions.GetArrayLength());
            var root = await WaitForRootTotalAsync(client, "department:139001", 7499.14m);
            Assert.Equal(7499.14m, root.GetProperty("total").GetDecimal());
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Sigterm_under_load_exits_cleanly_and_keeps_every_acknowledged_submission()
    {
        var port = RunningSilo.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();

        using (var silo = StartSilo(port, output))
        {
            await WaitHealthyAsync(client, silo);
            using var stopLoad = new CancellationTokenSource();

            // Distinct units per writer; a writer stops at the first failed request (the silo stopped listening).
            var writers = Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
            {
                for (var sequence = 0; !stopLoad.IsCancellationRequested; sequence++)
                {
                    var unit = $"T{writer}{sequence:D4}";
                    try
                    {
                        using var response = await PutAsync(client, unit, SeedAs(unit));
                        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            acknowledged[unit] = response.Headers.ETag?.Tag ?? "";
                        }
                        else if ((int)response.StatusCode >= 500)
                        {
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            })).ToList();

            // SIGTERM while the writers are busy.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 30 && DateTime.UtcNow < deadline && !silo.HasExited)
            {
                await Task.Delay(50, Ct);
            }

            Assert.True(acknowledged.Count >= 30, $"only {acknowledged.Count} submissions were acknowledged before the stop");
            SendSigterm(silo);

            using (var exitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
            {
                await silo.WaitForExitAsync(exitTimeout.Token);
            }

            await stopLoad.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.True(silo.ExitCode == 0, $"the silo exited with {silo.ExitCode} after SIGTERM:\n{string.Join('\n', output.TakeLast(60))}");
        }

        using var restarted = StartSilo(port, output);
        try
        {
            await WaitHealthyAsync(client, restarted);
            var missing = new List<string>();
            foreach (var (unit, etag) in acknowledged)
            {
                var (status, current, _) = await GetCurrentAsync(client, unit);
                if (status != 200 || (etag.Length > 0 && current != etag))
                {
                    missing.Add($"{unit}: {status} {current} (acknowledged {etag})");
                }
            }

            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged submissions are missing after the restart: {string.Join("; ", missing.Take(20))}");
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>SIGTERM, as systemd, Docker and Kubernetes stop a service (Process.Kill sends SIGKILL).</summary>
    private static void SendSigterm(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private Process StartSilo(int port, System.Collections.Concurrent.ConcurrentQueue<string>? output = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BuildOutput.Silo());
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Akto:DataDirectory={_data}");
        start.ArgumentList.Add($"--Akto:Orleans:SiloPort={RunningSilo.FreePort()}");
        start.ArgumentList.Add($"--Akto:Orleans:GatewayPort={RunningSilo.FreePort()}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.Environment["AKTO_BOOTSTRAP_ADMIN_KEY"] = AdminKey;
        start.Environment.Remove("ConnectionStrings__Postgres");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string>? output, string? line)
    {
        if (output is not null && line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static async Task WaitHealthyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the silo exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var response = await client.GetAsync("/health", Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail("the silo process did not become healthy within 90 s");
    }
}
