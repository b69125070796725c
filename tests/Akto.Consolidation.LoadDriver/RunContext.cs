using Akto.Consolidation.LoadDriver.Data;
using Akto.Consolidation.LoadDriver.Silo;

namespace Akto.Consolidation.LoadDriver;

/// <summary>One storage's run: its silo process (restartable), the HTTP client, the units and what was acknowledged.</summary>
public sealed class RunContext(StorageTarget storage, UnitSet set, ProbeUnit probe, DriverOptions options, string adminKey) : IAsyncDisposable
{
    private SiloProcess? _silo;
    private AktoHttp? _http;

    public StorageTarget Storage => storage;

    public UnitSet Set => set;

    public ProbeUnit Probe => probe;

    public Ledger Ledger { get; } = new(set.Units.Count);

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not running");

    public AktoHttp Http => _http ?? throw new InvalidOperationException("the silo is not running");

    public string LogPath => Path.Combine(options.WorkDirectory, $"silo-{(storage.IsPostgres ? "postgres" : "sqlite")}.log");

    /// <summary>Starts the silo, or starts it again after a stop or a kill (on the same storage and ports).</summary>
    public async Task RestartSiloAsync(CancellationToken cancellationToken)
    {
        _http?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        var ports = new SiloPorts(options.HttpPort, options.HttpPort + 1, options.HttpPort + 2);
        _silo = await SiloProcess.StartAsync(Path.GetFullPath(options.SiloDll), storage, ports, adminKey, LogPath, cancellationToken);
        _http = new AktoHttp(_silo.Address, adminKey, connections: 128);
    }

    public async Task KillSiloAsync()
    {
        if (_silo is not null)
        {
            await _silo.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
