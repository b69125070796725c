using System.Reflection;
using Akto.Consolidation.Silo.Health;
using Akto.Consolidation.Silo.Hosting;
using Akto.Consolidation.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Akto.Consolidation.Silo.Tests.Storage;

public sealed class SchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The query keys the 10.4.2 providers refuse to start without, read from their own DbStoredQueries.</summary>
    private static IEnumerable<string> RequiredKeys(Type providerType)
    {
        var stored = providerType.Assembly.GetTypes().Single(t => t.Name == "DbStoredQueries");
        return stored.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name);
    }

    private static readonly string[] GrainStorageKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    [Fact]
    public async Task PostgreSql_holds_every_query_the_storage_clustering_and_reminder_providers_require()
    {
        await using var target = await StorageTarget.CreateAsync(SqlDialect.PostgreSql);
        var queries = await target.QueriesAsync();

        var clustering = RequiredKeys(typeof(Orleans.Configuration.AdoNetClusteringSiloOptions)).ToList();
        var reminders = RequiredKeys(typeof(Orleans.Configuration.AdoNetReminderTableOptions)).ToList();
        Assert.Contains("CleanupDefunctSiloEntriesKey", clustering);
        Assert.Contains("UpsertReminderRowKey", reminders);
        Assert.Empty(clustering.Concat(reminders).Concat(GrainStorageKeys).Except(queries.Keys));
    }

    [Fact]
    public async Task Sqlite_holds_the_grain_storage_queries()
    {
        await using var target = await StorageTarget.CreateAsync(SqlDialect.Sqlite);
        var queries = await target.QueriesAsync();
        Assert.Empty(GrainStorageKeys.Except(queries.Keys));
        Assert.StartsWith("BEGIN IMMEDIATE;", queries["WriteToStorageKey"].Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(queries.Values, q => q.Contains("PRAGMA", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql)]
    [InlineData(SqlDialect.Sqlite)]
    public async Task Migration_is_recorded_and_applies_nothing_the_second_time(SqlDialect dialect)
    {
        await using var target = await StorageTarget.CreateAsync(dialect);
        Assert.Empty(await target.Migrator.MigrateAsync(Ct));

        await using var connection = await target.Database.OpenConnectionAsync(Ct);
        await using var command = target.Database.Command(connection, "SELECT COUNT(*) FROM akto_schema_version");
        Assert.Equal(SchemaMigrator.Scripts(dialect).Count, Convert.ToInt32(await command.ExecuteScalarAsync(Ct)));
        Assert.Equal([1, 2, 3, 4], SchemaMigrator.Scripts(dialect).Select(s => s.Version));
    }

    [Fact]
    public async Task Concurrent_migrations_of_several_silos_on_postgresql_do_not_collide()
    {
        var targets = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StorageTarget.CreateAsync(SqlDialect.PostgreSql, migrate: false)));
        try
        {
            await Task.WhenAll(targets.Select(t => t.Migrator.MigrateAsync(Ct)));
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Sqlite_database_is_in_wal_mode()
    {
        await using var target = await StorageTarget.CreateAsync(SqlDialect.Sqlite);
        await using var connection = await target.Database.OpenConnectionAsync(Ct);
        await using var command = target.Database.Command(connection, "PRAGMA journal_mode");
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
        await using var busy = target.Database.Command(connection, "PRAGMA busy_timeout");
        Assert.Equal(5000L, await busy.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Storage_health_check_is_unhealthy_when_postgresql_does_not_answer()
    {
        var settings = new AktoSettings
        {
            PostgresConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2",
            DataDirectory = Path.GetTempPath(),
        };
        await using var database = AktoDatabase.Create(settings);
        var result = await new StorageHealthCheck(database).CheckHealthAsync(new HealthCheckContext(), Ct);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
