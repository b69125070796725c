using Akto.Consolidation.Silo.Tests.Infrastructure;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>One embedded silo shared by the API tests of a class.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "akto-api-" + Guid.NewGuid().ToString("N"));

    public RunningSilo Silo { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Silo = await RunningSilo.StartAsync(SiloOptions.Embedded(_root));

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
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
