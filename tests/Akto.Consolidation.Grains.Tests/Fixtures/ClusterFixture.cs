using Akto.Consolidation.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Akto.Consolidation.Grains.Tests.Fixtures;

/// <summary>
/// An in-process cluster with the grains and a "budget" storage provider that serializes state with the Orleans
/// serializer, as the silo's ADO.NET storage does — so every test also proves the state types are serializable — and,
/// like it, only after an asynchronous step (see <see cref="SharedGrainStorage"/>).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    protected virtual short Silos => 1;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo));
        builder.ConfigureClient(ConfigureClient);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual void ConfigureClient(IClientBuilder client)
    {
    }

    private readonly SharedGrainStorage.Store _store = new();

    /// <summary>What the grains have stored, as the database would hold it.</summary>
    internal SharedGrainStorage.Store Store => _store;

    /// <summary>Nodes checkpoint after a second rather than the production default, so tests can watch it happen.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    protected virtual void ConfigureSilo(ISiloBuilder silo) => ConfigureGrains(silo, _store);

    /// <summary>The grains, their options for tests, and the "budget" storage over <paramref name="store"/>.</summary>
    internal static void ConfigureGrains(ISiloBuilder silo, SharedGrainStorage.Store store, Action<ConsolidationOptions>? options = null)
    {
        silo.Services.AddConsolidationGrains();
        silo.Services.Configure<ConsolidationOptions>(o =>
        {
            o.CheckpointInterval = CheckpointInterval;
            options?.Invoke(o);
        });
        silo.Services.AddGrainStorage(GrainStorage.ProviderName, (services, _) =>
            new SharedGrainStorage(store, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
    }
}

/// <summary>The cluster most tests share; they use unique unit and department codes, so they never meet.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "shared cluster";
}

/// <summary>A cluster of its own, for tests about the whole county (which every unit of the year belongs to).</summary>
public sealed class CountyClusterFixture : ClusterFixture;

/// <summary>
/// Two silos sharing storage that outlives a silo, as a database does. (Memory storage keeps state in grains of the
/// silos themselves, so stopping a silo would lose state no real deployment loses.)
/// </summary>
public sealed class TwoSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 2;

    /// <summary>Calls caught on the killed silo fail after this instead of the default 30 s, and are retried.</summary>
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(4);

    protected override void ConfigureClient(IClientBuilder client) =>
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
        base.ConfigureSilo(silo);
    }
}
