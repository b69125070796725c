using System.Data.Common;
using Akto.Consolidation.Silo.Hosting;
using Npgsql;

namespace Akto.Consolidation.Silo.Storage;

/// <summary>
/// The one database of the silo: PostgreSQL, or the embedded SQLite file. Grain state, API keys, job runs
/// and the schema version live here (Hangfire keeps its own tables or file).
/// </summary>
public sealed class AktoDatabase : IAsyncDisposable
{
    /// <summary>ADO.NET invariant that Orleans 10.4.2 maps to Npgsql.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>ADO.NET invariant that Orleans 10.4.2 maps to Microsoft.Data.Sqlite ("Microsoft.Data.Sqlite" fails).</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    private AktoDatabase(SqlDialect dialect, DbDataSource dataSource)
    {
        Dialect = dialect;
        DataSource = dataSource;
    }

    public SqlDialect Dialect { get; }

    public DbDataSource DataSource { get; }

    public string Invariant => Dialect == SqlDialect.PostgreSql ? PostgresInvariant : SqliteInvariant;

    public static AktoDatabase Create(AktoSettings settings)
    {
        if (settings.Mode == StorageMode.Postgres)
        {
            return new AktoDatabase(SqlDialect.PostgreSql, NpgsqlDataSource.Create(settings.PostgresConnectionString!));
        }

        Directory.CreateDirectory(settings.DataDirectory);
        return new AktoDatabase(SqlDialect.Sqlite, SqliteDataSource.ForFile(settings.SqlitePath, TimeSpan.FromSeconds(5)));
    }

    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// Runs last: the container disposes singletons in reverse order of creation and this one is created first (by the
    /// schema migration), after the hosted services have stopped — the Hangfire server (registered after Orleans, so
    /// stopped before it) and then the silo, whose grains finish their writes while deactivating. The SQLite data source
    /// owns no connection (each use opens a pooled one and closes it), so nothing native is closed under a late user.
    /// </summary>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
