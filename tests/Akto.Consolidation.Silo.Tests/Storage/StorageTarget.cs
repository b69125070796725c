using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Storage;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Akto.Consolidation.Silo.Tests.Storage;

/// <summary>A freshly migrated database of either dialect, for tests that speak SQL directly.</summary>
public sealed class StorageTarget : IAsyncDisposable
{
    private readonly string? _directory;

    private StorageTarget(AktoDatabase database, string? directory)
    {
        Database = database;
        _directory = directory;
    }

    public AktoDatabase Database { get; }

    public SchemaMigrator Migrator => new(Database, NullLogger<SchemaMigrator>.Instance);

    public static async Task<StorageTarget> CreateAsync(SqlDialect dialect, bool migrate = true)
    {
        string? directory = null;
        AktoSettings settings;
        if (dialect == SqlDialect.PostgreSql)
        {
            settings = new AktoSettings { PostgresConnectionString = TestPostgres.ConnectionString, DataDirectory = Path.GetTempPath() };
        }
        else
        {
            directory = Path.Combine(Path.GetTempPath(), "akto-sql-" + Guid.NewGuid().ToString("N"));
            settings = new AktoSettings { DataDirectory = directory };
        }

        var target = new StorageTarget(AktoDatabase.Create(settings), directory);
        if (migrate)
        {
            await target.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        }

        return target;
    }

    public async Task<Dictionary<string, string>> QueriesAsync()
    {
        await using var connection = await Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = Database.Command(connection, "SELECT QueryKey, QueryText FROM OrleansQuery");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var queries = new Dictionary<string, string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            queries[reader.GetString(0)] = reader.GetString(1);
        }

        return queries;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
