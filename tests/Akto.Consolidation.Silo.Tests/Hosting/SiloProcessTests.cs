using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>
/// The silo as a user runs it: its own process from its build output, embedded mode, the seed served at once — and a
/// hard kill (SIGKILL) in the middle of its life loses no accepted version.
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

    private Process StartSilo(int port)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SiloAssembly());
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Akto:DataDirectory={_data}");
        start.ArgumentList.Add($"--Akto:Orleans:SiloPort={RunningSilo.FreePort()}");
        start.ArgumentList.Add($"--Akto:Orleans:GatewayPort={RunningSilo.FreePort()}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.Environment["AKTO_BOOTSTRAP_ADMIN_KEY"] = AdminKey;
        start.Environment.Remove("ConnectionStrings__Postgres");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    /// <summary>The silo's own build output, of the same configuration as these tests.</summary>
    private static string SiloAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = directory.Parent!.Name;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Akto.Consolidation.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, "silo", "Akto.Consolidation.Silo", "bin", configuration, "net10.0", "Akto.Consolidation.Silo.dll");
        Assert.True(File.Exists(path), $"{path} is not built");
        return path;
    }
}
