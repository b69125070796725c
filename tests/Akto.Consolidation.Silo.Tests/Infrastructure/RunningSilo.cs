using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Akto.Consolidation.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Akto.Consolidation.Silo.Tests.Infrastructure;

/// <summary>How a test wants its silo: storage, identity and ports.</summary>
public sealed record SiloOptions
{
    public string? Postgres { get; init; }

    public string? DataDirectory { get; init; }

    public required string ServiceId { get; init; }

    public string ClusterId { get; init; } = "test";

    public string AdminKey { get; init; } = "test-admin-key-0123456789abcdef";

    public Dictionary<string, string> Extra { get; init; } = [];

    public static SiloOptions Embedded(string dataDirectory, string? serviceId = null) =>
        new() { DataDirectory = dataDirectory, ServiceId = serviceId ?? Unique("svc") };

    public static SiloOptions OnPostgres(string? serviceId = null, string? clusterId = null) =>
        new() { Postgres = TestPostgres.ConnectionString, ServiceId = serviceId ?? Unique("svc"), ClusterId = clusterId ?? Unique("cluster") };

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

/// <summary>The real silo host, started in this process on free loopback ports.</summary>
public sealed class RunningSilo : IAsyncDisposable
{
    private RunningSilo(WebApplication app, Uri baseAddress, SiloOptions options)
    {
        App = app;
        Options = options;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.AdminKey);
    }

    public WebApplication App { get; }

    public SiloOptions Options { get; }

    /// <summary>Anonymous client.</summary>
    public HttpClient Http { get; }

    /// <summary>Client with the bootstrap finance-bureau key.</summary>
    public HttpClient Admin { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public static async Task<RunningSilo> StartAsync(SiloOptions options)
    {
        // A port found free can be taken before the silo binds it (other tests start silos in parallel): try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(options);
            }
            catch (Exception exception) when (attempt < 5 && IsAddressInUse(exception))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } or Microsoft.AspNetCore.Connections.AddressInUseException
                || (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsAddressInUse)))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<RunningSilo> TryStartAsync(SiloOptions options)
    {
        var httpPort = FreePort();
        var args = new List<string>
        {
            $"--urls=http://127.0.0.1:{httpPort}",
            $"--Akto:ServiceId={options.ServiceId}",
            $"--Akto:ClusterId={options.ClusterId}",
            $"--Akto:Orleans:SiloPort={FreePort()}",
            $"--Akto:Orleans:GatewayPort={FreePort()}",
            "--Akto:Orleans:AdvertisedAddress=127.0.0.1",
            "--Akto:Jobs:PollInterval=00:00:01",
            $"--AKTO_BOOTSTRAP_ADMIN_KEY={options.AdminKey}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Error",
        };
        if (options.Postgres is not null)
        {
            args.Add($"--ConnectionStrings:Postgres={options.Postgres}");
        }

        if (options.DataDirectory is not null)
        {
            args.Add($"--Akto:DataDirectory={options.DataDirectory}");
        }

        args.AddRange(options.Extra.Select(e => $"--{e.Key}={e.Value}"));

        var app = SiloHost.Build([.. args]);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var silo = new RunningSilo(app, new Uri($"http://127.0.0.1:{httpPort}"), options);
        await silo.WaitUntilHealthyAsync();
        return silo;
    }

    public async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Http.GetAsync("/health", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/health stayed {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Admin.Dispose();
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>
    /// A loopback port that is free now, below Linux's ephemeral range (32768–60999) so that no outgoing connection of
    /// the tests (PostgreSQL, HTTP) can be holding it.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(10_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
