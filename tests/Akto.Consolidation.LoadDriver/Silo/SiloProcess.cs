using System.Diagnostics;
using System.Globalization;

namespace Akto.Consolidation.LoadDriver.Silo;

/// <summary>Where a silo keeps its state: durable PostgreSQL or the embedded SQLite files.</summary>
public sealed record StorageTarget(string Name, string? PostgresConnectionString, string? DataDirectory)
{
    public bool IsPostgres => PostgresConnectionString is not null;

    public IEnumerable<string> SiloArguments() => IsPostgres
        ? [$"--ConnectionStrings:Postgres={PostgresConnectionString}"]
        : [$"--Akto:DataDirectory={DataDirectory}"];
}

/// <summary>
/// The real silo as a child process (<c>dotnet Akto.Consolidation.Silo.dll</c>): started on loopback ports, seedless,
/// with the bootstrap finance-bureau key; killed with SIGKILL for the recovery phase. Its output goes to a log file.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public static async Task<SiloProcess> StartAsync(string siloDll, StorageTarget storage, SiloPorts ports, string adminKey, string logPath, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{ports.Http}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(siloDll))!,
        };
        start.ArgumentList.Add(siloDll);
        foreach (var argument in storage.SiloArguments().Concat(
        [
            $"--urls={address.ToString().TrimEnd('/')}",
            "--Akto:LoadSeed=false",
            $"--Akto:Orleans:SiloPort={ports.Silo}",
            $"--Akto:Orleans:GatewayPort={ports.Gateway}",
            "--Logging:LogLevel:Default=Warning",
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AKTO_BOOTSTRAP_ADMIN_KEY"] = adminKey;
        start.Environment["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("DOTNET_gcServer") ?? "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(process, log, address);
        using var probe = new AktoHttp(address, adminKey, 1);
        var deadline = Stopwatch.GetTimestamp();
        while (!await probe.IsHealthyAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the silo exited with {process.ExitCode} while starting; see {logPath}");
            }

            if (Stopwatch.GetElapsedTime(deadline) > TimeSpan.FromMinutes(3))
            {
                await silo.KillAsync();
                throw new TimeoutException($"the silo was not healthy within 3 minutes; see {logPath}");
            }

            await Task.Delay(200, cancellationToken);
        }

        return silo;
    }

    /// <summary>Resident memory of the silo (VmRSS of /proc/{pid}/status), in bytes.</summary>
    public long WorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS in /proc/{Pid}/status");
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the silo gracefully (SIGTERM), then kills it if it has not exited within 20 s.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var term = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]);
        await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}

/// <summary>The silo's HTTP, Orleans silo and gateway ports: chosen by the driver so that no other silo on the machine collides.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway);
