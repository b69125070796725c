using System.Data.Common;
using System.Reflection;

namespace Akto.Consolidation.Silo.Storage;

/// <summary>A schema script from seeds/sql/{dialect}/NNNN_name.sql, embedded in the silo.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded schema scripts in order, each once, recording it in <c>akto_schema_version</c>.
/// Safe to run from several silos at once (PostgreSQL advisory lock; SQLite's write lock) and on every
/// start-up. The scripts themselves also create only what is missing.
/// </summary>
public sealed class SchemaMigrator(AktoDatabase database, ILogger<SchemaMigrator> logger)
{
    // Any constant shared by every silo of the service; "akto" in ASCII.
    private const long PostgresLockKey = 0x616b746f;

    public static IReadOnlyList<SchemaScript> Scripts(SqlDialect dialect)
    {
        var folder = dialect == SqlDialect.PostgreSql ? "postgresql" : "sqlite";
        var prefix = $"sql/{folder}/";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static SchemaScript Load(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"Schema script '{resource}' must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }

    /// <summary>Applies what is missing and returns the versions applied now (empty when up to date).</summary>
    public async Task<IReadOnlyList<SchemaScript>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Sqlite)
        {
            // Persistent in the file: once is enough, repeating it is harmless.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (database.Dialect == SqlDialect.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }

        var timestampType = database.Dialect == SqlDialect.PostgreSql ? "timestamptz" : "TEXT";
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS akto_schema_version
            (
                version    integer NOT NULL PRIMARY KEY,
                name       text    NOT NULL,
                applied_at {timestampType} NOT NULL
            )
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = database.Command(connection, "SELECT version FROM akto_schema_version"))
        {
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0)));
            }
        }

        var pending = Scripts(database.Dialect).Where(s => !applied.Contains(s.Version)).ToList();
        foreach (var script in pending)
        {
            logger.LogInformation("Applying schema script {Version:D4}_{Name} ({Dialect})", script.Version, script.Name, database.Dialect);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using var record = database.Command(connection,
                "INSERT INTO akto_schema_version (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                ("version", script.Version), ("name", script.Name), ("appliedAt", DateTime.UtcNow));
            record.Transaction = transaction;
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Runs the migrator before Orleans and Hangfire start, retrying while the database comes up.</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, ILogger<SchemaMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (DbException ex) when (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Database not ready (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
